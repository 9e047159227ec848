import type { EthnicCategory } from '@maternity-qi/network-data';
import { categoriesInGroups } from '../../qi/ethnic-groups.ts';
import type { QiStore } from '../qi-log/qi-store.ts';

/** One month of an aim's measure, pooled over the aim's ethnic groups. */
export interface PooledMonth {
  period: string;
  numerator: number;
  denominator: number;
}

/** Which counts to pool: one site, one measure, some groups ('ALL' = the site total), a window of months. */
export interface AimSeriesQuery {
  siteId: string;
  measureId: string;
  ethnicGroups: readonly string[];
  /** First and last month, `YYYY-MM`, inclusive. */
  from: string;
  to: string;
}

/**
 * An aim's monthly counts from the portal database: for each month, the latest version of
 * the site's submission (the highest `version` in `submission_versions`; a resubmission
 * replaces the whole month, it never adds to it), then the numerators and the denominators
 * of every ethnic category in the aim's groups summed (pooling: sum, then divide, so a group
 * with more women weighs more). Categories map to groups through the reference table's
 * level-1 and level-2 groups; 'ALL' takes the site total row. Rows with a missing count are
 * left out; a month with nothing left is missing (no row), never zero.
 *
 * @example
 * ```ts
 * await pooledAimCounts(store, reference.ethnicCategories, {
 *   siteId: 'S1', measureId: 'booking_by_10wk', ethnicGroups: ['BLACK'], from: '2024-04', to: '2026-03',
 * });
 * // => [{ period: '2024-04', numerator: 61, denominator: 98 }, …]
 * ```
 */
export async function pooledAimCounts(
  store: QiStore,
  categories: readonly EthnicCategory[],
  query: AimSeriesQuery,
): Promise<PooledMonth[]> {
  const codes = categoriesInGroups(categories, query.ethnicGroups);
  const rows = await store.all<{
    period: string;
    ethnic_category: string;
    numerator: number | null;
    denominator: number | null;
  }>(
    `WITH latest AS (
       SELECT site_id, period, max(version) AS version FROM submission_versions
       WHERE site_id = ? AND period BETWEEN ? AND ? GROUP BY site_id, period
     )
     SELECT counts.period, counts.ethnic_category, counts.numerator, counts.denominator
     FROM submission_rows AS counts
     JOIN latest ON counts.site_id = latest.site_id AND counts.period = latest.period
                AND counts.version = latest.version
     WHERE counts.measure_id = ?
     ORDER BY counts.period, counts.ethnic_category`,
    [query.siteId, query.from, query.to, query.measureId],
  );
  const months = new Map<string, PooledMonth>();
  for (const row of rows) {
    if (!codes.has(row.ethnic_category) || row.numerator == null || row.denominator == null) continue;
    const month = months.get(row.period) ?? { period: row.period, numerator: 0, denominator: 0 };
    month.numerator += row.numerator;
    month.denominator += row.denominator;
    months.set(row.period, month);
  }
  return [...months.values()];
}
