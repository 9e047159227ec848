import { DataError } from '../data/data-error';
import { fetchHashedFile, fetchIndexFile } from '../data/data-files';
import type { NetworkBundle, SiteBundle } from './site-bundle';

/**
 * The Site page's data in the browser: small JSON files precomputed at build
 * time (`src/lib/build/precompute-site-data.ts`), so the page draws without
 * starting DuckDB-WASM. `null` when the build had no network data.
 */
export function fetchNetworkBundle(): Promise<NetworkBundle | null> {
  // Revalidated every visit: it names the content-hashed site files.
  return fetchIndexFile<NetworkBundle>('site-network.json');
}

/** One site's precomputed data (fetched once per tab; the file name is content-hashed). */
export function fetchSiteBundle(network: NetworkBundle, siteId: string): Promise<SiteBundle> {
  const file = network.siteFiles[siteId];
  if (!file)
    return Promise.reject(new DataError('download', `site ${siteId}`, 'the site has no precomputed data'));
  return fetchHashedFile<SiteBundle>(file);
}
