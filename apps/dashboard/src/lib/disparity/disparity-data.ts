import { base } from '$app/paths';
import { DataError, reasonOf } from '../data/data-error';
import { fetchData } from '../data/fetch-data';
import type { DisparityNetworkBundle, MeasureCountsBundle } from './disparity-bundle';

/**
 * The Disparity explorer's and Measure page's data in the browser: small JSON
 * files precomputed at build time (`src/lib/build/precompute-disparity-data.ts`),
 * so the pages draw without starting DuckDB-WASM. `null` when the build had no data.
 */
export async function fetchDisparityNetwork(): Promise<DisparityNetworkBundle | null> {
  const url = new URL(`${base}/data/disparity-network.json`, location.href).href;
  let response: Response;
  try {
    // Revalidated every visit: it names the content-hashed measure files.
    response = await fetchData(url, { cache: 'no-cache' });
  } catch (error) {
    throw new DataError('manifest', url, reasonOf(error), { cause: error });
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new DataError('manifest', url, `the server answered ${response.status}`);
  return (await response.json()) as DisparityNetworkBundle;
}

const measureBundles = new Map<string, Promise<MeasureCountsBundle>>();

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
  const url = new URL(`${base}/data/${file}`, location.href).href;
  let bundle = measureBundles.get(url);
  if (!bundle) {
    bundle = fetchData(url).then(async (response) => {
      if (!response.ok) throw new DataError('download', url, `the server answered ${response.status}`);
      return (await response.json()) as MeasureCountsBundle;
    });
    bundle.catch(() => measureBundles.delete(url));
    measureBundles.set(url, bundle);
  }
  return bundle;
}
