import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import { checkCount, checkLevel } from './validate.js';

/**
 * Exact (Garwood) confidence limits for a Poisson count, from the
 * chi-squared distribution:
 *
 *   L = χ²(α/2; 2x) / 2   (0 when x = 0)
 *   U = χ²(1 − α/2; 2x + 2) / 2
 *
 * When to use: counts of rare events (maternal deaths, stillbirths) below
 * about 10, where Byar's approximation drifts; `rateInterval` switches to it
 * automatically under 10 events, as PHE does. MBRRACE-UK uses it for its
 * maternal mortality rates at every count.
 *
 * The limits are counts; divide by the denominator for a rate. Cost: two
 * chi-squared quantiles (stdlib, full double precision).
 *
 * Reference: Garwood F (1936) Biometrika 28:437; PHEindicatormethods 2.0.0
 * `phe_rate` (exact below 10 events).
 *
 * @example
 * exactPoissonLimits(0);  // { lower: 0, upper: 3.688879... }
 * exactPoissonLimits(241); // { lower: 211.531..., upper: 273.425... }
 */
export function exactPoissonLimits(count: number, level = 0.95): { lower: number; upper: number } {
  checkCount('events', count);
  checkLevel(level);
  const alpha = 1 - level;
  const lower = count === 0 ? 0 : chisquareQuantile(alpha / 2, 2 * count) / 2;
  const upper = chisquareQuantile(1 - alpha / 2, 2 * count + 2) / 2;
  return { lower, upper };
}

/**
 * Exact Poisson limits for a count that need not be a whole number, for
 * inverting the limits when drawing funnel curves (the limit is continuous
 * in the count through the chi-squared distribution). Internal helper.
 */
export function exactPoissonLimitsContinuous(count: number, level: number): { lower: number; upper: number } {
  const alpha = 1 - level;
  const lower = count <= 0 ? 0 : chisquareQuantile(alpha / 2, 2 * count) / 2;
  const upper = chisquareQuantile(1 - alpha / 2, 2 * count + 2) / 2;
  return { lower, upper };
}
