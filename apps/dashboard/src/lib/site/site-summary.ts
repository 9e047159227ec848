import { type MdcSummaryRow, mdcSummary } from '@maternity-qi/qi-stats';
import type { MeasureRow, SiteTotalRow } from '$lib/queries/network-queries';
import { improvementDirection, isoDay, monthlySeries } from './site-charts';

/** One row of a site's "all measures" summary: the measure and its Making Data Count icons. */
export interface MeasureSummary {
  measure: MeasureRow;
  summary: MdcSummaryRow;
}

/**
 * The icon matrix for one site: every measure's site total through qi-stats'
 * `mdcSummary` (latest value, mean, limits, variation and assurance icons), with
 * the site's own aim as the target where it has one for the whole site, else the
 * catalogue's target.
 */
export function siteMeasureSummaries(
  totals: readonly SiteTotalRow[],
  measures: readonly MeasureRow[],
  siteTargets: ReadonlyMap<string, number>,
): MeasureSummary[] {
  const byMeasure = new Map<string, SiteTotalRow[]>();
  for (const row of totals) {
    const rows = byMeasure.get(row.measure_id);
    if (rows) rows.push(row);
    else byMeasure.set(row.measure_id, [row]);
  }
  const withData = measures.filter((measure) => (byMeasure.get(measure.measure_id)?.length ?? 0) > 0);
  const series = withData.map((measure) => {
    const rows = byMeasure.get(measure.measure_id) ?? [];
    const months = [...new Set(rows.map((row) => isoDay(row.period)))].sort();
    const monthly = monthlySeries(
      rows.map((row) => ({ ...row, ethnic_group: 'ALL' })),
      'ALL',
      months,
      measure,
    );
    return {
      id: measure.measure_id,
      label: measure.name,
      values: monthly.values,
      dates: monthly.dates,
      improvement: improvementDirection(measure),
      target: siteTargets.get(measure.measure_id) ?? measure.target_value ?? null,
    };
  });
  const summaries = mdcSummary(series);
  return withData.map((measure, index) => ({ measure, summary: summaries[index] as MdcSummaryRow }));
}
