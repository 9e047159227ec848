import { parsePeriod, type ReferenceTables } from '@maternity-qi/network-data';
import type { ChartAnnotation } from '../../charts/chart-view.ts';
import { monthLabel } from '../../qi/month-label.ts';
import type { MeasureRow } from '../../queries/network-queries.ts';
import { can, isSiteRole, type PortalUser } from '../auth/roles.ts';
import { type QiLogAim, readQiLog } from '../qi-log/qi-log.ts';
import type { QiStore } from '../qi-log/qi-store.ts';
import { Forbidden, NotFound } from '../write-errors.ts';
import { type AimChart, aimAnnotations, aimChart, measureRow, reportWindow } from './aim-chart.ts';
import { pooledAimCounts } from './aim-series.ts';
import { renderMarkdown } from './markdown.ts';
import { listReportComments } from './report-comments.ts';
import type { ReportRecord } from './report-narrative.ts';
import { timestampLabel } from './timestamp-label.ts';

/** One aim in a monthly report: its words, its cycles so far, and its chart. */
export interface ReportAim extends AimChart {
  aim: QiLogAim;
  measure: MeasureRow;
  annotations: ChartAnnotation[];
}

/** Everything the monthly report page shows, for one reader. */
export interface MonthlyReport {
  site: { site_id: string; display_name: string };
  period: string;
  periodLabel: string;
  window: { from: string; to: string; label: string };
  aims: ReportAim[];
  /** The narrative, when this reader may see it (a draft only by the site's own team). */
  narrative: {
    status: 'draft' | 'submitted';
    html: string;
    /** The Markdown source, for the site lead's editor only. */
    markdown: string | null;
    updatedAt: string;
    submittedAt: string;
    updatedBy: string;
    revised: boolean;
  } | null;
  /** True when a draft exists that this reader may not see yet. */
  draftHidden: boolean;
  comments: { id: number; author: string; createdAt: string; html: string }[];
  mayWrite: boolean;
  mayComment: boolean;
  source: string;
}

/**
 * Assembles a site's monthly report for a reader allowed to read it (`read_reports` for the
 * site, `Forbidden` otherwise): every aim of the site with its change ideas and the PDSA
 * cycles started by that month, and a Making Data Count chart of the aim's measure for its
 * ethnic groups over the 24 months to the report's month (latest submission versions,
 * pooled), with the aim's target and the chart notes; the narrative rendered from Markdown
 * by the one safe renderer; the comments. Faculty and admins see a narrative once submitted.
 *
 * @example
 * ```ts
 * const report = await readMonthlyReport(store, reference, faculty, 'S1', '2026-03');
 * report.aims[0].chart?.result.groups.at(-1)?.assurance; // => e.g. 'consistent_pass'
 * ```
 */
export async function readMonthlyReport(
  store: QiStore,
  reference: ReferenceTables,
  user: PortalUser,
  siteId: string,
  period: string,
): Promise<MonthlyReport> {
  if (!can(user, 'read_reports', siteId))
    throw new Forbidden(`You cannot read the reports of site ${siteId}.`);
  const site = reference.sites.find((candidate) => candidate.site_id === siteId);
  if (!site) throw new NotFound(`There is no site ${siteId}.`);
  if (parsePeriod(period) !== period) throw new NotFound(`"${period}" is not a month (YYYY-MM).`);

  const window = reportWindow(period);
  const measures = new Map(reference.measures.map((measure) => [measure.measure_id, measure]));
  const aims: ReportAim[] = [];
  for (const aim of await readQiLog(store, reference, user, siteId)) {
    const measure = measures.get(aim.measure_id);
    if (!measure) continue;
    const shown: QiLogAim = {
      ...aim,
      changeIdeas: aim.changeIdeas.map((idea) => ({
        ...idea,
        cycles: idea.cycles.filter((cycle) => cycle.start_period <= period),
      })),
    };
    const pooled = await pooledAimCounts(store, reference.ethnicCategories, {
      siteId,
      measureId: aim.measure_id,
      ethnicGroups: aim.groupCodes,
      from: window.from,
      to: window.to,
    });
    const annotations = await aimAnnotations(store, aim, window.from, window.to);
    aims.push({
      aim: shown,
      measure: measureRow(measure),
      annotations,
      ...aimChart(pooled, window.months, measure, aim.target_value, annotations),
    });
  }

  const record = await store.one<ReportRecord & { updated_by_name: string | null }>(
    `SELECT report.*, account.display_name AS updated_by_name
     FROM reports AS report LEFT JOIN accounts AS account ON account.account_id = report.updated_by
     WHERE report.site_id = ? AND report.period = ?`,
    [siteId, period],
  );
  const mayWrite = can(user, 'write_report', siteId);
  // A draft is the site team's work in progress; faculty and admins read it once submitted.
  const visible = record && (record.status === 'submitted' || isSiteRole(user.role));
  const comments = await listReportComments(store, siteId, period);
  return {
    site: { site_id: site.site_id, display_name: site.display_name },
    period,
    periodLabel: monthLabel(period),
    window: {
      from: window.from,
      to: window.to,
      label: `${monthLabel(window.from)} to ${monthLabel(window.to)}`,
    },
    aims,
    narrative: visible
      ? {
          status: record.status,
          html: renderMarkdown(record.narrative_md),
          markdown: mayWrite ? record.narrative_md : null,
          updatedAt: timestampLabel(record.updated_at),
          submittedAt: timestampLabel(record.submitted_at),
          updatedBy: record.updated_by_name ?? '',
          revised:
            record.status === 'submitted' &&
            record.submitted_at != null &&
            record.updated_at > record.submitted_at,
        }
      : null,
    draftHidden: Boolean(record && !visible),
    comments: comments.map((comment) => ({
      id: comment.comment_id,
      author: comment.author,
      createdAt: timestampLabel(comment.created_at),
      html: renderMarkdown(comment.body_md),
    })),
    mayWrite,
    mayComment: can(user, 'comment_on_reports', siteId) && record?.status === 'submitted',
    source: `Maternity Equity QI Network portal: latest submitted version of each month, ${site.display_name}`,
  };
}
