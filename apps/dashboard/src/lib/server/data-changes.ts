/** What changed, for the log line of whatever reacts (e.g. republishing the audience files). */
export interface DataChange {
  /** The site whose data changed, or null for network-wide changes. */
  siteId: string | null;
  reason: string;
}

type Listener = (change: DataChange) => void;
const listeners = new Set<Listener>();

/**
 * Announces that stored network data changed (a submission, an aim, a PDSA cycle), after
 * the write committed. Listeners run synchronously and must not throw; slow work they queue.
 *
 * @example
 * ```ts
 * const seen: string[] = [];
 * const stop = onDataChanged((change) => seen.push(change.reason));
 * dataChanged({ siteId: 'S1', reason: 'submission S1 2025-04 v2' });
 * stop();
 * seen; // => ['submission S1 2025-04 v2']
 * ```
 */
export function dataChanged(change: DataChange): void {
  for (const listener of listeners) listener(change);
}

/** Subscribes to data changes; returns the function that unsubscribes. */
export function onDataChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
