import type { Period } from '@maternity-qi/network-data';
import type { PortalUser } from '../auth/roles.ts';
import type { Portal } from '../portal.ts';
import {
  checkSubmission,
  type RefusedSubmission,
  refusedUploadCheck,
  type SubmissionProblem,
  submissionRefusal,
} from './check-submission.ts';
import { type StoredSubmission, storeSubmission } from './store-submission.ts';
import { submittableMonthProblem } from './submission-months.ts';
import { submissionNote } from './submission-note.ts';
import { siteToSubmitFor } from './submission-scope.ts';
import { readUploadedCsv } from './uploaded-csv.ts';

/** A CSV body sent by a script, for the user's site and one month. */
export interface CsvToSubmit {
  bytes: Uint8Array;
  contentType: string | null;
  period: string | null;
  note: string | null;
  today: Date;
}

/** Stored, with the warnings the file had (e.g. categories not adding up to ALL). */
export interface AcceptedCsv {
  ok: true;
  stored: StoredSubmission;
  warnings: readonly SubmissionProblem[];
}

/**
 * Checks and stores a CSV body in one step, for scripts (the JSON API): the same file checks
 * (size, type, encoding), the same validation and the same atomic write as the upload page's
 * preview and confirm, without the pending step. Refusals say why, with the HTTP status.
 *
 * @example
 * ```ts
 * const result = await submitCsv(portal, user, { bytes, contentType: 'text/csv', period: '2026-10', note: null, today: new Date() });
 * result.ok ? result.stored.version : result.errors; // => 1
 * ```
 */
export async function submitCsv(
  portal: Pick<Portal, 'store' | 'reference'>,
  user: PortalUser | null,
  csv: CsvToSubmit,
): Promise<AcceptedCsv | RefusedSubmission> {
  const scope = siteToSubmitFor(user);
  if (!scope.ok) return submissionRefusal(scope.status, 'not_allowed', scope.message);
  const monthProblem = submittableMonthProblem(csv.period, csv.today);
  if (monthProblem) return submissionRefusal(400, 'period_not_submittable', monthProblem);
  const period = csv.period as Period;
  const note = submissionNote(csv.note);
  if (!note.ok) return submissionRefusal(400, 'note_too_long', note.message);

  const file = readUploadedCsv(csv.bytes, { contentType: csv.contentType });
  if (!file.ok) return { ...refusedUploadCheck(file), status: file.status };
  const check = checkSubmission(portal.reference, file.text, {
    siteId: scope.siteId,
    period,
    today: csv.today,
  });
  if (!check.ok) return { ...check, status: 422 };
  const stored = await storeSubmission(
    portal.store,
    scope.user,
    { siteId: scope.siteId, period, rows: check.rows, fileSha256: file.sha256, note: note.note },
    csv.today,
  );
  return { ok: true, stored, warnings: check.warnings };
}
