import type { Period } from '@maternity-qi/network-data';
import { toSpreadsheetSafeCsv } from '../csv/spreadsheet-safe.ts';
import type { SubmissionDiff } from './submission-diff.ts';
import { MONTH_STATUS_LABELS, type StatusMatrix } from './submission-status.ts';
import type { SubmissionVersion } from './submission-versions.ts';

/**
 * A site's submission history as a spreadsheet-safe CSV (notes are free text a person typed,
 * so every cell is neutralised against formulas).
 *
 * @example
 * ```ts
 * historyCsv(await listSubmissionVersions(store, 'S1')).split('\r\n')[0];
 * // => 'site_id,period,version,submitted_at,submitted_by,row_count,file_sha256,note'
 * ```
 */
export function historyCsv(versions: readonly SubmissionVersion[]): string {
  return toSpreadsheetSafeCsv(
    versions.map((v) => ({
      site_id: v.siteId,
      period: v.period,
      version: v.version,
      submitted_at: v.submittedAt,
      submitted_by: v.submitterEmail ?? v.submittedBy ?? '',
      row_count: v.rowCount,
      file_sha256: v.fileSha256 ?? '',
      note: v.note ?? '',
    })),
    ['site_id', 'period', 'version', 'submitted_at', 'submitted_by', 'row_count', 'file_sha256', 'note'],
  );
}

/**
 * The difference between two versions of a site's month as a spreadsheet-safe CSV: one line
 * per added, removed or changed measure and ethnic category, with the counts before and after.
 *
 * @example
 * ```ts
 * diffCsv({ siteId: 'S1', period: '2026-10', from: 1, to: 2 }, diff).split('\r\n')[0];
 * // => 'site_id,period,from_version,to_version,change,measure_id,ethnic_category,numerator_before,denominator_before,numerator_after,denominator_after'
 * ```
 */
export function diffCsv(
  versions: { siteId: string; period: Period; from: number; to: number },
  diff: SubmissionDiff,
): string {
  const base = {
    site_id: versions.siteId,
    period: versions.period,
    from_version: versions.from,
    to_version: versions.to,
  };
  const empty = { numerator: null, denominator: null };
  const lines = [
    ...diff.changed.map((c) => ({ change: 'changed', ...c })),
    ...diff.added.map((c) => ({ change: 'added', ...c, before: empty, after: c })),
    ...diff.removed.map((c) => ({ change: 'removed', ...c, before: c, after: empty })),
  ].map((line) => ({
    ...base,
    change: line.change,
    measure_id: line.measureId,
    ethnic_category: line.ethnicCategory,
    numerator_before: line.before.numerator,
    denominator_before: line.before.denominator,
    numerator_after: line.after.numerator,
    denominator_after: line.after.denominator,
  }));
  return toSpreadsheetSafeCsv(lines, [
    'site_id',
    'period',
    'from_version',
    'to_version',
    'change',
    'measure_id',
    'ethnic_category',
    'numerator_before',
    'denominator_before',
    'numerator_after',
    'denominator_after',
  ]);
}

/**
 * The submission status matrix as a spreadsheet-safe CSV, one line per site and month.
 *
 * @example
 * ```ts
 * statusCsv(matrix).split('\r\n')[0]; // => 'site_id,site_name,period,status,version,submitted_at,deadline'
 * ```
 */
export function statusCsv(matrix: StatusMatrix): string {
  return toSpreadsheetSafeCsv(
    matrix.rows.flatMap((row) =>
      row.cells.map((cell) => ({
        site_id: row.siteId,
        site_name: row.siteName,
        period: cell.period,
        status: MONTH_STATUS_LABELS[cell.status],
        version: cell.version,
        submitted_at: cell.submittedAt,
        deadline: cell.deadline,
      })),
    ),
    ['site_id', 'site_name', 'period', 'status', 'version', 'submitted_at', 'deadline'],
  );
}
