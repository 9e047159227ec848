/**
 * Median of the values that are not missing, as R's
 * `stats::median(x, na.rm = TRUE)`: the middle value, or the mean of the two
 * middle values for an even count. `NaN` when nothing is left. O(n log n).
 *
 * Reference: R `stats::median` (type 7 quantile at 0.5), which qicharts2
 * 0.8.1 uses for the run chart and the g chart centre lines.
 *
 * @example
 * medianOfPresent([5, null, 1, 3, 4]); // 3.5
 */
export function medianOfPresent(values: ArrayLike<number | null>): number {
  // A Float64Array sorts numerically without a comparator call per pair, several times faster
  // than Array#sort on a long run chart.
  const present = new Float64Array(values.length);
  let count = 0;
  let hasNegativeZero = false;
  for (let k = 0; k < values.length; k++) {
    const value = values[k] as number | null;
    if (value === null || Number.isNaN(value)) continue;
    if (value === 0 && 1 / value < 0) hasNegativeZero = true;
    present[count++] = value;
  }
  if (count === 0) return Number.NaN;
  // A typed-array sort puts −0 before +0, where a stable (a, b) => a − b sort keeps input order;
  // keep the comparator for that rare case, so the sign of a zero median is as before.
  const sorted: ArrayLike<number> = hasNegativeZero
    ? Array.from(present.subarray(0, count)).sort((a, b) => a - b)
    : present.subarray(0, count).sort();
  const middle = count >> 1;
  const upper = sorted[middle] as number;
  if (count % 2 === 1) return upper;
  const lower = sorted[middle - 1] as number;
  return (lower + upper) / 2;
}
