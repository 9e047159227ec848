import type { Interval } from './interval.js';
import type { GroupCount } from './risk-ratio.js';
import { checkLevel, checkMultiplier, checkRateCount, zForLevel } from './validate.js';

/**
 * Difference between two rates per `multiplier`, group `b` minus reference
 * `a`, with the normal (Wald) interval on the Poisson variance:
 *
 *   RD = K(x_b/n_b − x_a/n_a),   se = K·√(x_b/n_b² + x_a/n_a²)
 *
 * When to use: the absolute gap for a rate indicator ("4.2 more stillbirths
 * per 1,000 births than White women"), and for excess events (RD × n_b).
 * With zero events in both groups the interval shrinks to [0, 0]: there is
 * no information, and the comparison should be read as "not compared".
 *
 * Cost: O(1). Reference: Rothman & Greenland (1998) Modern Epidemiology,
 * ch. 14; disparity-measures.md §4.2.
 *
 * @example
 * rateDifference({ events: 20, denominator: 4000 }, { events: 30, denominator: 3000 }, { multiplier: 1000 });
 * // { value: 5, lower: 0.80396..., upper: 9.19603... }
 */
export function rateDifference(
  a: GroupCount,
  b: GroupCount,
  options: { level?: number; multiplier?: number } = {},
): Interval {
  const level = options.level ?? 0.95;
  const multiplier = options.multiplier ?? 100_000;
  checkRateCount('a', a);
  checkRateCount('b', b);
  checkLevel(level);
  checkMultiplier(multiplier);
  const value = multiplier * (b.events / b.denominator - a.events / a.denominator);
  const se = multiplier * Math.sqrt(b.events / b.denominator ** 2 + a.events / a.denominator ** 2);
  const z = zForLevel(level);
  return { value, lower: value - z * se, upper: value + z * se };
}
