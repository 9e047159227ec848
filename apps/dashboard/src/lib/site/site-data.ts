import { base } from '$app/paths';
import { DataError, reasonOf } from '../data/data-error';
import { fetchData } from '../data/fetch-data';
import type { NetworkBundle, SiteBundle } from './site-bundle';

/**
 * The Site page's data in the browser: small JSON files precomputed at build
 * time (`src/lib/build/precompute-site-data.ts`), so the page draws without
 * starting DuckDB-WASM. `null` when the build had no network data.
 */
export async function fetchNetworkBundle(): Promise<NetworkBundle | null> {
  const url = new URL(`${base}/data/site-network.json`, location.href).href;
  let response: Response;
  try {
    // Revalidated every visit: it names the content-hashed site files.
    response = await fetchData(url, { cache: 'no-cache' });
  } catch (error) {
    throw new DataError('manifest', url, reasonOf(error), { cause: error });
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new DataError('manifest', url, `the server answered ${response.status}`);
  return (await response.json()) as NetworkBundle;
}

const siteBundles = new Map<string, Promise<SiteBundle>>();

/** One site's precomputed data (fetched once per tab; the file name is content-hashed). */
export function fetchSiteBundle(network: NetworkBundle, siteId: string): Promise<SiteBundle> {
  const file = network.siteFiles[siteId];
  if (!file)
    return Promise.reject(new DataError('download', `site ${siteId}`, 'the site has no precomputed data'));
  const url = new URL(`${base}/data/${file}`, location.href).href;
  let bundle = siteBundles.get(url);
  if (!bundle) {
    bundle = fetchData(url).then(async (response) => {
      if (!response.ok) throw new DataError('download', url, `the server answered ${response.status}`);
      return (await response.json()) as SiteBundle;
    });
    bundle.catch(() => siteBundles.delete(url));
    siteBundles.set(url, bundle);
  }
  return bundle;
}
