import type { Measure } from '@maternity-qi/network-data';
import { addMonths, monthRange } from '@maternity-qi/network-data';
import type { ChartAnnotation } from '../../charts/chart-view.ts';
import { ALL_WOMEN } from '../../qi/ethnic-groups.ts';
import type { MeasureRow } from '../../queries/network-queries.ts';
import { chartAnnotations, monthlySeries, type SiteChart, siteChart } from '../../site/site-charts.ts';
import type { AimRecord, QiStore } from '../qi-log/qi-store.ts';
import type { PooledMonth } from './aim-series.ts';

/** How many months a report's aim chart covers, ending with the report's month. */
export const REPORT_CHART_MONTHS = 24;

/**
 * The months a report for `period` charts: the 24 months ending with it.
 *
 * @example
 * ```ts
 * const window = reportWindow('2026-03');
 * [window.from, window.to, window.months.length]; // => ['2024-04', '2026-03', 24]
 * ```
 */
export function reportWindow(period: string, length = REPORT_CHART_MONTHS) {
  const from = addMonths(period, -(length - 1));
  return { from, to: period, months: monthRange(from, period) };
}

/**
 * A catalogue measure in the shape the dashboard's chart components take (`MeasureRow`).
 *
 * @example
 * ```ts
 * measureRow(reference.measures.find((m) => m.measure_id === 'booking_by_10wk')!).unit_label; // => '%'
 * ```
 */
export function measureRow(measure: Measure): MeasureRow {
  return {
    measure_id: measure.measure_id,
    name: measure.name,
    domain: measure.domain,
    multiplier: measure.multiplier,
    unit_label: measure.unit_label,
    direction: measure.direction,
    target_value: measure.target_value,
    default_chart: measure.default_chart,
    window_months: measure.window_months,
    rare_event: measure.rare_event,
    by_ethnic_group: measure.by_ethnic_group,
    min_denominator_for_display: measure.min_denominator_for_display,
  };
}

/**
 * Whether a chart note belongs on an aim's chart: notes for the whole site (no groups), for
 * all women, or for at least one of the aim's groups. A cycle aimed at Black women is not
 * drawn on another aim's chart for Asian women on the same measure.
 *
 * @example
 * ```ts
 * annotationFitsAim('BLACK;MIXED', ['BLACK']); // => true
 * annotationFitsAim('ASIAN', ['BLACK']); // => false
 * annotationFitsAim(null, ['BLACK']); // => true
 * ```
 */
export function annotationFitsAim(annotationGroups: string | null, aimGroups: readonly string[]): boolean {
  const groups = (annotationGroups ?? '').split(';').filter(Boolean);
  if (groups.length === 0 || groups.includes(ALL_WOMEN) || aimGroups.includes(ALL_WOMEN)) return true;
  return groups.some((group) => aimGroups.includes(group));
}

/**
 * The chart notes (PDSA cycles, adopted changes, data issues) for an aim's chart, from the
 * `annotations` table: the aim's measure or the whole site, inside the window, for the aim's
 * groups, in date order.
 *
 * @example
 * ```ts
 * (await aimAnnotations(store, aim, '2024-04', '2026-03')).map((note) => note.label);
 * // => ['PDSA 1: Phone ten referrals in one week.']
 * ```
 */
export async function aimAnnotations(
  store: QiStore,
  aim: Pick<AimRecord, 'site_id' | 'measure_id' | 'ethnic_groups'>,
  from: string,
  to: string,
): Promise<ChartAnnotation[]> {
  const rows = await store.all<{ period: string; kind: string; text: string; ethnic_groups: string | null }>(
    `SELECT period, kind, text, ethnic_groups FROM annotations
     WHERE site_id = ? AND (measure_id = ? OR measure_id IS NULL) AND period BETWEEN ? AND ?
     ORDER BY period, annotation_id`,
    [aim.site_id, aim.measure_id, from, to],
  );
  const aimGroups = aim.ethnic_groups.split(';');
  return chartAnnotations(
    rows
      .filter((row) => annotationFitsAim(row.ethnic_groups, aimGroups))
      .map((row) => ({ ...row, period: new Date(`${row.period}-01T00:00:00Z`) })),
  );
}

/** An aim's chart, or why there is none. */
export interface AimChart {
  chart: Extract<SiteChart, { kind: 'mdc' }> | null;
  problem: string | null;
  /** Months left out because too few women were counted (under the measure's display minimum). */
  hiddenSmall: number;
}

/**
 * The Making Data Count chart of an aim's pooled monthly counts, with the aim's target (for
 * the assurance icon) and its chart notes: the Site page's own series and chart functions
 * (`monthlySeries`, `siteChart`), so the report and the Site page agree.
 *
 * @example
 * ```ts
 * const { chart } = aimChart(pooled, reportWindow('2026-03').months, measure, 70, notes);
 * chart?.result.groups.at(-1)?.assurance; // => 'inconsistent' (hit and miss), say
 * ```
 */
export function aimChart(
  pooled: readonly PooledMonth[],
  months: readonly string[],
  measure: Measure,
  target: number | null,
  annotations: readonly ChartAnnotation[],
): AimChart {
  const days = months.map((month) => `${month}-01`);
  const rows = pooled.map((month) => ({
    period: new Date(`${month.period}-01T00:00:00Z`),
    ethnic_group: 'AIM',
    numerator: month.numerator,
    denominator: month.denominator,
  }));
  const series = monthlySeries(rows, 'AIM', days, measure);
  if (series.values.every((value) => value == null))
    return {
      chart: null,
      problem: `No month from ${months[0]} to ${months.at(-1)} has enough data for this group to chart.`,
      hiddenSmall: series.hiddenSmall,
    };
  try {
    const chart = siteChart('mdc', series, measure, target, annotations);
    if (chart.kind !== 'mdc') throw new Error('expected a Making Data Count chart');
    return { chart, problem: null, hiddenSmall: series.hiddenSmall };
  } catch (error) {
    return {
      chart: null,
      problem: `The chart could not be calculated: ${error instanceof Error ? error.message : String(error)}`,
      hiddenSmall: series.hiddenSmall,
    };
  }
}
