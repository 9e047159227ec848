import { QiStatsInputError } from '../errors.js';
import { assuranceOf } from './assurance.js';
import { type ChartPeriod, chartPeriods } from './chart-groups.js';
import { pointTypeOf } from './classify-point.js';
import { type MdcSettings, resolveMdcSettings } from './presets.js';
import { type ProcessLimits, processLimits } from './process-limits.js';
import {
  type ChartLines,
  findSpecialCauses,
  RULE_OUTSIDE_LIMITS,
  RULE_SHIFT,
  RULE_TREND,
  RULE_TWO_IN_THREE,
  type SpecialCauses,
} from './special-cause.js';
import type { MdcGroup, MdcImprovement, MdcInput, MdcPoint, MdcResult, MdcRule } from './types.js';
import {
  checkDates,
  checkImprovement,
  checkInteger,
  checkOptionalBoolean,
  checkOptionalFinite,
  checkPreset,
  checkRebase,
  checkValues,
} from './validate-input.js';
import { variationIcon } from './variation.js';

/** NHSRplotthedots `ptd_spc_options` `warning_threshold`: limits from fewer points are "trial limits". */
const SHORT_GROUP_THRESHOLD = 13;

/**
 * An NHS England "Making Data Count" XmR chart: mean, process limits at mean
 * ± 2.66 × the average moving range, the four special-cause rules, and the
 * variation and assurance icons, per point and per period.
 *
 * Two presets (see `presets.ts` for each behaviour and its source):
 * - `rules: 'mdc'` (default) — MDC's Single Chart Tool v5: shift and trend
 *   of 6, no screening, improvement wins a conflict, rules run across a
 *   recalculation, and under 13 observed values no limits, no flags and no
 *   icons (a run chart with its mean).
 * - `rules: 'ptd'` — NHSRplotthedots 0.2.2: 7 and 7, moving ranges screened,
 *   one label per point by precedence, each period on its own.
 * `shiftLength`, `trendLength`, `screenOutliers` and `minimumPoints`
 * override the preset.
 *
 * Defined here, where the tools are silent or wrong:
 * - missing values (null): left out of the mean and of the moving ranges
 *   touching them, skipped by the run rules, never flagged (see
 *   `findSpecialCauses`);
 * - `rebase` with `fixAfter`: see `chartPeriods`;
 * - a constant series: zero moving range, limits equal to the mean, nothing
 *   flagged (NHSRplotthedots' screening would make NaN limits);
 * - the variation icon reads the last *observed* point of a period.
 *
 * Throws `QiStatsInputError` for empty or non-finite values, malformed or
 * unsorted dates, a rebase out of range, `fixAfter` below 1 or past the end,
 * an unknown improvement direction, or a period with no values. O(n).
 *
 * @example
 * // MDC-DOC "Special cause – single point – ends", high is good
 * const chart = makingDataCount({
 *   values: [45, 29, 20, 22, 25, 20, 27, 24, 22, 23, 20, 26, 20, 15, 5],
 *   improvement: 'increase',
 * });
 * chart.points[0]?.pointType; // 'special_cause_improvement' (above the UPL)
 * chart.points[14]?.pointType; // 'special_cause_concern' (below the LPL)
 * chart.groups[0]?.variationIcon; // 'concern_low'
 */
export function makingDataCount(input: MdcInput): MdcResult {
  if (input === null || typeof input !== 'object') {
    throw new QiStatsInputError({
      field: 'input',
      rule: 'not-an-object',
      value: input,
      message: 'must be an object',
    });
  }
  const { values } = input;
  checkValues('values', values);
  const n = values.length;
  const dates = input.dates ?? null;
  if (dates !== null) checkDates('dates', dates, n);
  const improvement = checkImprovement('improvement', input.improvement);
  const target = checkOptionalFinite('target', input.target);
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
    screenOutliers: checkOptionalBoolean('screenOutliers', input.screenOutliers),
    minimumPoints:
      input.minimumPoints === undefined
        ? undefined
        : checkInteger('minimumPoints', input.minimumPoints, 0, 1e9),
  });

  const periods = chartPeriods(n, rebase, fixAfter, settings);
  const limits = periods.map((period) => periodLimits(values, period, settings));
  return buildChart(values, dates, periods, limits, { improvement, target, settings });
}

function periodLimits(
  values: ReadonlyArray<number | null>,
  period: ChartPeriod,
  settings: MdcSettings,
): ProcessLimits {
  const limits = processLimits(values, period.start, period.baselineEnd, settings.screenOutliers);
  if (limits === null) {
    throw new QiStatsInputError({
      field: 'values',
      position: period.start + 1,
      rule: 'period-without-values',
      message: 'the period (or its baseline) starting here has no values to compute a mean from',
    });
  }
  return limits;
}

/** Shared by the XmR, T and G charts: lines per period in, points and groups out. */
export function buildChart(
  values: ReadonlyArray<number | null>,
  dates: ReadonlyArray<string> | null,
  periods: ReadonlyArray<ChartPeriod>,
  limits: ReadonlyArray<ProcessLimits>,
  options: {
    improvement: MdcImprovement;
    target: number | null;
    settings: MdcSettings;
    /** Assurance icon drawn at all (not for T and G charts, NHSE SQL v2.3). */
    assurance?: boolean;
    /**
     * Values and lines to judge the special-cause rules on, when they differ
     * from those shown (the T chart judges on its transformed scale, where a
     * constant series is exactly constant); same shape as `values` and `limits`.
     */
    judgeOn?: { values: ReadonlyArray<number | null>; limits: ReadonlyArray<ProcessLimits> };
  },
): MdcResult {
  const { improvement, settings } = options;
  const judged = options.judgeOn ?? { values, limits };
  const n = values.length;
  let observed = 0;
  for (let i = 0; i < n; i++) if (values[i] !== null) observed++;
  const showLimits = observed >= settings.minimumPoints;

  const chartLines: ChartLines = {
    values: judged.values,
    periods: periods.map((period, g) => {
      const line = judged.limits[g] as ProcessLimits;
      return {
        start: period.start,
        end: period.end,
        centre: line.mean,
        upl: showLimits ? (line.upl ?? Number.NaN) : Number.NaN,
        lpl: showLimits ? (line.lpl ?? Number.NaN) : Number.NaN,
        upperTwoSigma: showLimits ? (line.upperTwoSigma ?? Number.NaN) : Number.NaN,
        lowerTwoSigma: showLimits ? (line.lowerTwoSigma ?? Number.NaN) : Number.NaN,
      };
    }),
  };
  const found = findSpecialCauses(chartLines, {
    shiftLength: settings.shiftLength,
    trendLength: settings.trendLength,
    crossGroups: settings.rulesCrossRebase,
    conflict: settings.conflict,
    improvement,
    evaluate: showLimits,
  });

  const points: MdcPoint[] = new Array(n);
  for (let g = 0; g < periods.length; g++) {
    const period = periods[g];
    const line = limits[g];
    if (period === undefined || line === undefined) continue;
    const lower = showLimits ? line.lpl : null;
    const upper = showLimits ? line.upl : null;
    const lower2 = showLimits ? line.lowerTwoSigma : null;
    const upper2 = showLimits ? line.upperTwoSigma : null;
    for (let i = period.start; i < period.end; i++) {
      points[i] = makePoint(
        i,
        values[i] ?? null,
        dates,
        g,
        line.mean,
        lower,
        upper,
        lower2,
        upper2,
        found,
        improvement,
      );
    }
  }

  const groups: MdcGroup[] = periods.map((period, g) => {
    const line = limits[g] as ProcessLimits;
    let last = -1;
    let count = 0;
    for (let i = period.start; i < period.end; i++) {
      if (values[i] !== null) {
        last = i;
        count++;
      }
    }
    const lastPoint = last >= 0 ? points[last] : undefined;
    const variation = lastPoint?.pointType ?? 'common_cause';
    const isLast = g === periods.length - 1;
    return {
      rebaseGroup: g,
      mean: line.mean,
      lpl: showLimits ? line.lpl : null,
      upl: showLimits ? line.upl : null,
      n: period.end - period.start,
      variation,
      assurance:
        isLast && showLimits && options.assurance !== false
          ? assuranceOf(options.target, improvement, line.lpl, line.upl, settings.assuranceBoundary)
          : null,
      start: period.start + 1,
      end: period.end,
      variationIcon: showLimits ? variationIcon(variation, last >= 0 ? (found.side[last] ?? 0) : 0) : null,
      shortGroupWarning: count < SHORT_GROUP_THRESHOLD,
    };
  });
  return { points, groups };
}

function makePoint(
  i: number,
  value: number | null,
  dates: ReadonlyArray<string> | null,
  rebaseGroup: number,
  mean: number,
  lpl: number | null,
  upl: number | null,
  lowerTwoSigma: number | null,
  upperTwoSigma: number | null,
  found: SpecialCauses,
  improvement: MdcImprovement,
): MdcPoint {
  const bits = found.rules[i] ?? 0;
  const side = found.side[i] ?? 0;
  return {
    value,
    rebaseGroup,
    mean,
    lpl,
    upl,
    outsideLimits: found.outsideLimits[i] === 1,
    relativeToMean: (found.relativeToMean[i] ?? 0) as -1 | 0 | 1,
    closeToLimits: found.closeToLimits[i] === 1,
    specialCauseFlag: bits !== 0,
    pointType: pointTypeOf(side, improvement),
    rules: bits === 0 ? [] : ruleNames(bits),
    position: i + 1,
    date: dates === null ? null : (dates[i] ?? null),
    lowerTwoSigma,
    upperTwoSigma,
  };
}

function ruleNames(bits: number): MdcRule[] {
  const names: MdcRule[] = [];
  if (bits & RULE_OUTSIDE_LIMITS) names.push('outside_limits');
  if (bits & RULE_SHIFT) names.push('shift');
  if (bits & RULE_TREND) names.push('trend');
  if (bits & RULE_TWO_IN_THREE) names.push('two_in_three');
  return names;
}
