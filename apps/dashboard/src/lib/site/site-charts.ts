import { type ChartType, controlChart, makingDataCount } from '@maternity-qi/qi-stats';
import type { ChartAnnotation } from '$lib/charts/chart-view';
import type { ImprovementDirection } from '$lib/charts/mdc-icons';
import type { ControlChartResult, MdcResult } from '$lib/charts/qi-stats-contract';
import type { AnnotationRow, MeasureRow, MonthlyCountRow } from '$lib/queries/network-queries';

/** The three ways a site team can look at a measure over time. */
export type ChartKind = 'mdc' | 'spc' | 'run';

export const chartKindNames: Record<ChartKind, string> = {
  mdc: 'Making Data Count (XmR)',
  spc: 'Control chart',
  run: 'Run chart',
};

/**
 * The chart the measure catalogue asks for (`default_chart`): 'run' stays a run
 * chart, 'xmr' is Making Data Count's XmR chart, and p, u and their Laney variants
 * are Shewhart control charts.
 */
export function defaultChartKind(measure: Pick<MeasureRow, 'default_chart'>): ChartKind {
  const chart = measure.default_chart?.toLowerCase() ?? '';
  if (chart === 'run') return 'run';
  if (chart === 'xmr' || chart === 'mdc' || chart === '') return 'mdc';
  return 'spc';
}

/** The Shewhart chart type (qicharts2 name) for a measure's control chart. */
export function shewhartType(
  measure: Pick<MeasureRow, 'default_chart' | 'multiplier' | 'unit_label'>,
): ChartType {
  const chart = measure.default_chart?.toLowerCase() ?? '';
  if (chart === 'u' || chart === 'up' || chart === 'pp' || chart === 'g' || chart === 't' || chart === 'c') {
    return chart;
  }
  if (chart === 'pprime') return 'pp';
  if (chart === 'uprime') return 'up';
  return 'p';
}

/** Which way is better, in Making Data Count's words. */
export function improvementDirection(measure: Pick<MeasureRow, 'direction'>): ImprovementDirection {
  return measure.direction === 'lower_is_better'
    ? 'decrease'
    : measure.direction === 'higher_is_better'
      ? 'increase'
      : 'neutral';
}

/** yyyy-mm-dd of a UTC date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** One ethnic group's (or the site's) months, aligned to the site's full list of months. */
export interface MonthlySeries {
  dates: string[];
  numerators: (number | null)[];
  denominators: (number | null)[];
  /** numerator / denominator × multiplier; null when missing or when the denominator is too small to show. */
  values: (number | null)[];
  /** Months left out because the denominator was below the measure's minimum for display. */
  hiddenSmall: number;
}

/**
 * Lines up one group's monthly counts on the site's months, leaving gaps (never
 * zeros) for months with no submission or with a denominator under the measure's
 * `min_denominator_for_display` (tiny cells are noise and a disclosure risk;
 * data-model.md §5).
 */
export function monthlySeries(
  rows: readonly MonthlyCountRow[],
  group: string,
  months: readonly string[],
  measure: Pick<MeasureRow, 'multiplier' | 'min_denominator_for_display'>,
): MonthlySeries {
  const byMonth = new Map(
    rows.filter((row) => row.ethnic_group === group).map((row) => [isoDay(row.period), row]),
  );
  const minimum = Math.max(1, measure.min_denominator_for_display ?? 1);
  let hiddenSmall = 0;
  const series: MonthlySeries = {
    dates: [...months],
    numerators: [],
    denominators: [],
    values: [],
    hiddenSmall: 0,
  };
  for (const month of months) {
    const row = byMonth.get(month);
    const shown = row != null && row.denominator >= minimum;
    if (row && !shown && row.denominator > 0) hiddenSmall++;
    series.numerators.push(shown ? row.numerator : null);
    series.denominators.push(shown ? row.denominator : null);
    series.values.push(shown ? (row.numerator / row.denominator) * measure.multiplier : null);
  }
  series.hiddenSmall = hiddenSmall;
  return series;
}

/** Changes shown on a chart: the site's PDSA cycles, adopted change ideas and events for the measure. */
export function chartAnnotations(rows: readonly AnnotationRow[]): ChartAnnotation[] {
  const kinds = new Set(['pdsa', 'change_idea', 'event', 'data_issue']);
  return rows.map((row) => ({
    date: isoDay(row.period),
    label: row.text,
    kind: kinds.has(row.kind) ? (row.kind as ChartAnnotation['kind']) : 'event',
  }));
}

/** Months needed on each side of a change before limits are recalculated there (MDC/PTD guidance, spc-rules.md §3.2). */
export const minimumPointsForNewLimits = 12;

/**
 * 1-based positions where limits are recalculated: at each adopted change idea with
 * at least 12 months before it (since the previous break) and 12 after it. QI
 * guidance: rebase only at a known, sustained change, never to chase a signal.
 */
export function rebasePositions(dates: readonly string[], annotations: readonly ChartAnnotation[]): number[] {
  const positions: number[] = [];
  let previous = 1;
  for (const annotation of annotations) {
    if (annotation.kind !== 'change_idea') continue;
    const position = dates.findIndex((date) => date >= annotation.date) + 1;
    if (position <= 0) continue;
    const before = position - previous;
    const after = dates.length - position + 1;
    if (before >= minimumPointsForNewLimits && after >= minimumPointsForNewLimits) {
      positions.push(position);
      previous = position;
    }
  }
  return positions;
}

export type SiteChart =
  | { kind: 'mdc'; result: MdcResult; dates: string[]; rebase: number[] }
  | { kind: 'spc' | 'run'; result: ControlChartResult; rebase: number[] };

/**
 * Runs qi-stats on one series: `makingDataCount` for the MDC view, `controlChart`
 * for control and run charts, with limits recalculated at adopted changes. The
 * page draws whatever this returns.
 */
export function siteChart(
  kind: ChartKind,
  series: MonthlySeries,
  measure: Pick<MeasureRow, 'default_chart' | 'multiplier' | 'unit_label' | 'direction'>,
  target: number | null,
  annotations: readonly ChartAnnotation[],
): SiteChart {
  const rebase = rebasePositions(series.dates, annotations);
  if (kind === 'mdc') {
    const result = makingDataCount({
      values: series.values,
      dates: series.dates,
      improvement: improvementDirection(measure),
      target,
      rebase: rebase.length > 0 ? rebase : null,
    });
    return { kind, result, dates: series.dates, rebase };
  }
  // controlChart's `part` takes the last position of each part; a rebase position is the first of the next.
  const part = rebase.length > 0 ? rebase.map((position) => position - 1) : null;
  const result =
    kind === 'run'
      ? controlChart({ chart: 'run', y: series.values, x: series.dates, part })
      : controlChart({
          chart: shewhartType(measure),
          y: series.numerators,
          n: series.denominators,
          x: series.dates,
          multiply: measure.multiplier,
          part,
        });
  return { kind, result, rebase };
}
