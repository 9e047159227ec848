import { QiStatsInputError } from '../errors.js';
import { type IncompleteInterval, type Interval, isCompleteInterval } from './interval.js';
import { checkCount, checkLevel, checkNotAboveDenominator, checkPositive, zForLevel } from './validate.js';

/** One group's count: events out of a denominator. */
export interface GroupCount {
  events: number;
  denominator: number;
}

/** Validates a group's count as a proportion (whole numbers, 0 <= events <= denominator, denominator > 0). */
export function checkProportionCount(field: string, group: GroupCount): void {
  checkCount(`${field}.events`, group.events);
  checkCount(`${field}.denominator`, group.denominator);
  checkPositive(`${field}.denominator`, group.denominator);
  checkNotAboveDenominator(`${field}.events`, group.events, group.denominator);
}

/**
 * Risk ratio of group `b` against reference group `a`, with the log (Katz)
 * confidence interval:
 *
 *   RR = (x_b/n_b) / (x_a/n_a),   se(ln RR) = √(1/x_a − 1/n_a + 1/x_b − 1/n_b)
 *
 * When to use: "how many times as likely" for a proportion indicator, e.g.
 * PPH risk in Black women relative to White women. Argument order follows
 * the shared API: the reference comes first.
 *
 * Zero counts: the log interval does not exist when either group has no
 * events, and this function then throws rather than return NaN, Infinity
 * or nulls. Where every group needs a result (a table of ethnic groups),
 * use `riskRatioOrReason`, which returns an `IncompleteInterval` with a
 * reason instead; for a gap that is defined for every count use
 * `proportionDifference` (Newcombe).
 *
 * Cost: O(1). Reference: Katz D et al. (1978) Biometrics 34:469; epitools
 * `riskratio.wald` (no continuity correction).
 *
 * @throws QiStatsInputError with rule 'zero-reference-events' (field
 *   'a.events') when the reference group has no events: the ratio is undefined
 * @throws QiStatsInputError with rule 'zero-group-events' (field 'b.events')
 *   when group `b` has no events: the ratio is 0 and its log interval undefined
 * @throws QiStatsInputError for bad counts or a level outside (0, 1)
 *
 * @example
 * riskRatio({ events: 816, denominator: 6210 }, { events: 5280, denominator: 22503 }, 0.998);
 * // { value: 1.78564..., lower: 1.60369..., upper: 1.98823... } (epitools)
 * riskRatio({ events: 0, denominator: 500 }, { events: 3, denominator: 400 });
 * // throws QiStatsInputError, rule 'zero-reference-events'
 */
export function riskRatio(a: GroupCount, b: GroupCount, level = 0.95): Interval {
  const result = riskRatioOrReason(a, b, level);
  if (isCompleteInterval(result)) return result;
  if (a.events === 0) {
    throw new QiStatsInputError({
      field: 'a.events',
      rule: 'zero-reference-events',
      value: a.events,
      message:
        'the reference group has no events, so the risk ratio is undefined; ' +
        'use riskRatioOrReason for a null result with a reason, or proportionDifference, which is defined for every count',
    });
  }
  throw new QiStatsInputError({
    field: 'b.events',
    rule: 'zero-group-events',
    value: b.events,
    message:
      'the group has no events, so the risk ratio is 0 and its log (Katz) interval is undefined; ' +
      'use riskRatioOrReason for the ratio with null limits, or proportionDifference, which is defined for every count',
  });
}

/**
 * `riskRatio` that never throws for zero counts: with no events in `b` the
 * ratio is 0 and the limits are null; with none in the reference the ratio
 * itself is undefined (null). Both return an `IncompleteInterval` with a
 * reason, never NaN or Infinity. Use it where every group needs a row
 * (`disparityTable` does). Otherwise the same method and result as
 * `riskRatio`; bad input still throws `QiStatsInputError`.
 *
 * Cost: O(1).
 *
 * @example
 * riskRatioOrReason({ events: 5, denominator: 100 }, { events: 0, denominator: 100 });
 * // { value: 0, lower: null, upper: null, reason: 'group has no events: the log (Katz) interval is undefined' }
 */
export function riskRatioOrReason(a: GroupCount, b: GroupCount, level = 0.95): Interval | IncompleteInterval {
  checkProportionCount('a', a);
  checkProportionCount('b', b);
  checkLevel(level);
  if (a.events === 0) {
    return {
      value: null,
      lower: null,
      upper: null,
      reason: 'reference group has no events: the risk ratio is undefined',
    };
  }
  const value = b.events / b.denominator / (a.events / a.denominator);
  if (b.events === 0) {
    return {
      value,
      lower: null,
      upper: null,
      reason: 'group has no events: the log (Katz) interval is undefined',
    };
  }
  const se = Math.sqrt(1 / a.events - 1 / a.denominator + 1 / b.events - 1 / b.denominator);
  const z = zForLevel(level);
  return { value, lower: value * Math.exp(-z * se), upper: value * Math.exp(z * se) };
}
