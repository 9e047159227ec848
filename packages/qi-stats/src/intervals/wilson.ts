import type { Interval } from './interval.js';
import { checkCount, checkLevel, checkNotAboveDenominator, checkPositive, zForLevel } from './validate.js';

/**
 * Wilson score limits for x events out of n, on the 0-1 scale, for a given
 * normal critical value z. Used by `proportionInterval` and by Newcombe's
 * difference; exported so other modules need not repeat the algebra.
 *
 *   L, U = (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²))
 *
 * The limits are clamped into [0, 1] only to absorb floating-point dust at
 * x = 0 and x = n, where they are 0 and 1 exactly in real arithmetic.
 *
 * @example
 * wilsonLimits(81, 263, 1.959963984540054); // { lower: 0.2553..., upper: 0.3662... }
 */
export function wilsonLimits(x: number, n: number, z: number): { lower: number; upper: number } {
  const z2 = z * z;
  const centre = 2 * x + z2;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const denominator = 2 * (n + z2);
  const lower = x === 0 ? 0 : Math.max(0, (centre - spread) / denominator);
  const upper = x === n ? 1 : Math.min(1, (centre + spread) / denominator);
  return { lower, upper };
}

/**
 * A proportion with its Wilson score confidence interval.
 *
 * When to use: any indicator that is "events out of people" (women with a
 * PPH of 1,500 ml or more out of women delivering, preterm births out of
 * births). Wilson keeps its coverage for small counts and for proportions
 * near 0 or 1, where the textbook Wald interval collapses; it never leaves
 * [0, 1]. It is the method of UKHSA's Fingertips and PHEindicatormethods
 * (`phe_proportion`, `wilson_lower`/`wilson_upper`).
 *
 * The value and limits are on the 0-1 scale (multiply by 100 for percent).
 * Cost: O(1).
 *
 * Reference: Wilson EB (1927) J Am Stat Assoc 22:209; Newcombe RG (1998)
 * Stat Med 17:857 (method 3); PHEindicatormethods 2.0.0 `utils.R`.
 *
 * @param events      women with the outcome; a whole number, 0 <= events <= denominator
 * @param denominator women at risk; a whole number > 0
 * @param level       confidence level strictly between 0 and 1; default 0.95
 * @throws QiStatsInputError for negative, non-integer or non-finite counts,
 *         events above the denominator, a zero denominator or a level outside (0, 1)
 *
 * @example
 * // Newcombe (1998) worked example: 81 of 263
 * proportionInterval(81, 263);
 * // { value: 0.30798..., lower: 0.25529..., upper: 0.36621... }
 */
export function proportionInterval(events: number, denominator: number, level = 0.95): Interval {
  checkCount('events', events);
  checkCount('denominator', denominator);
  checkPositive('denominator', denominator);
  checkNotAboveDenominator('events', events, denominator);
  checkLevel(level);
  const { lower, upper } = wilsonLimits(events, denominator, zForLevel(level));
  return { value: events / denominator, lower, upper };
}
