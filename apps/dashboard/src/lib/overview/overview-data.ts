import { base } from '$app/paths';
import { DataError, reasonOf } from '../data/data-error';
import { fetchData } from '../data/fetch-data';
import type { NetworkOverviewFile } from './network-overview';

/**
 * The Network overview's data in the browser: one disclosure-controlled file
 * written at build time (`src/lib/build/precompute-advisory-data.ts`), found
 * through `advisory/index.json`. Nothing else is fetched: never the submissions,
 * never DuckDB. `null` when the build had no network data.
 */
export async function fetchNetworkOverview(): Promise<NetworkOverviewFile | null> {
  const indexUrl = new URL(`${base}/data/advisory/index.json`, location.href).href;
  let response: Response;
  try {
    // Revalidated every visit: it names the content-hashed file.
    response = await fetchData(indexUrl, { cache: 'no-cache' });
  } catch (error) {
    throw new DataError('manifest', indexUrl, reasonOf(error), { cause: error });
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new DataError('manifest', indexUrl, `the server answered ${response.status}`);
  const { file } = (await response.json()) as { file?: unknown };
  // Only ever a file in advisory/: the index cannot point the page at other data.
  if (typeof file !== 'string' || !/^advisory\/[\w.-]+\.json$/.test(file))
    throw new DataError('manifest', indexUrl, 'it does not name an advisory file');
  const url = new URL(`${base}/data/${file}`, location.href).href;
  const data = await fetchData(url).catch((error: unknown) => {
    throw new DataError('download', url, reasonOf(error), { cause: error });
  });
  if (!data.ok) throw new DataError('download', url, `the server answered ${data.status}`);
  const overview = (await data.json()) as NetworkOverviewFile;
  if (overview.kind !== 'network-overview')
    throw new DataError('download', url, 'it is not a Network overview file');
  return overview;
}
