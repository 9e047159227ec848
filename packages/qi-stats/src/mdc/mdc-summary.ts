import { QiStatsInputError } from '../errors.js';
import { makingDataCount } from './making-data-count.js';
import type { MdcAssurance, MdcImprovement, MdcInput, MdcPointType, MdcVariationIcon } from './types.js';

/** One measure for the summary: its chart input and an id to find it by. */
export interface MdcSeries extends MdcInput {
  id: string;
  /** Display name, e.g. "PPH ≥ 1.5 l per 1,000 births". */
  label?: string;
}

/** One row of the icon matrix. */
export interface MdcSummaryRow {
  id: string;
  label: string | null;
  improvement: MdcImprovement;
  target: number | null;
  /** Number of points on the chart, missing values included. */
  n: number;
  /** The last observed value and its date and 1-based position. */
  latestValue: number | null;
  latestDate: string | null;
  latestPosition: number | null;
  /** Mean and process limits of the latest period (limits null under 13 points with 'mdc'). */
  mean: number;
  lpl: number | null;
  upl: number | null;
  /** Point type of the last observed point; null where MDC shows no icon. */
  variation: MdcPointType | null;
  variationIcon: MdcVariationIcon | null;
  assurance: MdcAssurance | null;
  /** Special-cause points in the last six months, and how many of them are improvement or concern. */
  flaggedLast6Months: number;
  improvementLast6Months: number;
  concernLast6Months: number;
}

/** The ISO date `months` calendar months before `date`, day clamped to the month's length. */
function monthsBefore(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(day, lastDay);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An error's message without the "field[position]: " prefix and " (rule: …)" suffix its constructor adds. */
function bareMessage(error: QiStatsInputError): string {
  const where = error.position === null ? error.field : `${error.field}[${error.position}]`;
  const prefix = `${where}: `;
  const suffix = ` (rule: ${error.rule})`;
  let message = error.message;
  if (message.startsWith(prefix)) message = message.slice(prefix.length);
  if (message.endsWith(suffix)) message = message.slice(0, -suffix.length);
  return message;
}

/**
 * The "icon matrix" of many measures — the summary table that boards and
 * the advisory-group view read, as MDC's board-report summary pages and the
 * NHSE SQL's icon output do: one row per series with its latest value, the
 * mean and limits of its latest period, the variation and assurance icons,
 * and how many points were flagged in the last six months.
 *
 * "Last six months": with dates, the points dated after the latest date
 * minus six calendar months (for monthly data, the latest six months); with
 * no dates, the last six points (monthly data assumed). Rows keep the order
 * of `series`. A series with bad input throws `QiStatsInputError` whose
 * field names the series, e.g. `series[3].values`. O(total points).
 *
 * @example
 * const rows = mdcSummary([
 *   { id: 'pph', label: 'PPH ≥ 1.5 l', improvement: 'decrease', target: 30,
 *     values: [16, 24, 22, 19, 19, 18, 24, 25, 18, 17, 16, 25, 15, 23, 19,
 *              35, 32, 35, 31, 27, 33, 28, 38, 35, 30, 28, 29, 27, 24, 23] },
 * ]);
 * rows[0]?.assurance; // 'inconsistent' (30 lies between LPL 13.33 and UPL 37.00)
 * rows[0]?.variationIcon; // 'common_cause'
 * rows[0]?.flaggedLast6Months; // 4: p25–p28 end the shift p16–p28 above the mean (a concern)
 */
export function mdcSummary(series: ReadonlyArray<MdcSeries>): MdcSummaryRow[] {
  if (!Array.isArray(series)) {
    throw new QiStatsInputError({
      field: 'series',
      rule: 'not-an-array',
      value: series,
      message: 'must be an array',
    });
  }
  const rows: MdcSummaryRow[] = new Array(series.length);
  for (let s = 0; s < series.length; s++) {
    const one = series[s] as MdcSeries;
    let chart: ReturnType<typeof makingDataCount>;
    try {
      chart = makingDataCount(one);
    } catch (error) {
      if (!(error instanceof QiStatsInputError)) throw error;
      throw new QiStatsInputError({
        field: `series[${s}].${error.field}`,
        position: error.position,
        rule: error.rule,
        value: error.value,
        message: `${bareMessage(error)}${typeof one?.id === 'string' ? ` (series '${one.id}')` : ''}`,
      });
    }
    const { points, groups } = chart;
    const lastGroup = groups[groups.length - 1];
    let latest = points.length - 1;
    while (latest >= 0 && points[latest]?.value === null) latest--;
    const latestPoint = latest >= 0 ? points[latest] : undefined;

    let windowStart = Math.max(0, latest - 5);
    if (latestPoint?.date) {
      const after = monthsBefore(latestPoint.date, 6);
      windowStart = latest;
      while (windowStart > 0 && (points[windowStart - 1]?.date ?? '') > after) windowStart--;
    }
    let flagged = 0;
    let improvement = 0;
    let concern = 0;
    for (let i = windowStart; i <= latest; i++) {
      const point = points[i];
      if (point === undefined || !point.specialCauseFlag) continue;
      flagged++;
      if (point.pointType === 'special_cause_improvement') improvement++;
      else if (point.pointType === 'special_cause_concern') concern++;
    }
    const iconsShown = lastGroup?.variationIcon !== null && lastGroup?.variationIcon !== undefined;
    rows[s] = {
      id: one.id,
      label: one.label ?? null,
      improvement: one.improvement,
      target: one.target ?? null,
      n: points.length,
      latestValue: latestPoint?.value ?? null,
      latestDate: latestPoint?.date ?? null,
      latestPosition: latestPoint?.position ?? null,
      mean: lastGroup?.mean ?? 0,
      lpl: lastGroup?.lpl ?? null,
      upl: lastGroup?.upl ?? null,
      variation: iconsShown ? (lastGroup?.variation ?? null) : null,
      variationIcon: lastGroup?.variationIcon ?? null,
      assurance: lastGroup?.assurance ?? null,
      flaggedLast6Months: flagged,
      improvementLast6Months: improvement,
      concernLast6Months: concern,
    };
  }
  return rows;
}
