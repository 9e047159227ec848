/**
 * Sample standard deviation (divisor n - 1) of the values that are not
 * missing, as R's `stats::sd(x, na.rm = TRUE)`. `NaN` with fewer than two
 * values, as R gives `NA`. Two-pass for accuracy. O(n).
 *
 * Reference: R `stats::sd`; qicharts2 0.8.1 uses it for each subgroup of an
 * xbar or s chart.
 *
 * @example
 * sampleSd([2, 4, 4, 4, 5, 5, 7, 9]); // 2.138089935299395
 */
export function sampleSd(values: ArrayLike<number | null>): number {
  // Indexed loops over the present values, no filtered copy: called once per subgroup.
  let count = 0;
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k] as number | null;
    if (value === null || Number.isNaN(value)) continue;
    sum += value;
    count += 1;
  }
  if (count < 2) return Number.NaN;
  const mean = sum / count;
  let squares = 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k] as number | null;
    if (value === null || Number.isNaN(value)) continue;
    squares += (value - mean) ** 2;
  }
  return Math.sqrt(squares / (count - 1));
}
