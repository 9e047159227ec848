import type { Interval } from './interval.js';
import { checkProportionCount, type GroupCount } from './risk-ratio.js';
import { checkLevel, zForLevel } from './validate.js';
import { wilsonLimits } from './wilson.js';

/**
 * Difference between two proportions, group `b` minus reference `a`, with
 * Newcombe's hybrid score interval (his method 10), built from each group's
 * Wilson limits (l, u):
 *
 *   d = p_b − p_a
 *   L = d − √((p_b − l_b)² + (u_a − p_a)²)
 *   U = d + √((u_b − p_b)² + (p_a − l_a)²)
 *
 * When to use: the absolute gap for a proportion indicator, e.g. "3.1
 * percentage points more PPH than White women". Unlike the Wald interval it
 * keeps its coverage with small or zero counts and never leaves [−1, 1], so
 * it is defined for every valid input.
 *
 * The value and limits are on the 0-1 scale. Cost: O(1).
 *
 * Reference: Newcombe RG (1998) Stat Med 17:873, method 10; Newcombe &
 * Altman in Statistics with Confidence (2nd edn, 2000).
 *
 * @example
 * // Newcombe (1998) Table II, example (a): 56/70 vs 48/80
 * proportionDifference({ events: 48, denominator: 80 }, { events: 56, denominator: 70 });
 * // { value: 0.2, lower: 0.0524..., upper: 0.3339... }
 */
export function proportionDifference(a: GroupCount, b: GroupCount, level = 0.95): Interval {
  checkProportionCount('a', a);
  checkProportionCount('b', b);
  checkLevel(level);
  const z = zForLevel(level);
  const pa = a.events / a.denominator;
  const pb = b.events / b.denominator;
  const wa = wilsonLimits(a.events, a.denominator, z);
  const wb = wilsonLimits(b.events, b.denominator, z);
  const d = pb - pa;
  return {
    value: d,
    lower: d - Math.sqrt((pb - wb.lower) ** 2 + (wa.upper - pa) ** 2),
    upper: d + Math.sqrt((wb.upper - pb) ** 2 + (pa - wa.lower) ** 2),
  };
}
