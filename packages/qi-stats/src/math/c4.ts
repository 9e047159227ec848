import { logGamma } from './log-gamma.js';

/** Whole-number sizes below this have their c4 remembered (NaN = not yet computed). */
const C4_CACHE_SIZE = 1024;
const c4Cache = new Float64Array(C4_CACHE_SIZE).fill(Number.NaN);

/**
 * The bias-correction constant c4(n) = E[s]/σ for a normal sample of size n:
 * c4(n) = √(2/(n−1)) · Γ(n/2) / Γ((n−1)/2). `NaN` for n ≤ 1, where a sample
 * sd does not exist.
 *
 * qicharts2 computes c4 exactly with lgamma for every subgroup size instead
 * of reading a table that stops at n = 25, so xbar and s limits match for any
 * size; we do the same.
 *
 * Reference: Montgomery, Introduction to Statistical Quality Control (6th
 * ed.), Appendix VI; qicharts2 0.8.1 `c4()` in R/helper.functions.R.
 *
 * @example
 * c4(5); // 0.93998560298663
 */
export function c4(n: number): number {
  if (!(n > 1)) return Number.NaN;
  // xbar and s charts ask for c4 at every point, nearly always for a handful of whole-number sizes;
  // remember those rather than take two log-gammas per point.
  const cacheable = n < C4_CACHE_SIZE && Number.isInteger(n);
  if (cacheable) {
    const known = c4Cache[n] as number;
    if (!Number.isNaN(known)) return known;
  }
  const value = Math.sqrt(2 / (n - 1)) * Math.exp(logGamma(n / 2) - logGamma((n - 1) / 2));
  if (cacheable) c4Cache[n] = value;
  return value;
}

/**
 * c5(n) = √(1 − c4(n)²), the standard deviation of s in units of σ.
 * `NaN` for n ≤ 1.
 *
 * Reference: Montgomery (6th ed.) §6.3; qicharts2 0.8.1 `c5()`.
 *
 * @example
 * c5(5); // 0.34121410606519...
 */
export function c5(n: number): number {
  if (!(n > 1)) return Number.NaN;
  const c = c4(n);
  return Math.sqrt(1 - c * c);
}
