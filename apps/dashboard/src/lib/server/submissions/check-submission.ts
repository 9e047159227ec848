import {
  createSubmissionContext,
  type DataProblem,
  type Period,
  type ReferenceTables,
  type SubmissionRow,
  validateSubmission,
} from '@maternity-qi/network-data';
import { explainFormulaCell } from './formula-cells.ts';
import type { RefusedUpload } from './uploaded-csv.ts';

/** One problem with a submission, as pages and the API report it. */
export interface SubmissionProblem {
  /** 1-based line of the file (1 = header); null for a problem with the whole file. */
  line: number | null;
  /** The column, or null for a whole line or file. */
  column: string | null;
  /** Machine-readable rule (network-data's SUBMISSION_RULES, or an upload or formula rule). */
  rule: string;
  /** The cell's text as written, when the problem is about one cell. */
  value: string | null;
  message: string;
}

/** A file that may be stored: its rows, and warnings to show before confirming. */
export interface AcceptedSubmission {
  ok: true;
  rows: readonly SubmissionRow[];
  warnings: readonly SubmissionProblem[];
}

/** A file that may not be stored, with every error found. */
export interface RejectedSubmission {
  ok: false;
  errors: readonly SubmissionProblem[];
  warnings: readonly SubmissionProblem[];
}

export type SubmissionCheck = AcceptedSubmission | RejectedSubmission;

/** Which site and month a file is checked for, and on which day. */
export interface SubmissionTarget {
  siteId: string;
  period: Period;
  today: Date;
}

function asProblem(problem: DataProblem): SubmissionProblem {
  const explained = explainFormulaCell(problem);
  return {
    line: explained.row,
    column: explained.column,
    rule: explained.rule,
    value: explained.value,
    message: explained.message,
  };
}

/**
 * Checks a submission file's text for one site and month with network-data's
 * `validateSubmission` (every line for that site and month, known codes, whole counts...),
 * explaining spreadsheet formulas. The one check the upload page, the confirm step and the
 * API all use, so they cannot disagree.
 *
 * @example
 * ```ts
 * const check = checkSubmission(portal.reference, csvText, { siteId: 'S1', period: '2026-10', today: new Date() });
 * if (!check.ok) check.errors.map((e) => `${e.line} ${e.column}: ${e.message}`);
 * ```
 */
export function checkSubmission(
  reference: ReferenceTables,
  text: string,
  target: SubmissionTarget,
): SubmissionCheck {
  const context = createSubmissionContext(reference, {
    expectedSiteId: target.siteId,
    expectedPeriod: target.period,
    today: target.today,
  });
  const result = validateSubmission(text, context);
  const warnings = result.warnings.map(asProblem);
  if (!result.ok) return { ok: false, errors: result.errors.map(asProblem), warnings };
  return { ok: true, rows: result.rows, warnings };
}

/**
 * A refused upload (too large, not CSV, not UTF-8) as a rejected submission, so pages and the
 * API report every refusal the same way.
 *
 * @example
 * ```ts
 * refusedUploadCheck({ ok: false, status: 422, rule: 'not_utf8', line: 3, message: 'The file is not UTF-8 text.' }).errors[0].rule;
 * // => 'not_utf8'
 * ```
 */
export function refusedUploadCheck(refused: RefusedUpload): RejectedSubmission {
  return {
    ok: false,
    errors: [{ line: refused.line, column: null, rule: refused.rule, value: null, message: refused.message }],
    warnings: [],
  };
}

/** A submission refused, with the HTTP status to answer (pages show the errors the same way). */
export interface RefusedSubmission extends RejectedSubmission {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422;
}

/**
 * A refusal with one whole-file problem (no line or column).
 *
 * @example
 * ```ts
 * submissionRefusal(403, 'not_allowed', 'Only site accounts can submit.').errors[0].message; // => 'Only site accounts can submit.'
 * ```
 */
export function submissionRefusal(
  status: RefusedSubmission['status'],
  rule: string,
  message: string,
): RefusedSubmission {
  return {
    ok: false,
    status,
    errors: [{ line: null, column: null, rule, value: null, message }],
    warnings: [],
  };
}
