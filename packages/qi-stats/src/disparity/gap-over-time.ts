import { QiStatsInputError } from '../errors.js';
import { checkLevel, checkMultiplier } from '../intervals/validate.js';
import {
  type ComparisonSettings,
  type CountStatistic,
  differenceFromReference,
  type LevelLimits,
  ratioToReference,
} from './group-comparison.js';
import { monthIndex, type RollingSum, rollingSums } from './rolling-sums.js';

/** Counts for one group in one month (several rows per month and group, e.g. sites, are summed). */
export interface PeriodGroupCount {
  period: string;
  group: string;
  events: number;
  denominator: number;
}

/** Options of `gapOverTime`. */
export interface GapOverTimeOptions {
  /** The group whose gap is tracked. */
  group: string;
  /** Reference group; default 'White'. */
  reference?: string;
  /** Window in months; default 12 (3 for faster feedback, 1 for monthly). */
  window?: number;
  /** 'ratio' (RR) or 'difference' (RD × multiplier); default 'ratio'. */
  measure?: 'ratio' | 'difference';
  /** Default 'proportion'. */
  statistic?: CountStatistic;
  /** Default [0.95]. The first level fills `lower`/`upper`. */
  levels?: ReadonlyArray<number>;
  /** Default 100 for proportions, 100,000 for rates. */
  multiplier?: number;
  /** Ratio interval: default 'log' for proportions, 'exact' for rates (as `disparityTable`). */
  ratioMethod?: 'log' | 'exact';
}

/** The gap in one window, ready to chart (value with limits) and to feed an SPC chart (value series). */
export interface GapPoint {
  /** Last month of the window. */
  period: string;
  startPeriod: string;
  /** Every month of the window present for both groups. */
  complete: boolean;
  groupEvents: number;
  groupDenominator: number;
  referenceEvents: number;
  referenceDenominator: number;
  /** RR or RD; null where undefined (no denominator, reference without events for a log ratio). */
  value: number | null;
  /** Limits at the first level. */
  lower: number | null;
  upper: number | null;
  intervals: LevelLimits[];
  method: string;
  reason?: string;
}

/**
 * The gap between one group and the reference over time: the rate ratio
 * or rate difference in each rolling window, with intervals, one point per
 * month in which either group has data. Ready for charting (value, lower,
 * upper) and, as `points.map(p => p.value)`, for the SPC functions (an
 * XmR chart of the log ratio or of the difference shows whether the gap is
 * changing).
 *
 * Windows are calendar months summed, not averaged (see `rollingSums`); a
 * month missing for either group leaves the window incomplete
 * (`complete: false`). A window where a group has no denominator has a null
 * value with a reason, never NaN.
 *
 * Cost: O(rows + months × levels).
 *
 * Reference: MBRRACE-UK rolling triennia compared by rate ratio;
 * NHS CQIM rolling windows.
 *
 * @example
 * const months = ['2025-01', '2025-02', '2025-03'];
 * const rows = months.flatMap((period) => [
 *   { period, group: 'White', events: 10, denominator: 1000 },
 *   { period, group: 'Black', events: 6, denominator: 300 },
 * ]);
 * gapOverTime(rows, { group: 'Black', window: 3 }).at(-1);
 * // { period: '2025-03', value: 2 (18/900 vs 30/3000), lower: 1.120, upper: 3.571, method: 'katz', complete: true, ... }
 */
export function gapOverTime(rows: ReadonlyArray<PeriodGroupCount>, options: GapOverTimeOptions): GapPoint[] {
  const statistic = options.statistic ?? 'proportion';
  const levels = [...(options.levels ?? [0.95])];
  for (const [i, level] of levels.entries()) checkLevel(level, `levels[${i + 1}]`);
  if (levels.length === 0) {
    throw new QiStatsInputError({
      field: 'levels',
      rule: 'empty-levels',
      value: levels,
      message: 'give a level',
    });
  }
  const multiplier = options.multiplier ?? (statistic === 'proportion' ? 100 : 100_000);
  checkMultiplier(multiplier);
  const window = options.window ?? 12;
  const reference = options.reference ?? 'White';
  const measure = options.measure ?? 'ratio';
  const settings: ComparisonSettings = {
    statistic,
    levels,
    comparisonLevel: levels[0] as number,
    multiplier,
    favourable: 'lower',
    ratioMethod: options.ratioMethod ?? (statistic === 'rate' ? 'exact' : 'log'),
  };
  const pick = (name: string) => rows.filter((row) => row.group === name);
  const groupRows = pick(options.group);
  const referenceRows = pick(reference);
  // Give both series every month either has, with zero counts, so their
  // windows line up; `complete` then tracks months that are truly present.
  const allMonths = new Set<string>();
  rows.forEach((row, i) => {
    if (row.group === options.group || row.group === reference) {
      monthIndex(row.period, i + 1);
      allMonths.add(row.period.slice(0, 7));
    }
  });
  const filler = (present: ReadonlyArray<PeriodGroupCount>) => {
    const have = new Set(present.map((row) => row.period.slice(0, 7)));
    return [...allMonths]
      .filter((month) => !have.has(month))
      .map((period) => ({ period, events: 0, denominator: 0 }));
  };
  const groupSums = rollingSums([...groupRows, ...filler(groupRows)], window);
  const referenceSums = rollingSums([...referenceRows, ...filler(referenceRows)], window);
  const groupPresent = rollingSums(groupRows, window);
  const referencePresent = rollingSums(referenceRows, window);
  const completeAt = (sums: RollingSum[]) => new Map(sums.map((sum) => [sum.period, sum.complete]));
  const groupComplete = completeAt(groupPresent);
  const referenceComplete = completeAt(referencePresent);

  return groupSums.map((sum, i) => {
    const ref = referenceSums[i] as RollingSum;
    const groupCount = { group: options.group, events: sum.events, denominator: sum.denominator };
    const referenceCount = { group: reference, events: ref.events, denominator: ref.denominator };
    const gap =
      measure === 'ratio'
        ? ratioToReference(groupCount, referenceCount, settings)
        : differenceFromReference(groupCount, referenceCount, settings);
    const first = gap.intervals[0] as LevelLimits;
    const point: GapPoint = {
      period: sum.period,
      startPeriod: sum.startPeriod,
      complete: (groupComplete.get(sum.period) ?? false) && (referenceComplete.get(sum.period) ?? false),
      groupEvents: sum.events,
      groupDenominator: sum.denominator,
      referenceEvents: ref.events,
      referenceDenominator: ref.denominator,
      value: gap.value,
      lower: first.lower,
      upper: first.upper,
      intervals: gap.intervals,
      method: gap.method,
    };
    if (gap.reason !== undefined) point.reason = gap.reason;
    return point;
  });
}
