import { DataError } from '../data/data-error';
import { fetchHashedFile, fetchIndexFile } from '../data/data-files';
import type { DisparityNetworkBundle, MeasureCountsBundle } from './disparity-bundle';

/**
 * The Disparity explorer's and Measure page's data in the browser: small JSON
 * files precomputed at build time (`src/lib/build/precompute-disparity-data.ts`),
 * so the pages draw without starting DuckDB-WASM. `null` when the build had no data.
 */
export function fetchDisparityNetwork(): Promise<DisparityNetworkBundle | null> {
  // Revalidated every visit: it names the content-hashed measure files.
  return fetchIndexFile<DisparityNetworkBundle>('disparity-network.json');
}

/** One measure's counts at every site (fetched once per tab; the file name is content-hashed). */
export function fetchMeasureCounts(
  network: DisparityNetworkBundle,
  measureId: string,
): Promise<MeasureCountsBundle> {
  const file = network.measureFiles[measureId];
  if (!file)
    return Promise.reject(
      new DataError('download', `measure ${measureId}`, 'the measure has no precomputed data'),
    );
  return fetchHashedFile<MeasureCountsBundle>(file);
}
