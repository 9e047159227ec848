/** Filter changes for the URL: a value sets its parameter, null or '' removes it. */
export type FilterChanges = Record<string, string | null>;

/**
 * The query string (`?…`) of a page's current filters with `changes` applied. Every page
 * keeps its filters in the URL, so any view can be shared as a link and back/forward work.
 *
 * @example
 * ```ts
 * searchWith(new URLSearchParams('measure=pph_1500&group=BLACK'), { measure: 'booking_by_10wk', group: null });
 * // => '?measure=booking_by_10wk'
 * ```
 */
export function searchWith(current: URLSearchParams, changes: FilterChanges): string {
  const params = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value == null || value === '') params.delete(key);
    else params.set(key, value);
  }
  return `?${params}`;
}
