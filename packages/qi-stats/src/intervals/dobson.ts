import { QiStatsInputError } from '../errors.js';
import { byarLimits } from './byar.js';
import { type IncompleteInterval, type Interval, isCompleteInterval } from './interval.js';
import { checkCount, checkFinite, checkLevel, checkMultiplier, checkPositive } from './validate.js';

/** Below this many events in total PHE publishes no standardised rate, and neither does qi-stats. */
export const DSR_MIN_EVENTS = 10;

/** The strata of a directly standardised rate: events, population and standard weight per stratum. */
export interface StandardisationStrata {
  events: ReadonlyArray<number>;
  denominators: ReadonlyArray<number>;
  standardPopulation: ReadonlyArray<number>;
}

/**
 * A directly standardised rate (DSR) per `multiplier` with Dobson's
 * confidence interval.
 *
 * What: the rate the group would have if it had the standard population's
 * structure (age bands, or any strata): DSR = Σ(xᵢ·wᵢ/nᵢ)/Σwᵢ. Dobson's
 * method scales Byar's limits for the total count O = Σxᵢ by the DSR's
 * own variance, var = Σxᵢ(wᵢ/nᵢ)²/W²:
 *
 *   L, U = DSR + √(var/O) · (Byar_L,U(O) − O)
 *
 * When to use: comparing groups or sites whose age structures differ
 * (maternal age drives many outcomes). Below 10 events in total the
 * method is unreliable, so, as PHE does, there is no value: this function
 * then throws (rule 'dsr-too-few-events'). To get a result for every group
 * instead, e.g. to fill a table, use `standardisedRateOrReason`, which
 * returns nulls with a reason.
 *
 * Cost: O(strata).
 *
 * Reference: Dobson AJ, Kuulasmaa K, Eberle E, Scherer J (1991) Stat Med
 * 10:457; PHEindicatormethods 2.0.0 `phe_dsr` / `calculate_dsr`.
 *
 * @param strata.events             events per stratum, whole numbers >= 0
 * @param strata.denominators       population per stratum, > 0
 * @param strata.standardPopulation standard population weight per stratum, >= 0, not all 0
 * @param options.level             default 0.95
 * @param options.multiplier        default 100,000 (PHE's default)
 * @throws QiStatsInputError with rule 'dsr-too-few-events' (field 'strata.events')
 *   when the strata hold fewer than 10 events in total (`DSR_MIN_EVENTS`): no
 *   standardised rate exists; use `standardisedRateOrReason` for a null result
 *   with a reason, or `rateInterval` for the crude rate
 * @throws QiStatsInputError for arrays of different lengths or bad values
 *
 * @example
 * standardisedRate(
 *   { events: [7, 35, 23, 15, 30, 13],
 *     denominators: [18906, 2346, 8112, 12555, 3129, 12397],
 *     standardPopulation: [40000, 120000, 180000, 200000, 130000, 50000] },
 *   { level: 0.998, multiplier: 1000 },
 * ); // { value: 5.3517..., lower: 3.7819..., upper: 7.2624... } (PHEindicatormethods)
 * standardisedRate({ events: [3, 6], denominators: [100, 200], standardPopulation: [1, 1] });
 * // throws QiStatsInputError, rule 'dsr-too-few-events'
 */
export function standardisedRate(
  strata: StandardisationStrata,
  options: { level?: number; multiplier?: number } = {},
): Interval {
  const result = standardisedRateOrReason(strata, options);
  if (isCompleteInterval(result)) return result;
  const totalEvents = strata.events.reduce((sum, x) => sum + x, 0);
  throw new QiStatsInputError({
    field: 'strata.events',
    rule: 'dsr-too-few-events',
    value: totalEvents,
    message:
      `the strata hold ${totalEvents} events in total, fewer than ${DSR_MIN_EVENTS}: ` +
      "Dobson's interval is unreliable and no directly standardised rate exists (PHE rule); " +
      'use standardisedRateOrReason for a null result with a reason, or rateInterval for the crude rate',
  });
}

/**
 * `standardisedRate` that never throws for too few events: below 10 events
 * in total it returns an `IncompleteInterval` with `value`, `lower` and
 * `upper` null and a reason (PHE publishes no DSR there), never NaN. Use it
 * where every group needs a row, e.g. a table of ethnic groups some of which
 * have few events. Bad input still throws `QiStatsInputError`.
 *
 * Cost: O(strata). Method and reference as `standardisedRate`.
 *
 * @throws QiStatsInputError for arrays of different lengths or bad values
 *
 * @example
 * standardisedRateOrReason({ events: [3, 6], denominators: [100, 200], standardPopulation: [1, 1] });
 * // { value: null, lower: null, upper: null,
 * //   reason: 'total events 9 < 10: no standardised rate is published (PHE rule)' }
 */
export function standardisedRateOrReason(
  strata: StandardisationStrata,
  options: { level?: number; multiplier?: number } = {},
): Interval | IncompleteInterval {
  const level = options.level ?? 0.95;
  const multiplier = options.multiplier ?? 100_000;
  checkLevel(level);
  checkMultiplier(multiplier);
  const { events, denominators, standardPopulation } = strata;
  const size = events.length;
  if (size === 0 || denominators.length !== size || standardPopulation.length !== size) {
    throw new QiStatsInputError({
      field: 'strata',
      rule: 'length-mismatch',
      value: [events.length, denominators.length, standardPopulation.length],
      message: 'events, denominators and standardPopulation must be non-empty and of the same length',
    });
  }
  let weightedRate = 0;
  let varianceSum = 0;
  let totalEvents = 0;
  let totalWeight = 0;
  for (let i = 0; i < size; i++) {
    const x = events[i] as number;
    const n = denominators[i] as number;
    const w = standardPopulation[i] as number;
    checkCount('events', x, i + 1);
    checkPositive('denominators', n, i + 1);
    checkFinite('standardPopulation', w, i + 1);
    if (w < 0) {
      throw new QiStatsInputError({
        field: 'standardPopulation',
        position: i + 1,
        rule: 'negative-weight',
        value: w,
        message: 'a standard population weight cannot be negative',
      });
    }
    weightedRate += (x * w) / n;
    varianceSum += x * (w / n) ** 2;
    totalEvents += x;
    totalWeight += w;
  }
  if (totalWeight === 0) {
    throw new QiStatsInputError({
      field: 'standardPopulation',
      rule: 'zero-total-weight',
      value: 0,
      message: 'the standard population weights sum to zero',
    });
  }
  if (totalEvents < DSR_MIN_EVENTS) {
    return {
      value: null,
      lower: null,
      upper: null,
      reason: `total events ${totalEvents} < ${DSR_MIN_EVENTS}: no standardised rate is published (PHE rule)`,
    };
  }
  const dsr = weightedRate / totalWeight;
  const variance = varianceSum / totalWeight ** 2;
  const byar = byarLimits(totalEvents, level);
  // With O >= 10 Byar's lower count is positive at any practical level.
  const lowerCount = byar.lower ?? 0;
  const spread = Math.sqrt(variance / totalEvents);
  return {
    value: dsr * multiplier,
    lower: (dsr + spread * (lowerCount - totalEvents)) * multiplier,
    upper: (dsr + spread * (byar.upper - totalEvents)) * multiplier,
  };
}
