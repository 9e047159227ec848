import { QiStatsInputError } from '../errors.js';
import { type IncompleteInterval, type Interval, isCompleteInterval } from './interval.js';
import { rateRatioExactOrReason } from './rate-ratio-exact.js';
import type { GroupCount } from './risk-ratio.js';
import { checkLevel, checkRateCount, zForLevel } from './validate.js';

/** Options of `rateRatio` and `rateRatioOrReason`: the log (Wald) interval (default) or the exact conditional one. */
export interface RateRatioOptions {
  method?: 'wald' | 'exact';
}

/**
 * Rate ratio of group `b` against reference group `a`, with the log (Wald)
 * confidence interval:
 *
 *   RR = (x_b/n_b) / (x_a/n_a),   se(ln RR) = √(1/x_a + 1/x_b)
 *
 * When to use: comparing two Poisson rates (stillbirths per 1,000 births,
 * maternal deaths per 100,000 maternities) when both groups have a fair
 * number of events. For small counts, and to match MBRRACE-UK's published
 * intervals, pass `options.method: 'exact'` for the exact conditional
 * interval (`rateRatioExactOrReason`), which survives a group with no
 * events. Argument order follows the shared API: the reference comes first.
 *
 * Zero counts: where the ratio or its interval does not exist this
 * function throws rather than return NaN, Infinity or nulls. Where every
 * group needs a result (a table of ethnic groups), use `rateRatioOrReason`,
 * which returns an `IncompleteInterval` with a reason instead.
 *
 * Cost: O(1). Reference: Rothman KJ, Greenland S (1998) Modern
 * Epidemiology, ch. 14; epitools `rateratio.wald`.
 *
 * @throws QiStatsInputError with rule 'zero-reference-events' (field
 *   'a.events') when the reference group has no events: the ratio is
 *   undefined (with either method)
 * @throws QiStatsInputError with rule 'zero-group-events' (field 'b.events')
 *   when group `b` has no events and the method is 'wald': the ratio is 0 and
 *   its log interval undefined (the 'exact' method gives an interval)
 * @throws QiStatsInputError for bad counts or a level outside (0, 1)
 *
 * @example
 * rateRatio({ events: 816, denominator: 6210 }, { events: 5280, denominator: 22503 }, 0.998);
 * // { value: 1.78564..., lower: 1.58969..., upper: 2.00575... } (epitools)
 * rateRatio({ events: 10, denominator: 1000 }, { events: 0, denominator: 500 });
 * // throws QiStatsInputError, rule 'zero-group-events'
 * rateRatio({ events: 10, denominator: 1000 }, { events: 0, denominator: 500 }, 0.95, { method: 'exact' });
 * // { value: 0, lower: 0, upper: 0.8922... }
 */
export function rateRatio(
  a: GroupCount,
  b: GroupCount,
  level = 0.95,
  options: RateRatioOptions = {},
): Interval {
  const result = rateRatioOrReason(a, b, level, options);
  if (isCompleteInterval(result)) return result;
  if (a.events === 0) {
    throw new QiStatsInputError({
      field: 'a.events',
      rule: 'zero-reference-events',
      value: a.events,
      message:
        'the reference group has no events, so the rate ratio is undefined (infinite); ' +
        'use rateRatioOrReason for a null result with a reason, or rateDifference, which is defined for every count',
    });
  }
  throw new QiStatsInputError({
    field: 'b.events',
    rule: 'zero-group-events',
    value: b.events,
    message:
      'the group has no events, so the rate ratio is 0 and its log (Wald) interval is undefined; ' +
      "use rateRatio(a, b, level, { method: 'exact' }) for the exact conditional interval, " +
      'or rateRatioOrReason for the ratio with null limits',
  });
}

/**
 * `rateRatio` that never throws for zero counts: with no events in the
 * reference the ratio is null; with none in `b` (log method) the ratio is 0
 * and the limits null. Both return an `IncompleteInterval` with a reason,
 * never NaN or Infinity. `options.method: 'exact'` gives the result of
 * `rateRatioExactOrReason`. Use it where every group needs a row
 * (`disparityTable` does). Otherwise the same method and result as
 * `rateRatio`; bad input still throws `QiStatsInputError`.
 *
 * Cost: O(1).
 *
 * @example
 * rateRatioOrReason({ events: 0, denominator: 500 }, { events: 3, denominator: 400 });
 * // { value: null, lower: null, upper: null, reason: 'reference group has no events: the rate ratio is undefined' }
 */
export function rateRatioOrReason(
  a: GroupCount,
  b: GroupCount,
  level = 0.95,
  options: RateRatioOptions = {},
): Interval | IncompleteInterval {
  if (options.method === 'exact') return rateRatioExactOrReason(a, b, level);
  checkRateCount('a', a);
  checkRateCount('b', b);
  checkLevel(level);
  if (a.events === 0) {
    return {
      value: null,
      lower: null,
      upper: null,
      reason: 'reference group has no events: the rate ratio is undefined',
    };
  }
  const value = b.events / b.denominator / (a.events / a.denominator);
  if (b.events === 0) {
    return {
      value,
      lower: null,
      upper: null,
      reason: 'group has no events: the log (Wald) interval is undefined',
    };
  }
  const se = Math.sqrt(1 / a.events + 1 / b.events);
  const z = zForLevel(level);
  return { value, lower: value * Math.exp(-z * se), upper: value * Math.exp(z * se) };
}
