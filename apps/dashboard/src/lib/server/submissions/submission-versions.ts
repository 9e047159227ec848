import type { Period } from '@maternity-qi/network-data';
import type { Store } from '../db/store.ts';
import type { SubmissionCell } from './submission-diff.ts';

/** One stored version of a site's month, as the history lists it. */
export interface SubmissionVersion {
  siteId: string;
  period: Period;
  version: number;
  /** ISO time the version was stored. */
  submittedAt: string;
  /** Account id of the submitter; null for imported (demo) versions. */
  submittedBy: string | null;
  /** The submitter's email and name now, when the account still exists. */
  submitterEmail: string | null;
  submitterName: string | null;
  rowCount: number;
  /** SHA-256 of the file as uploaded; null for imported versions. */
  fileSha256: string | null;
  note: string | null;
}

interface VersionRecord {
  site_id: string;
  period: Period;
  version: number;
  submitted_at: string;
  submitted_by: string | null;
  email: string | null;
  display_name: string | null;
  row_count: number;
  file_sha256: string | null;
  note: string | null;
}

/**
 * Every stored version for a site, newest month and newest version first; only one month's
 * when `period` is given.
 *
 * @example
 * ```ts
 * const versions = await listSubmissionVersions(store, 'S1', '2026-10');
 * versions.map((v) => v.version); // => [2, 1]
 * ```
 */
export async function listSubmissionVersions(
  store: Pick<Store, 'all'>,
  siteId: string,
  period?: Period,
): Promise<SubmissionVersion[]> {
  const records = await store.all<VersionRecord>(
    `SELECT v.site_id, v.period, v.version, v.submitted_at, v.submitted_by, a.email, a.display_name,
            v.row_count, v.file_sha256, v.note
     FROM submission_versions v LEFT JOIN accounts a ON a.account_id = v.submitted_by
     WHERE v.site_id = ? ${period ? 'AND v.period = ?' : ''}
     ORDER BY v.period DESC, v.version DESC`,
    period ? [siteId, period] : [siteId],
  );
  return records.map((r) => ({
    siteId: r.site_id,
    period: r.period,
    version: r.version,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    submitterEmail: r.email,
    submitterName: r.display_name,
    rowCount: r.row_count,
    fileSha256: r.file_sha256,
    note: r.note,
  }));
}

/**
 * The stored lines of one version, sorted by measure and ethnic category.
 *
 * @example
 * ```ts
 * (await submissionVersionCells(store, 'S1', '2026-10', 1))[0];
 * // => { measureId: 'booking_by_10wk', ethnicCategory: 'A', numerator: 40, denominator: 61 }
 * ```
 */
export async function submissionVersionCells(
  store: Pick<Store, 'all'>,
  siteId: string,
  period: Period,
  version: number,
): Promise<SubmissionCell[]> {
  const rows = await store.all<{
    measure_id: string;
    ethnic_category: string;
    numerator: number | null;
    denominator: number | null;
  }>(
    `SELECT measure_id, ethnic_category, numerator, denominator FROM submission_rows
     WHERE site_id = ? AND period = ? AND version = ? ORDER BY measure_id, ethnic_category`,
    [siteId, period, version],
  );
  return rows.map((r) => ({
    measureId: r.measure_id,
    ethnicCategory: r.ethnic_category,
    numerator: r.numerator,
    denominator: r.denominator,
  }));
}

/**
 * The newest version number of a site's month, or 0 when nothing has been stored.
 *
 * @example
 * ```ts
 * await latestVersionNumber(store, 'S1', '2026-10'); // => 2
 * ```
 */
export async function latestVersionNumber(
  store: Pick<Store, 'all'>,
  siteId: string,
  period: Period,
): Promise<number> {
  const [row] = await store.all<{ latest: number | null }>(
    'SELECT max(version) AS latest FROM submission_versions WHERE site_id = ? AND period = ?',
    [siteId, period],
  );
  return row?.latest ?? 0;
}
