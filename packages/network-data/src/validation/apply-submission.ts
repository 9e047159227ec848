import type { StoredSubmissionRow } from '../schema/submission-row.js';
import type { SubmissionValidation, ValidSubmission } from './validate-submission.js';

export interface AppliedSubmission {
  rows: StoredSubmissionRow[];
  /** The version given to each (site, month) the file covered. */
  versions: ReadonlyMap<string, number>;
}

/**
 * Adds a validated submission to the stored values and returns a new array; the input is never
 * changed. Each (site, month) the file covers gets a new version, one above the highest
 * already stored for it, so a resubmitted month keeps its history and charts use the latest
 * version (data-model.md §2.1). Only a file that passed validation can be applied: this is the
 * second half of "validate, then apply", so a file is applied whole or not at all.
 *
 * @example
 * ```ts
 * const context = createSubmissionContext(
 *   { sites: [{ site_id: 'S1' }], measures: [{ measure_id: 'caesarean_rate', by_ethnic_group: true }],
 *     ethnicCategories: [{ code: 'ALL', level: 'total' }] },
 *   { today: new Date('2025-05-10T00:00:00Z') },
 * );
 * const file = 'site_id,period,measure_id,ethnic_category,numerator,denominator\nS1,2025-04,caesarean_rate,ALL,150,400\n';
 * const first = applySubmission([], validateSubmission(file, context));
 * const again = applySubmission(first.rows, validateSubmission(file.replace('150', '152'), context));
 * again.rows.map((r) => [r.version, r.numerator]); // => [[1, 150], [2, 152]]
 * ```
 */
export function applySubmission(
  stored: readonly StoredSubmissionRow[],
  submission: SubmissionValidation,
): AppliedSubmission {
  if (!isValid(submission)) {
    throw new TypeError(
      `Refusing to apply a submission with ${submission.errors.length} error(s): validate first and fix every error.`,
    );
  }
  const highest = new Map<string, number>();
  for (const row of stored) {
    const key = `${row.siteId}|${row.period}`;
    highest.set(key, Math.max(highest.get(key) ?? 0, row.version));
  }
  const versions = new Map<string, number>();
  for (const row of submission.rows) {
    const key = `${row.siteId}|${row.period}`;
    if (!versions.has(key)) versions.set(key, (highest.get(key) ?? 0) + 1);
  }
  const added = submission.rows.map((row) => ({
    ...row,
    version: versions.get(`${row.siteId}|${row.period}`) ?? 1,
  }));
  return { rows: [...stored, ...added], versions };
}

function isValid(submission: SubmissionValidation): submission is ValidSubmission {
  return submission.ok === true && submission.errors.length === 0 && Array.isArray(submission.rows);
}

/**
 * Keeps, for each site and month, only the rows of its latest version (what charts show).
 *
 * @example
 * ```ts
 * const row = (version, numerator) =>
 *   ({ siteId: 'S1', period: '2024-04', measureId: 'm', ethnicCategory: 'ALL', numerator, denominator: 10, version });
 * latestVersions([row(1, 3), row(2, 4)]).map((r) => r.numerator); // => [4]
 * ```
 */
export function latestVersions<Row extends StoredSubmissionRow>(rows: readonly Row[]): Row[] {
  const latest = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.siteId}|${row.period}`;
    latest.set(key, Math.max(latest.get(key) ?? 0, row.version));
  }
  return rows.filter((row) => latest.get(`${row.siteId}|${row.period}`) === row.version);
}
