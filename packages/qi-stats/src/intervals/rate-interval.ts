import { byarLimits } from './byar.js';
import { exactPoissonLimits } from './exact-poisson.js';
import type { Interval } from './interval.js';
import { checkCount, checkLevel, checkMultiplier, checkPositive } from './validate.js';

/** Below this many events the exact Poisson interval is used, from it Byar's (PHE's threshold). */
export const BYAR_MIN_EVENTS = 10;

/**
 * A crude rate per `multiplier` with its Poisson confidence interval: exact
 * (chi-squared) below 10 events, Byar's approximation from 10.
 *
 * When to use: events that can recur or are counted against a denominator
 * that is not a set of independent trials in the binomial sense (maternal
 * deaths per 100,000 maternities, stillbirths per 1,000 births). For
 * "women with the outcome out of women" use `proportionInterval`.
 * Events may exceed the denominator (a rate, not a proportion).
 *
 * Cost: O(1) (two chi-squared quantiles below 10 events).
 *
 * Reference: PHEindicatormethods 2.0.0 `phe_rate` (UKHSA Fingertips);
 * Breslow & Day (1987) for Byar's method.
 *
 * @param events      whole number >= 0
 * @param denominator person-time or population, > 0 (need not be whole)
 * @param options.level      default 0.95
 * @param options.multiplier default 100,000 (PHE's default; pass 1,000 for per 1,000 births)
 *
 * @example
 * // MBRRACE-UK 2019-21: 241 maternal deaths among 2,066,997 maternities,
 * // published as 11.66 (95% CI 10.23-13.23) per 100,000 maternities
 * rateInterval(241, 2_066_997);
 * // { value: 11.6594..., lower: 10.2337..., upper: 13.2282..., method: 'byar' }
 */
export function rateInterval(
  events: number,
  denominator: number,
  options: { level?: number; multiplier?: number } = {},
): Interval & { method: 'exact' | 'byar' } {
  const level = options.level ?? 0.95;
  const multiplier = options.multiplier ?? 100_000;
  checkCount('events', events);
  checkPositive('denominator', denominator);
  checkLevel(level);
  checkMultiplier(multiplier);
  const scale = multiplier / denominator;
  if (events < BYAR_MIN_EVENTS) {
    const { lower, upper } = exactPoissonLimits(events, level);
    return { value: events * scale, lower: lower * scale, upper: upper * scale, method: 'exact' };
  }
  const { lower, upper } = byarLimits(events, level);
  // From 10 events Byar's lower limit is positive at any level up to 0.9999999,
  // so the null branch is unreachable here; the fallback keeps the type honest.
  const lowerCount = lower ?? exactPoissonLimits(events, level).lower;
  return { value: events * scale, lower: lowerCount * scale, upper: upper * scale, method: 'byar' };
}
