import { base } from '$app/paths';
import { DataError, reasonOf } from './data-error';
import { fetchData } from './fetch-data';

/** The absolute URL of a file under the app's /data/ folder. */
function dataUrl(file: string): string {
  return new URL(`${base}/data/${file}`, location.href).href;
}

/**
 * An index file under /data/ (a page's entry point that names content-hashed files),
 * revalidated on every visit. `null` when it does not exist (a build without that data, or a
 * portal audience it is not shared with); any other failure is a `DataError` of the
 * 'manifest' step.
 *
 * @example
 * ```ts
 * const network = await fetchIndexFile<NetworkBundle>('site-network.json'); // null without data
 * ```
 */
export async function fetchIndexFile<T>(file: string): Promise<T | null> {
  const url = dataUrl(file);
  let response: Response;
  try {
    response = await fetchData(url, { cache: 'no-cache' });
  } catch (error) {
    throw new DataError('manifest', url, reasonOf(error), { cause: error });
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new DataError('manifest', url, `the server answered ${response.status}`);
  return (await response.json()) as T;
}

/**
 * A file under /data/ that an index named; failures are `DataError`s of the 'download' step.
 *
 * @example
 * ```ts
 * const bundle = await fetchDataFile<NationalBundle>(index.file);
 * ```
 */
export async function fetchDataFile<T>(file: string): Promise<T> {
  const url = dataUrl(file);
  let response: Response;
  try {
    response = await fetchData(url);
  } catch (error) {
    throw new DataError('download', url, reasonOf(error), { cause: error });
  }
  if (!response.ok) throw new DataError('download', url, `the server answered ${response.status}`);
  return (await response.json()) as T;
}

const hashedFiles = new Map<string, Promise<unknown>>();

/**
 * A content-hashed file under /data/, fetched once per tab (its name changes when its content
 * does); a failed fetch is forgotten so that the next call tries again.
 *
 * @example
 * ```ts
 * const site = await fetchHashedFile<SiteBundle>(network.siteFiles.S1);
 * ```
 */
export function fetchHashedFile<T>(file: string): Promise<T> {
  let loaded = hashedFiles.get(file) as Promise<T> | undefined;
  if (!loaded) {
    loaded = fetchDataFile<T>(file);
    loaded.catch(() => hashedFiles.delete(file));
    hashedFiles.set(file, loaded);
  }
  return loaded;
}
