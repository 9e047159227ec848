import { QiStatsInputError } from '../errors.js';
import { chartPeriods } from './chart-groups.js';
import { buildChart } from './making-data-count.js';
import { resolveMdcSettings } from './presets.js';
import { MDC_SIGMA_MULTIPLIER, type ProcessLimits } from './process-limits.js';
import type { MdcImprovement, MdcResult } from './types.js';
import {
  checkImprovement,
  checkInteger,
  checkPreset,
  checkRebase,
  checkValues,
  isIsoDate,
} from './validate-input.js';

export interface MdcTChartInput {
  /** ISO dates (yyyy-mm-dd) of the events, in order; two events may share a day. */
  eventDates?: ReadonlyArray<string> | null;
  /** Or the days between consecutive events directly (≥ 0; null for unknown). */
  daysBetween?: ReadonlyArray<number | null> | null;
  /** Default 'increase': a longer time between adverse events is better. */
  improvement?: MdcImprovement;
  rules?: 'mdc' | 'ptd';
  shiftLength?: number;
  trendLength?: number;
  minimumPoints?: number;
  /** 1-based point (interval) positions at which a new period begins. */
  rebase?: number | ReadonlyArray<number> | null;
  /** Fix the limits after this many points (intervals). */
  fixAfter?: number | null;
}

/** The NHSE SQL's power transformation of times between events (Nelson 1994): y^(1/3.6) is near-normal. */
const T_POWER = 3.6;

const MS_PER_DAY = 86_400_000;

function dayNumber(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY
  );
}

/** Days between consecutive ISO event dates (non-decreasing). */
function daysBetweenEvents(eventDates: unknown): Array<number | null> {
  if (!Array.isArray(eventDates) || eventDates.length < 2) {
    throw new QiStatsInputError({
      field: 'eventDates',
      rule: 'too-few-events',
      value: Array.isArray(eventDates) ? eventDates.length : eventDates,
      message: 'needs at least two event dates',
    });
  }
  const days: Array<number | null> = [];
  for (let i = 0; i < eventDates.length; i++) {
    const date: unknown = eventDates[i];
    if (!isIsoDate(date)) {
      throw new QiStatsInputError({
        field: 'eventDates',
        position: i + 1,
        rule: 'malformed-date',
        value: date,
        message: 'must be a calendar date written yyyy-mm-dd',
      });
    }
    if (i === 0) continue;
    const previous = eventDates[i - 1] as string;
    if (date < previous) {
      throw new QiStatsInputError({
        field: 'eventDates',
        position: i + 1,
        rule: 'dates-not-ascending',
        value: date,
        message: `must not come before ${previous}`,
      });
    }
    days.push(dayNumber(date) - dayNumber(previous));
  }
  return days;
}

/**
 * A Making Data Count T chart — time between rare events (stillbirths,
 * maternal deaths, never events) — as NHS England's "SPC Charts SQL Query"
 * v2.6 defines it (step 4e):
 *
 * - each point is the days since the previous event (SQL `DATEDIFF(DAY,
 *   LAG([Date]), [Date])`), so n events give n − 1 points;
 * - u = days^(1/3.6); ū per period; moving ranges of u run across the whole
 *   chart (the SQL's `LAG` is not partitioned), averaged per period;
 * - mean shown = ū^3.6; UPL = (ū + 2.66 × MR̄)^3.6; LPL = (ū − 2.66 × MR̄)^3.6
 *   only when the bracket is ≥ 0, else no LPL; two-sigma lines likewise with
 *   2/3 × 2.66;
 * - no assurance icon (SQL v2.3: none for T and G);
 * - no moving-range screening (the SQL screens XmR charts only).
 *
 * The rules are judged on the transformed scale: u against ū and ū ± 2.66 ×
 * MR̄ (and the 2/3 lines). The power is increasing, so this is the SQL's
 * judgement in days, except that it is exact: back-transforming ū loses the
 * last bits (ū^3.6 is 27.000000000000014 for a series of 27s), which would
 * put every point of a constant series below the mean and outside the
 * limits. ū is summed as deviations from the period's first value, so a
 * constant series has ū equal to its u, a zero moving range and nothing
 * flagged, as `makingDataCount`.
 *
 * The special-cause rules, the 13-point minimum, recalculations and the
 * baseline follow the chosen preset exactly as `makingDataCount` does
 * (default 'mdc'); the SQL itself lets only the trend cross a recalculation.
 * Compare qicharts2's T chart (`controlChart({ chart: 't' })`): 3/1.128,
 * screened moving ranges, LCL floored at 0.
 *
 * Each point's `date` is the event that ends its interval. O(n).
 *
 * @example
 * // Days between stillbirths: about monthly, then the last six under a fortnight
 * const chart = mdcTChart({
 *   daysBetween: [30, 21, 35, 26, 18, 40, 24, 31, 28, 22, 33, 25, 29, 12, 10, 14, 11, 9, 13],
 * });
 * chart.groups[0]?.mean; // ≈ 21.25 days (ū^3.6); LPL ≈ 6.90, UPL ≈ 50.0
 * chart.points[18]?.pointType; // 'special_cause_concern' (a shift: six short intervals in a row)
 * chart.groups[0]?.variationIcon; // 'concern_low'
 * // A constant series flags nothing (mean 27, MR̄ = 0, limits at 27):
 * mdcTChart({ daysBetween: Array(13).fill(27) }).points.every((p) => p.rules?.length === 0); // true
 */
export function mdcTChart(input: MdcTChartInput): MdcResult {
  if (input === null || typeof input !== 'object') {
    throw new QiStatsInputError({
      field: 'input',
      rule: 'not-an-object',
      value: input,
      message: 'must be an object',
    });
  }
  let days: ReadonlyArray<number | null>;
  let dates: ReadonlyArray<string> | null = null;
  if (input.eventDates !== undefined && input.eventDates !== null) {
    days = daysBetweenEvents(input.eventDates);
    dates = input.eventDates.slice(1);
  } else {
    checkValues('daysBetween', input.daysBetween, { minimum: 0 });
    days = input.daysBetween as ReadonlyArray<number | null>;
  }
  const n = days.length;
  const improvement = checkImprovement('improvement', input.improvement ?? 'increase');
  const rebase = checkRebase('rebase', input.rebase, n);
  const fixAfter =
    input.fixAfter === null || input.fixAfter === undefined
      ? null
      : checkInteger('fixAfter', input.fixAfter, 1, n);
  const settings = resolveMdcSettings({
    rules: checkPreset('rules', input.rules),
    shiftLength:
      input.shiftLength === undefined ? undefined : checkInteger('shiftLength', input.shiftLength, 2, 1000),
    trendLength:
      input.trendLength === undefined ? undefined : checkInteger('trendLength', input.trendLength, 2, 1000),
    minimumPoints:
      input.minimumPoints === undefined
        ? undefined
        : checkInteger('minimumPoints', input.minimumPoints, 0, 1e9),
  });
  const periods = chartPeriods(n, rebase, fixAfter, settings);

  const u = days.map((d) => (d === null ? null : d ** (1 / T_POWER)));
  // Lines on the transformed scale u, where the rules are judged.
  const transformed: ProcessLimits[] = periods.map((period) => {
    // Sums of deviations from the first value, so a constant series has a mean
    // exactly equal to its value (a plain sum of 13 equal values need not be).
    let anchor: number | null = null;
    let sum = 0;
    let count = 0;
    let mrSum = 0;
    let mrCount = 0;
    for (let i = period.start; i < period.baselineEnd; i++) {
      const v = u[i];
      if (v === null || v === undefined) continue;
      if (anchor === null) anchor = v;
      sum += v - anchor;
      count++;
      const before = i > 0 ? u[i - 1] : null;
      if (before !== null && before !== undefined) {
        mrSum += Math.abs(v - before);
        mrCount++;
      }
    }
    if (anchor === null) {
      throw new QiStatsInputError({
        field: 'daysBetween',
        position: period.start + 1,
        rule: 'period-without-values',
        message: 'the period (or its baseline) starting here has no times between events',
      });
    }
    const meanU = anchor + sum / count;
    if (mrCount === 0) {
      return {
        mean: meanU,
        averageMovingRange: null,
        lpl: null,
        upl: null,
        lowerTwoSigma: null,
        upperTwoSigma: null,
      };
    }
    const mr = mrSum / mrCount;
    const bracket = (x: number): number | null => (x >= 0 ? x : null);
    return {
      mean: meanU,
      averageMovingRange: mr,
      upl: bracket(meanU + MDC_SIGMA_MULTIPLIER * mr),
      lpl: bracket(meanU - MDC_SIGMA_MULTIPLIER * mr),
      upperTwoSigma: bracket(meanU + MDC_SIGMA_MULTIPLIER * (2 / 3) * mr),
      lowerTwoSigma: bracket(meanU - MDC_SIGMA_MULTIPLIER * (2 / 3) * mr),
    };
  });
  // Lines shown in days: the back-transformed ones.
  const back = (x: number | null): number | null => (x === null ? null : x ** T_POWER);
  const limits: ProcessLimits[] = transformed.map((line) => ({
    mean: line.mean ** T_POWER,
    averageMovingRange: line.averageMovingRange,
    upl: back(line.upl),
    lpl: back(line.lpl),
    upperTwoSigma: back(line.upperTwoSigma),
    lowerTwoSigma: back(line.lowerTwoSigma),
  }));
  return buildChart(days, dates, periods, limits, {
    improvement,
    target: null,
    settings,
    assurance: false,
    judgeOn: { values: u, limits: transformed },
  });
}
