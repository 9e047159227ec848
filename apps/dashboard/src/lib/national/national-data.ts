import { base } from '$app/paths';
import { DataError, reasonOf } from '../data/data-error';
import { fetchData } from '../data/fetch-data';
import type { NationalBundle, NationalIndex } from './national-bundle';

let cached: Promise<NationalBundle | null> | undefined;

/**
 * The National context page's data in the browser: `national-context.json`
 * (revalidated every visit) names a content-hashed bundle built at build time
 * (`src/lib/build/precompute-national-data.ts`), fetched whole. `null` when the
 * build had no imported NHS Maternity Statistics (the index names no file, or is
 * missing altogether). Fetched once per tab.
 */
export function fetchNationalBundle(): Promise<NationalBundle | null> {
  cached ??= load();
  cached.catch(() => (cached = undefined));
  return cached;
}

async function load(): Promise<NationalBundle | null> {
  const indexUrl = new URL(`${base}/data/national-context.json`, location.href).href;
  let response: Response;
  try {
    response = await fetchData(indexUrl, { cache: 'no-cache' });
  } catch (error) {
    throw new DataError('manifest', indexUrl, reasonOf(error), { cause: error });
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new DataError('manifest', indexUrl, `the server answered ${response.status}`);
  const index = (await response.json()) as NationalIndex;
  if (index.file == null) return null;
  const url = new URL(`${base}/data/${index.file}`, location.href).href;
  try {
    response = await fetchData(url);
  } catch (error) {
    throw new DataError('download', url, reasonOf(error), { cause: error });
  }
  if (!response.ok) throw new DataError('download', url, `the server answered ${response.status}`);
  return (await response.json()) as NationalBundle;
}
