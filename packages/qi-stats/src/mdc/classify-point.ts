import type { MdcImprovement, MdcPointType } from './types.js';

/**
 * The point type of a point given the side its special cause points to
 * (1 high, −1 low, 0 none) and the improvement direction: with 'increase' a
 * high special cause is an improvement and a low one a concern, reversed for
 * 'decrease'; with 'neutral' it is "neither" high or low (MDC-DOC "Special
 * cause"; NHSRplotthedots `ptd_point_type`).
 *
 * @example
 * pointTypeOf(1, 'decrease'); // 'special_cause_concern'
 * pointTypeOf(-1, 'neutral'); // 'special_cause_neutral_low'
 */
export function pointTypeOf(side: number, improvement: MdcImprovement): MdcPointType {
  if (side === 0) return 'common_cause';
  if (improvement === 'neutral') return side > 0 ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
  const good = improvement === 'increase' ? 1 : -1;
  return side === good ? 'special_cause_improvement' : 'special_cause_concern';
}

/**
 * Which side a point's special cause points to under MDC's Single Chart Tool
 * v5 when rules point both ways (only possible through a trend): the
 * improvement side wins, shown blue (MDC-DOC "Special cause conflict": "The
 * Excel tool shows blue where this is a conflict"). With a neutral direction
 * MDC shows purple either way; we take the point's own side of the mean
 * (above or on it: high), so a turning point reads as where it sits.
 *
 * `high` / `low`: whether any rule flags the point on that side;
 * `relativeToMean`: the point's side of its mean.
 *
 * @example
 * conflictSide(true, true, 'decrease', 1); // -1: improvement (low) wins
 * conflictSide(true, false, 'decrease', 1); // 1
 */
export function conflictSide(
  high: boolean,
  low: boolean,
  improvement: MdcImprovement,
  relativeToMean: number,
): -1 | 0 | 1 {
  if (high && low) {
    if (improvement === 'increase') return 1;
    if (improvement === 'decrease') return -1;
    return relativeToMean >= 0 ? 1 : -1;
  }
  return high ? 1 : low ? -1 : 0;
}
