import type { ReferenceTables } from '@maternity-qi/network-data';
import { monthLabel } from '../../qi/month-label.ts';
import { can, type PortalUser } from '../auth/roles.ts';
import type { QiStore } from '../qi-log/qi-store.ts';

/** One month of one site on the reports page. */
export interface ReportMonth {
  period: string;
  label: string;
  status: 'none' | 'draft' | 'submitted';
  comments: number;
}

/** A site's recent months with their report status. */
export interface SiteReports {
  siteId: string;
  siteName: string;
  months: ReportMonth[];
}

/**
 * The reports a user may read, by site: for each site, its latest `recent` months with data
 * plus every month with a report, newest first, each with its status and comment count.
 * Site roles get their own site only; faculty and admins every site; others none.
 *
 * @example
 * ```ts
 * (await listReportMonths(store, reference, leadOfS1))[0].months[0];
 * // => { period: '2026-03', label: 'March 2026', status: 'none', comments: 0 }
 * ```
 */
export async function listReportMonths(
  store: QiStore,
  reference: ReferenceTables,
  user: PortalUser,
  recent = 6,
): Promise<SiteReports[]> {
  const sites = reference.sites.filter((site) => can(user, 'read_reports', site.site_id));
  const result: SiteReports[] = [];
  for (const site of sites) {
    const rows = await store.all<{ period: string; status: string | null; comments: number }>(
      `WITH months AS (
         SELECT period FROM (SELECT DISTINCT period FROM submission_versions WHERE site_id = ?)
         ORDER BY period DESC LIMIT ?
       ), reported AS (SELECT period FROM reports WHERE site_id = ?)
       SELECT all_months.period, report.status,
              (SELECT count(*) FROM report_comments AS c WHERE c.site_id = ? AND c.period = all_months.period) AS comments
       FROM (SELECT period FROM months UNION SELECT period FROM reported) AS all_months
       LEFT JOIN reports AS report ON report.site_id = ? AND report.period = all_months.period
       ORDER BY all_months.period DESC`,
      [site.site_id, recent, site.site_id, site.site_id, site.site_id],
    );
    result.push({
      siteId: site.site_id,
      siteName: site.display_name,
      months: rows.map((row) => ({
        period: row.period,
        label: monthLabel(row.period),
        status: row.status === 'draft' || row.status === 'submitted' ? row.status : 'none',
        comments: row.comments,
      })),
    });
  }
  return result;
}
