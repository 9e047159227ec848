import { DataError } from '../data/data-error';
import { fetchDataFile, fetchIndexFile } from '../data/data-files';
import type { NetworkOverviewFile } from './network-overview';

const INDEX_FILE = 'advisory/index.json';

/**
 * The Network overview's data in the browser: one disclosure-controlled file
 * written at build time (`src/lib/build/precompute-advisory-data.ts`), found
 * through `advisory/index.json`. Nothing else is fetched: never the submissions,
 * never DuckDB. `null` when the build had no network data.
 */
export async function fetchNetworkOverview(): Promise<NetworkOverviewFile | null> {
  // Revalidated every visit: it names the content-hashed file.
  const index = await fetchIndexFile<{ file?: unknown }>(INDEX_FILE);
  if (index === null) return null;
  // Only ever a file in advisory/: the index cannot point the page at other data.
  const { file } = index;
  if (typeof file !== 'string' || !/^advisory\/[\w.-]+\.json$/.test(file))
    throw new DataError('manifest', INDEX_FILE, 'it does not name an advisory file');
  const overview = await fetchDataFile<NetworkOverviewFile>(file);
  if (overview.kind !== 'network-overview')
    throw new DataError('download', file, 'it is not a Network overview file');
  return overview;
}
