import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import type { IncompleteInterval, Interval } from './interval.js';
import type { GroupCount } from './risk-ratio.js';
import { checkLevel, checkRateCount } from './validate.js';

/**
 * Rate ratio of group `b` against reference group `a` with the exact
 * conditional confidence interval.
 *
 * Why it works: given the total x_a + x_b, the events in `b` are binomial
 * with p = λ_b·n_b / (λ_a·n_a + λ_b·n_b), a one-to-one function of the rate
 * ratio. So Clopper-Pearson limits for p,
 *
 *   p_L = Beta⁻¹(α/2; x_b, x_a + 1),   p_U = Beta⁻¹(1 − α/2; x_b + 1, x_a)
 *
 * map to RR_L,U = p/(1 − p) · n_a/n_b.
 *
 * When to use: small counts, and whenever the result must match MBRRACE-UK,
 * which publishes this interval (its 2019-21 vs 2018-20 maternal mortality
 * RR 1.07, 95% CI 0.89-1.29, is the exact interval; the Wald one rounds to
 * 0.89-1.28). It handles zeros: with no events in `b` the ratio is 0 and
 * the lower limit 0; with none in the reference the upper limit is
 * infinite, returned as null with a reason (never Infinity), so the result
 * is `Interval | IncompleteInterval` and the name carries the `OrReason`
 * suffix. For an `Interval` or an error instead, call
 * `rateRatio(a, b, level, { method: 'exact' })`, which throws (rule
 * 'zero-reference-events') where this returns a reason.
 *
 * Cost: two beta quantiles (stdlib), a few microseconds.
 *
 * Reference: Breslow NE, Day NE (1987) vol. II §2.2 (conditional binomial
 * method); Clopper CJ, Pearson ES (1934) Biometrika 26:404; MBRRACE-UK
 * maternal mortality data briefs.
 *
 * @example
 * // MBRRACE-UK: 241 deaths / 2,066,997 maternities (2019-21) against
 * // 229 deaths (2018-20, rate 10.90 per 100,000)
 * rateRatioExactOrReason({ events: 229, denominator: 2_100_917 }, { events: 241, denominator: 2_066_997 });
 * // { value: 1.0697..., lower: 0.8890..., upper: 1.2874... } -> published 1.07 (0.89-1.29)
 */
export function rateRatioExactOrReason(
  a: GroupCount,
  b: GroupCount,
  level = 0.95,
): Interval | IncompleteInterval {
  checkRateCount('a', a);
  checkRateCount('b', b);
  checkLevel(level);
  const alpha = 1 - level;
  const xa = a.events;
  const xb = b.events;
  if (xa === 0 && xb === 0) {
    return { value: null, lower: null, upper: null, reason: 'neither group has any events: no rate ratio' };
  }
  const denominatorRatio = a.denominator / b.denominator;
  const toRatio = (p: number): number => (p / (1 - p)) * denominatorRatio;
  const lower = xb === 0 ? 0 : toRatio(betaQuantile(alpha / 2, xb, xa + 1));
  if (xa === 0) {
    return {
      value: null,
      lower,
      upper: null,
      reason: 'reference group has no events: the ratio and its upper limit are infinite',
    };
  }
  const upper = toRatio(betaQuantile(1 - alpha / 2, xb + 1, xa));
  return { value: xb / b.denominator / (xa / a.denominator), lower, upper };
}
