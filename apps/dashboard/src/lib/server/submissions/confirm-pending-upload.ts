import type { PortalUser } from '../auth/roles.ts';
import type { Portal } from '../portal.ts';
import { checkSubmission, type RefusedSubmission, submissionRefusal } from './check-submission.ts';
import { findPendingUpload, takePendingUpload } from './pending-uploads.ts';
import { announceSubmission, insertSubmissionVersion } from './store-submission.ts';
import { submittableMonthProblem } from './submission-months.ts';
import { submissionNote } from './submission-note.ts';
import { siteToSubmitFor } from './submission-scope.ts';
import type { AcceptedCsv } from './submit-csv.ts';

class UploadGone extends Error {}

const GONE =
  'This upload has already been confirmed, or was previewed more than an hour ago. Upload the file again to check and confirm it.';

/**
 * Stores a previewed upload as the next version of its month, when its uploader confirms:
 * checks it again (the catalogue, the month or the person's access may have changed since the
 * preview), then in ONE transaction removes the pending upload and writes the version, its rows
 * and the audit entry, so a double click stores it once and a failure stores nothing.
 *
 * @example
 * ```ts
 * const result = await confirmPendingUpload(portal, user, { uploadId, note: 'Corrected bookings', today: new Date() });
 * result.ok && result.stored.version; // => 2
 * ```
 */
export async function confirmPendingUpload(
  portal: Pick<Portal, 'store' | 'reference'>,
  user: PortalUser | null,
  confirmation: { uploadId: string; note: string | null; today: Date },
): Promise<AcceptedCsv | RefusedSubmission> {
  const scope = siteToSubmitFor(user);
  if (!scope.ok) return submissionRefusal(scope.status, 'not_allowed', scope.message);
  const note = submissionNote(confirmation.note);
  if (!note.ok) return submissionRefusal(400, 'note_too_long', note.message);
  const pending = await findPendingUpload(
    portal.store,
    confirmation.uploadId,
    scope.user.accountId,
    confirmation.today,
  );
  if (!pending) return submissionRefusal(409, 'upload_gone', GONE);
  if (pending.siteId !== scope.siteId)
    return submissionRefusal(
      403,
      'not_allowed',
      `This upload is for site ${pending.siteId}; you submit for ${scope.siteId}.`,
    );
  const monthProblem = submittableMonthProblem(pending.period, confirmation.today);
  if (monthProblem) return submissionRefusal(400, 'period_not_submittable', monthProblem);
  const check = checkSubmission(portal.reference, pending.csvText, {
    siteId: pending.siteId,
    period: pending.period,
    today: confirmation.today,
  });
  if (!check.ok) return { ...check, status: 422 };

  try {
    const stored = await portal.store.write(async (tx) => {
      if (!(await takePendingUpload(tx, pending.uploadId, scope.user.accountId))) throw new UploadGone();
      return insertSubmissionVersion(
        tx,
        scope.user,
        {
          siteId: pending.siteId,
          period: pending.period,
          rows: check.rows,
          fileSha256: pending.fileSha256,
          note: note.note,
        },
        confirmation.today,
      );
    });
    announceSubmission(stored);
    return { ok: true, stored, warnings: check.warnings };
  } catch (error) {
    if (error instanceof UploadGone) return submissionRefusal(409, 'upload_gone', GONE);
    throw error;
  }
}
