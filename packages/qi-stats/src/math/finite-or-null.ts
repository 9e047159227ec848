/**
 * A number as it may appear in a result: the value when finite, otherwise
 * `null`. qicharts2 does the same with its limits (`ucl[!is.finite(ucl)] <- NA`),
 * and qi-stats promises never to return NaN or Infinity.
 *
 * @example
 * finiteOrNull(Number.POSITIVE_INFINITY); // null
 */
export function finiteOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}
