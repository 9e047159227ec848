/**
 * Whether the server is still preparing this user's data files. The portal answers /data/
 * with 503 and Retry-After until an audience's first files are published (seconds after a
 * start); the public static build never does.
 */
export type PreparingListener = (preparing: boolean) => void;

const listeners = new Set<PreparingListener>();
let waiting = 0;

/** Longest wait between two tries, whatever Retry-After says (seconds). */
const MAX_RETRY_SECONDS = 10;

/**
 * `fetch` for files under /data/: while the server answers 503 ("your data is being
 * prepared") it waits for Retry-After and asks again, telling `onDataPreparing` listeners
 * so the layout can say why nothing has appeared yet. Any other answer is returned as is.
 *
 * @example
 * ```ts
 * const response = await fetchData('/data/manifest.json', { cache: 'no-cache' });
 * response.status; // => 200, once the files exist
 * ```
 */
export async function fetchData(url: string, init?: RequestInit): Promise<Response> {
  let counted = false;
  try {
    for (;;) {
      const response = await fetch(url, init);
      if (response.status !== 503) return response;
      if (!counted) {
        counted = true;
        if (waiting++ === 0) notify(true);
      }
      const seconds = Number(response.headers.get('retry-after'));
      const wait = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, MAX_RETRY_SECONDS) : 3;
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
  } finally {
    if (counted && --waiting === 0) notify(false);
  }
}

/**
 * Calls `listener(true)` when a data request starts waiting for the server to prepare the
 * files and `listener(false)` when none is waiting any more. Returns the unsubscribe function.
 *
 * @example
 * ```ts
 * const stop = onDataPreparing((preparing) => (banner.hidden = !preparing));
 * ```
 */
export function onDataPreparing(listener: PreparingListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(preparing: boolean): void {
  for (const listener of listeners) listener(preparing);
}
