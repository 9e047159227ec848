import { QiStatsInputError } from '../errors.js';
import { chartPeriods } from './chart-groups.js';
import { buildChart } from './making-data-count.js';
import { resolveMdcSettings } from './presets.js';
import type { ProcessLimits } from './process-limits.js';
import type { MdcImprovement, MdcResult } from './types.js';
import {
  checkDates,
  checkImprovement,
  checkInteger,
  checkPreset,
  checkRebase,
  checkValues,
} from './validate-input.js';

export interface MdcGChartInput {
  /** Opportunities (e.g. births) between consecutive events, one per event; null for unknown. */
  values: ReadonlyArray<number | null>;
  /** ISO dates of the events, ascending, one per value. */
  dates?: ReadonlyArray<string> | null;
  /** Default 'increase': more opportunities between adverse events is better. */
  improvement?: MdcImprovement;
  rules?: 'mdc' | 'ptd';
  shiftLength?: number;
  trendLength?: number;
  minimumPoints?: number;
  rebase?: number | ReadonlyArray<number> | null;
  fixAfter?: number | null;
}

/**
 * The G chart's centre line: 0.693 × the mean, the median of a geometric
 * distribution with that mean (ln 2 ≈ 0.693; Benneyan 2001). The NHSE SQL
 * shows it and judges the shift rule against it.
 */
// biome-ignore lint/suspicious/noApproximativeNumericConstant: the NHSE SQL multiplies by 0.693, not ln 2
const GEOMETRIC_MEDIAN_FACTOR = 0.693;

/**
 * A Making Data Count G chart — opportunities between rare events (births
 * between stillbirths, deliveries between maternal deaths) — as NHS
 * England's "SPC Charts SQL Query" v2.6 defines it (step 4e):
 *
 * - m = the mean of the period's (or baseline's) values;
 * - UPL = m + 3 × √(m(m + 1)) (geometric standard deviation);
 * - no LPL and no sigma lines, so only points above the UPL, shifts and
 *   trends can flag (the two-in-three rule has no line to use);
 * - the centre line shown — `mean` on points and groups — is 0.693 × m,
 *   and the shift rule is judged against it (SQL `UPDATE … SET [Mean] =
 *   [Mean] * 0.693` before step 4g);
 * - no assurance icon.
 *
 * A consequence kept on purpose, because it is the reference's behaviour: a
 * constant series (every value m) sits above its own centre line 0.693 × m,
 * so with 13 or more points every point is flagged as a shift
 * ('special_cause_improvement' with the default improvement 'increase', the
 * variation icon 'improvement_high'), where `makingDataCount` and
 * `mdcTChart` flag nothing. More generally, since 0.693 × m is below the
 * mean, runs above the centre line are commoner than runs below it. Read a
 * G chart's shift flags with that in mind.
 *
 * The rules, the 13-point minimum, recalculations and the baseline follow the
 * chosen preset, as in `makingDataCount` (default 'mdc'). Compare
 * qicharts2's G chart (`controlChart({ chart: 'g' })`): centre line the
 * empirical median, LCL 0. O(n).
 *
 * @example
 * const chart = mdcGChart({ values: [99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99] });
 * chart.groups[0]?.upl; // 99 + 3 × √(99 × 100) = 397.496…
 * chart.groups[0]?.mean; // 0.693 × 99 = 68.607
 * chart.points[0]?.rules; // ['shift'] (as the SQL: every 99 is above the centre line 68.607)
 * chart.groups[0]?.variationIcon; // 'improvement_high'
 */
export function mdcGChart(input: MdcGChartInput): MdcResult {
  if (input === null || typeof input !== 'object') {
    throw new QiStatsInputError({
      field: 'input',
      rule: 'not-an-object',
      value: input,
      message: 'must be an object',
    });
  }
  checkValues('values', input.values, { minimum: 0 });
  const { values } = input;
  const n = values.length;
  const dates = input.dates ?? null;
  if (dates !== null) checkDates('dates', dates, n);
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
  const limits: ProcessLimits[] = periods.map((period) => {
    let sum = 0;
    let count = 0;
    for (let i = period.start; i < period.baselineEnd; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      sum += v;
      count++;
    }
    if (count === 0) {
      throw new QiStatsInputError({
        field: 'values',
        position: period.start + 1,
        rule: 'period-without-values',
        message: 'the period (or its baseline) starting here has no values',
      });
    }
    const m = sum / count;
    return {
      mean: GEOMETRIC_MEDIAN_FACTOR * m,
      averageMovingRange: null,
      upl: m + 3 * Math.sqrt(m * (m + 1)),
      lpl: null,
      upperTwoSigma: null,
      lowerTwoSigma: null,
    };
  });
  return buildChart(values, dates, periods, limits, {
    improvement,
    target: null,
    settings,
    assurance: false,
  });
}
