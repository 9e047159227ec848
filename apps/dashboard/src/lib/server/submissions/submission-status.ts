import { addMonths, type Period, periodOfDate } from '@maternity-qi/network-data';
import type { Store } from '../db/store.ts';
import { isOverdue, submissionDeadline } from './submission-deadline.ts';

/** How many months the status matrix shows. */
export const STATUS_MONTHS = 12;

/**
 * A site's month: submitted once, submitted again (a newer version replaced the first),
 * missing after its deadline, or missing but not yet due.
 */
export type MonthStatus = 'submitted' | 'resubmitted' | 'overdue' | 'not_due';

export const MONTH_STATUSES: readonly MonthStatus[] = ['submitted', 'resubmitted', 'overdue', 'not_due'];

/** Status words for people. */
export const MONTH_STATUS_LABELS: Record<MonthStatus, string> = {
  submitted: 'Submitted',
  resubmitted: 'Resubmitted',
  overdue: 'Missing (overdue)',
  not_due: 'Not yet due',
};

/** One cell of the matrix. */
export interface StatusCell {
  period: Period;
  status: MonthStatus;
  /** The latest version, when submitted. */
  version: number | null;
  /** When the latest version was stored (ISO), when submitted. */
  submittedAt: string | null;
  /** The last day it is on time (ISO date). */
  deadline: string;
}

export interface StatusRow {
  siteId: string;
  siteName: string;
  cells: StatusCell[];
  counts: Record<MonthStatus, number>;
}

/** Sites by months: who has and has not submitted. */
export interface StatusMatrix {
  /** Oldest first. */
  months: Period[];
  rows: StatusRow[];
  /** Per month (same order as `months`). */
  monthCounts: Array<Record<MonthStatus, number>>;
  totals: Record<MonthStatus, number>;
}

/** The latest stored version of one site's month. */
export interface LatestVersion {
  siteId: string;
  period: Period;
  version: number;
  submittedAt: string;
}

const zeroCounts = (): Record<MonthStatus, number> => ({
  submitted: 0,
  resubmitted: 0,
  overdue: 0,
  not_due: 0,
});

/**
 * The months the status matrix shows on `today`: the 12 before the current month, oldest
 * first. The current month is left out: its data cannot be complete until it ends.
 *
 * @example
 * ```ts
 * const months = statusMonths(new Date('2026-11-26T10:00:00Z'));
 * [months[0], months[11]]; // => ['2025-11', '2026-10']
 * ```
 */
export function statusMonths(today: Date): Period[] {
  const current = periodOfDate(today);
  return Array.from({ length: STATUS_MONTHS }, (_, i) => addMonths(current, i - STATUS_MONTHS));
}

/**
 * Builds the matrix from the latest version of each site's month: submitted (version 1),
 * resubmitted (a later version), overdue (nothing after the 15th of the following month) or
 * not yet due, with counts per site, per month and overall.
 *
 * @example
 * ```ts
 * const matrix = statusMatrix(
 *   [{ site_id: 'S1', display_name: 'Site A' }],
 *   ['2026-09', '2026-10'],
 *   [{ siteId: 'S1', period: '2026-09', version: 2, submittedAt: '2026-10-03T09:00:00.000Z' }],
 *   new Date('2026-11-10T10:00:00Z'),
 * );
 * matrix.rows[0].cells.map((c) => c.status); // => ['resubmitted', 'not_due']
 * ```
 */
export function statusMatrix(
  sites: ReadonlyArray<{ site_id: string; display_name: string }>,
  months: readonly Period[],
  latest: readonly LatestVersion[],
  today: Date,
): StatusMatrix {
  const byKey = new Map(latest.map((v) => [`${v.siteId}|${v.period}`, v]));
  const monthCounts = months.map(zeroCounts);
  const totals = zeroCounts();
  const rows = sites.map((site) => {
    const counts = zeroCounts();
    const cells = months.map((period, i): StatusCell => {
      const found = byKey.get(`${site.site_id}|${period}`);
      const status: MonthStatus = found
        ? found.version > 1
          ? 'resubmitted'
          : 'submitted'
        : isOverdue(period, today)
          ? 'overdue'
          : 'not_due';
      counts[status] += 1;
      (monthCounts[i] as Record<MonthStatus, number>)[status] += 1;
      totals[status] += 1;
      return {
        period,
        status,
        version: found?.version ?? null,
        submittedAt: found?.submittedAt ?? null,
        deadline: submissionDeadline(period),
      };
    });
    return { siteId: site.site_id, siteName: site.display_name, cells, counts };
  });
  return { months: [...months], rows, monthCounts, totals };
}

/**
 * The status matrix for every site over the last 12 months, read from the database.
 *
 * @example
 * ```ts
 * const matrix = await submissionStatus(portal.store, portal.reference.sites, new Date());
 * matrix.totals.overdue; // => 3
 * ```
 */
export async function submissionStatus(
  store: Pick<Store, 'all'>,
  sites: ReadonlyArray<{ site_id: string; display_name: string }>,
  today: Date,
): Promise<StatusMatrix> {
  const months = statusMonths(today);
  const latest = await store.all<{ site_id: string; period: Period; version: number; submitted_at: string }>(
    `SELECT site_id, period, max(version) AS version, arg_max(submitted_at, version) AS submitted_at
     FROM submission_versions WHERE period BETWEEN ? AND ? GROUP BY site_id, period`,
    [months[0] as Period, months[months.length - 1] as Period],
  );
  return statusMatrix(
    sites,
    months,
    latest.map((r) => ({
      siteId: r.site_id,
      period: r.period,
      version: r.version,
      submittedAt: r.submitted_at,
    })),
    today,
  );
}
