/**
 * An estimate with its confidence interval, exactly as in the shared API
 * contract (`shared/spec/qi-stats-api.d.ts`).
 */
export interface Interval {
  value: number;
  lower: number;
  upper: number;
}

/**
 * An estimate whose value or limits do not exist for these counts: a ratio
 * against a reference with no events, a log interval around a zero count, a
 * standardised rate from fewer than 10 events. qi-stats never returns NaN or
 * Infinity; the missing parts are `null` and `reason` says why, in words an
 * analyst can show beside the table. Narrow with `isCompleteInterval`.
 *
 * Only the `...OrReason` functions (`standardisedRateOrReason`,
 * `riskRatioOrReason`, `rateRatioOrReason`, `rateRatioExactOrReason`) return
 * it; the contract functions without the suffix return `Interval` and throw
 * `QiStatsInputError` instead.
 *
 * @example
 * const rr = rateRatioOrReason({ events: 0, denominator: 500 }, { events: 3, denominator: 400 });
 * // { value: null, lower: null, upper: null, reason: 'reference group has no events: ...' }
 */
export interface IncompleteInterval {
  value: number | null;
  lower: number | null;
  upper: number | null;
  reason: string;
}

/**
 * True when every part of the interval exists, narrowing the type to
 * `Interval`. Cost: O(1).
 *
 * @example
 * isCompleteInterval(rateRatioOrReason({ events: 20, denominator: 900 }, { events: 30, denominator: 800 })); // true
 * isCompleteInterval(rateRatioOrReason({ events: 0, denominator: 900 }, { events: 3, denominator: 800 }));   // false
 */
export function isCompleteInterval(interval: Interval | IncompleteInterval): interval is Interval {
  return (
    interval.value !== null && interval.lower !== null && interval.upper !== null && !('reason' in interval)
  );
}
