import { checkCount, checkLevel, zForLevel } from './validate.js';

/**
 * Byar's approximation to the exact Poisson limits of a count:
 *
 *   L = x · (1 − 1/(9x) − z/(3√x))³
 *   U = (x + 1) · (1 − 1/(9(x + 1)) + z/(3√(x + 1)))³
 *
 * When to use: counts of 10 or more, where it matches the exact limits to
 * a fraction of a percent at a fraction of the cost; `rateInterval` uses it
 * from 10 events, as UKHSA's Fingertips does.
 *
 * The lower limit is `null` when the formula goes negative (x = 1 at 99.8%)
 * or x = 0 (the formula divides by zero): PHE returns NA there too; below
 * 10 events use `exactPoissonLimits`. Cost: O(1).
 *
 * Reference: Breslow NE, Day NE (1987) Statistical methods in cancer
 * research vol. II, IARC; PHEindicatormethods 2.0.0 `byars_lower`/`byars_upper`.
 *
 * @example
 * byarLimits(241); // { lower: 211.529..., upper: 273.426... }
 * byarLimits(1, 0.998); // { lower: null, upper: 9.362... }
 */
export function byarLimits(count: number, level = 0.95): { lower: number | null; upper: number } {
  checkCount('events', count);
  checkLevel(level);
  const z = zForLevel(level);
  const lowerRaw = count === 0 ? -1 : count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  const next = count + 1;
  const upper = next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3;
  return { lower: lowerRaw < 0 ? null : lowerRaw, upper };
}
