import { fetchDataFile, fetchIndexFile } from '../data/data-files';
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
  const index = await fetchIndexFile<NationalIndex>('national-context.json');
  if (index?.file == null) return null;
  return fetchDataFile<NationalBundle>(index.file);
}
