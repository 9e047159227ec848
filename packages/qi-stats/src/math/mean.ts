/**
 * Arithmetic mean of the values that are not missing, as R's
 * `mean(x, na.rm = TRUE)`. Missing values are `null` or `NaN` (qicharts2's
 * `NA`); they are skipped, never counted as 0. O(n).
 *
 * Returns `NaN` when nothing is left, as R does; callers turn that into
 * `null` before it reaches a result.
 *
 * Reference: R `base::mean`, used throughout qicharts2 0.8.1.
 *
 * @example
 * meanOfPresent([1, null, 3]); // 2
 */
export function meanOfPresent(values: ArrayLike<number | null>): number {
  let sum = 0;
  let count = 0;
  // Indexed loop, not for…of: this runs over every point of a long chart, and typed arrays pass through too.
  for (let k = 0; k < values.length; k++) {
    const value = values[k] as number | null;
    if (value === null || Number.isNaN(value)) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? Number.NaN : sum / count;
}
