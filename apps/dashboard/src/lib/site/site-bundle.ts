import type { NetworkDatabase } from '../data/network-database.ts';
import {
  type AimRow,
  type AnnotationRow,
  type EthnicGroupRow,
  listEthnicGroups,
  listMeasures,
  listSites,
  type MeasureRow,
  type MonthlyCountRow,
  networkWindowTotals,
  type SiteRow,
  type SiteWindowRow,
  siteAllAims,
  siteAllAnnotations,
  siteAllMonthlyCounts,
} from '../queries/network-queries.ts';

/**
 * Everything the Site page shows for one site, precomputed at build time with the
 * same SQL and engine as the browser (DuckDB-WASM's Node build), so the page can
 * draw its first chart without starting DuckDB (34 MB of wasm) at all: issue §6's
 * "render first from a small precomputed summary". JSON, with months as yyyy-mm-dd.
 */
export interface SiteBundle {
  site: SiteRow;
  /** [measure_id, period, ethnic_group, numerator, denominator] per site × measure × month × group. */
  counts: [string, string, string, number, number][];
  annotations: (Omit<AnnotationRow, 'period'> & { period: string; measure_id: string | null })[];
  aims: (Omit<AimRow, 'target_period'> & { target_period: string | null; measure_id: string })[];
}

/** What every site's page shares: the lists, and each measure's last 12 months at every site (for funnels). */
export interface NetworkBundle {
  preparedAt: string;
  source: string;
  sites: SiteRow[];
  measures: MeasureRow[];
  groups: EthnicGroupRow[];
  /** Site id → bundle file name (relative to the network bundle). */
  siteFiles: Record<string, string>;
  /** The network's last 12 months, and every site's totals over them, by measure. */
  lastYear: { from: string; to: string; byMeasure: Record<string, SiteWindowRow[]> } | null;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Builds the network bundle and one bundle per site from a loaded database. */
export async function buildSiteBundles(
  database: NetworkDatabase,
): Promise<{ network: Omit<NetworkBundle, 'siteFiles'>; sites: SiteBundle[] }> {
  const [sites, measures, groups] = await Promise.all([
    listSites(database),
    listMeasures(database),
    listEthnicGroups(database),
  ]);
  const [range] = await database.query<{ first: Date | null; last: Date | null }>(
    'SELECT max(period) - INTERVAL 11 MONTH AS first, max(period) AS last FROM submissions',
  );
  let lastYear: NetworkBundle['lastYear'] = null;
  if (range?.first && range.last) {
    const byMeasure: Record<string, SiteWindowRow[]> = {};
    for (const measure of measures) {
      byMeasure[measure.measure_id] = await networkWindowTotals(database, measure.measure_id, range.first);
    }
    lastYear = { from: day(range.first), to: day(range.last), byMeasure };
  }
  const bundles: SiteBundle[] = [];
  for (const site of sites) {
    const [counts, annotations, aims] = await Promise.all([
      siteAllMonthlyCounts(database, site.site_id),
      siteAllAnnotations(database, site.site_id),
      siteAllAims(database, site.site_id),
    ]);
    bundles.push({
      site,
      counts: counts.map((row) => [
        row.measure_id,
        day(row.period),
        row.ethnic_group,
        row.numerator,
        row.denominator,
      ]),
      annotations: annotations.map((row) => ({ ...row, period: day(row.period) })),
      aims: aims.map((row) => ({ ...row, target_period: row.target_period ? day(row.target_period) : null })),
    });
  }
  return {
    network: {
      preparedAt: new Date().toISOString(),
      source: database.manifest.source,
      sites,
      measures,
      groups,
      lastYear,
    },
    sites: bundles,
  };
}

/** A site bundle's rows in the shapes the queries return (Dates for months), for one measure. */
export function siteMeasureRows(bundle: SiteBundle, measureId: string) {
  const counts: MonthlyCountRow[] = bundle.counts
    .filter(([measure]) => measure === measureId)
    .map(([, period, ethnic_group, numerator, denominator]) => ({
      period: new Date(`${period}T00:00:00Z`),
      ethnic_group,
      numerator,
      denominator,
    }));
  const annotations: AnnotationRow[] = bundle.annotations
    .filter((row) => row.measure_id === measureId || row.measure_id == null)
    .map(({ measure_id: _measure, ...row }) => ({ ...row, period: new Date(`${row.period}T00:00:00Z`) }));
  const aims: AimRow[] = bundle.aims
    .filter((row) => row.measure_id === measureId)
    .map(({ measure_id: _measure, ...row }) => ({
      ...row,
      target_period: row.target_period ? new Date(`${row.target_period}T00:00:00Z`) : null,
    }));
  return { counts, annotations, aims };
}

/** Every measure's site totals from a bundle, in the shape of `siteTotals()`. */
export function siteTotalRows(bundle: SiteBundle) {
  return bundle.counts
    .filter(([, , group]) => group === 'ALL')
    .map(([measure_id, period, , numerator, denominator]) => ({
      measure_id,
      period: new Date(`${period}T00:00:00Z`),
      numerator,
      denominator,
    }));
}

/** The site's whole-population targets by measure, as `siteWideTargets()` gives them. */
export function siteTargetsFromBundle(bundle: SiteBundle): Map<string, number> {
  return new Map(
    bundle.aims
      .filter((aim) => aim.ethnic_groups === 'ALL' && aim.target_value != null)
      .map((aim) => [aim.measure_id, aim.target_value as number]),
  );
}
