import { averageMovingRange } from './moving-range.js';

/** Centre line and limits of one period of an XmR chart. */
export interface ProcessLimits {
  mean: number;
  /** Null when the period has no two consecutive observed values. */
  averageMovingRange: number | null;
  lpl: number | null;
  upl: number | null;
  lowerTwoSigma: number | null;
  upperTwoSigma: number | null;
}

/**
 * The MDC scaling constant: 3 / d2 with d2 = 1.128 for moving ranges of two,
 * rounded to 2.66 as the MDC Single Chart Tool v5, the NHSE SQL v2.6 and
 * NHSRplotthedots all do (3/1.128 = 2.6596 in qicharts2).
 */
export const MDC_SIGMA_MULTIPLIER = 2.66;

/**
 * Process limits of an XmR chart in the Making Data Count style: mean ±
 * 2.66 × the average moving range, and two-sigma lines at mean ± 2 × (2.66 /
 * 3) × the average moving range (NHSRplotthedots `limitclose`). Computed
 * from the values in [from, to) — a whole period, or its baseline. Lower
 * limits are not clamped at zero (MDC Excel, NHSE SQL and NHSRplotthedots
 * all draw negative LPLs).
 *
 * O(n). Returns null when the range holds no observed value.
 *
 * @example
 * // MDC-DOC "Process limits": mean 23.20, UPL 37.64, LPL 8.76
 * const limits = processLimits([20, 24, 20, 26, 22, 16, 18, 16, 31, 28, 34, 26, 30, 19, 18], 0, 15, false);
 * limits?.upl.toFixed(2); // '37.64'
 */
export function processLimits(
  values: ArrayLike<number | null>,
  from: number,
  to: number,
  screenOutliers: boolean,
): ProcessLimits | null {
  // The mean is the first value plus the mean deviation from it: equal to
  // sum / count up to rounding, but exact for a constant series, where a plain
  // sum / count can land an ulp off (13 × 1.1 / 13) and flag every point.
  let first: number | null = null;
  let deviations = 0;
  let count = 0;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (first === null) first = v;
    deviations += v - first;
    count++;
  }
  if (first === null) return null;
  const mean = first + deviations / count;
  const amr = averageMovingRange(values, from, to, screenOutliers);
  if (amr === null) {
    return { mean, averageMovingRange: null, lpl: null, upl: null, lowerTwoSigma: null, upperTwoSigma: null };
  }
  const threeSigma = MDC_SIGMA_MULTIPLIER * amr;
  const twoSigma = 2 * (MDC_SIGMA_MULTIPLIER / 3) * amr;
  return {
    mean,
    averageMovingRange: amr,
    lpl: mean - threeSigma,
    upl: mean + threeSigma,
    lowerTwoSigma: mean - twoSigma,
    upperTwoSigma: mean + twoSigma,
  };
}
