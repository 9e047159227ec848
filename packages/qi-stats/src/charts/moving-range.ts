import { meanOfPresent } from '../math/mean.js';

/**
 * Nelson's upper limit for moving ranges, as a multiple of their mean
 * (D4 for n = 2). qicharts2 uses 3.267; the Making Data Count tools the same.
 */
export const MOVING_RANGE_SCREEN_FACTOR = 3.267;

/**
 * The d2 constant for moving ranges of two: σ̂ = mean MR / 1.128. qicharts2
 * writes 3σ as 3 · AMR / 1.128 = 2.6596 · AMR, NOT the textbook 2.66 that
 * the Making Data Count tools use; we match qicharts2.
 */
export const D2_FOR_TWO = 1.128;

/**
 * Average moving range |v_i − v_{i−1}| of a sequence, skipping missing
 * values' ranges (an NA makes two NA ranges, which R's `mean(na.rm = TRUE)`
 * drops; it does NOT bridge the gap). With `screen`, ranges at or above
 * 3.267 × their mean are dropped and the mean recomputed once (Nelson 1982);
 * note the strict `<` of qicharts2 — a range exactly at the limit is dropped.
 * `NaN` when there is no range. O(n).
 *
 * Reference: Nelson LS. Control charts for individual measurements. J Qual
 * Technol 1982;14(3):172-3; qicharts2 0.8.1 `qic.i()`, `qic.pp()`, `qic.up()`.
 *
 * @example
 * averageMovingRange([1, 2, 1, 2, 1, 2, 1, 2, 20], false); // 25 / 8 = 3.125
 * averageMovingRange([1, 2, 1, 2, 1, 2, 1, 2, 20], true); // 1 (18 ≥ 3.267 × 3.125 is dropped)
 */
export function averageMovingRange(values: ArrayLike<number>, screen: boolean): number {
  // Typed array and indexed loops: an I chart of a million points spends much of its time here.
  const ranges = new Float64Array(Math.max(values.length - 1, 0));
  for (let k = 1; k < values.length; k++) {
    ranges[k - 1] = Math.abs((values[k] as number) - (values[k - 1] as number));
  }
  let average = meanOfPresent(ranges);
  if (screen) {
    // The mean of the ranges below the limit, summed in the same order as before screening.
    const limit = MOVING_RANGE_SCREEN_FACTOR * average;
    let sum = 0;
    let count = 0;
    for (let k = 0; k < ranges.length; k++) {
      const range = ranges[k] as number;
      // NaN (a missing value's range) fails `<` and is dropped, as R's filter-then-mean drops it.
      if (!(range < limit)) continue;
      sum += range;
      count += 1;
    }
    average = count === 0 ? Number.NaN : sum / count;
  }
  return average;
}
