import { type Period, readCsv } from '@maternity-qi/network-data';
import type { PortalUser } from '../auth/roles.ts';
import type { Portal } from '../portal.ts';
import {
  checkSubmission,
  type RefusedSubmission,
  refusedUploadCheck,
  type SubmissionCheck,
  submissionRefusal,
} from './check-submission.ts';
import { savePendingUpload } from './pending-uploads.ts';
import { diffSubmissionRows, type SubmissionDiff } from './submission-diff.ts';
import { submittableMonthProblem } from './submission-months.ts';
import { siteToSubmitFor } from './submission-scope.ts';
import { latestVersionNumber, submissionVersionCells } from './submission-versions.ts';
import { readUploadedCsv } from './uploaded-csv.ts';

/** What the upload page shows before anything is stored. */
export interface UploadPreview {
  siteId: string;
  period: Period;
  fileName: string | null;
  /** Size of the file as uploaded. */
  bytes: number;
  /** Lines after the header (0 when the file could not be read as text). */
  dataLines: number;
  check: SubmissionCheck;
  /** The newest stored version of this month (0: none yet); confirming stores latestVersion + 1. */
  latestVersion: number;
  /** What confirming would change compared with the latest version (null when the file has errors). */
  changes: SubmissionDiff | null;
  /** The id to confirm with; null when the file has errors (nothing was kept). */
  uploadId: string | null;
}

/** An uploaded file and the month it is for, as the upload form sends them. */
export interface UploadForPreview {
  bytes: Uint8Array;
  fileName: string | null;
  contentType: string | null;
  period: string | null;
  today: Date;
}

/**
 * Checks an uploaded file for the user's site and the chosen month and works out what it would
 * change, without storing it as a submission: a file that passes is kept as a pending upload
 * (one hour, this account only) for the person to confirm. Refused (status and message) when
 * the user may not submit or the month cannot be submitted; a file with problems comes back
 * as a preview listing every error by line and column.
 *
 * @example
 * ```ts
 * const result = await previewUpload(portal, user, { bytes, fileName: 'oct.csv', contentType: 'text/csv', period: '2026-10', today: new Date() });
 * if (result.ok && result.preview.check.ok) result.preview.changes?.changed.length; // => 3
 * ```
 */
export async function previewUpload(
  portal: Pick<Portal, 'store' | 'reference'>,
  user: PortalUser | null,
  upload: UploadForPreview,
): Promise<{ ok: true; preview: UploadPreview } | RefusedSubmission> {
  const scope = siteToSubmitFor(user);
  if (!scope.ok) return submissionRefusal(scope.status, 'not_allowed', scope.message);
  const monthProblem = submittableMonthProblem(upload.period, upload.today);
  if (monthProblem) return submissionRefusal(400, 'period_not_submittable', monthProblem);
  const period = upload.period as Period;
  const { siteId } = scope;

  const latestVersion = await latestVersionNumber(portal.store, siteId, period);
  const base = { siteId, period, fileName: upload.fileName, bytes: upload.bytes.length, latestVersion };
  const file = readUploadedCsv(upload.bytes, {
    fileName: upload.fileName ?? undefined,
    contentType: upload.contentType,
  });
  if (!file.ok) {
    return {
      ok: true,
      preview: { ...base, dataLines: 0, check: refusedUploadCheck(file), changes: null, uploadId: null },
    };
  }
  const dataLines = Math.max(0, readCsv(file.text).records.length - 1);
  const check = checkSubmission(portal.reference, file.text, { siteId, period, today: upload.today });
  if (!check.ok) return { ok: true, preview: { ...base, dataLines, check, changes: null, uploadId: null } };

  const before =
    latestVersion > 0 ? await submissionVersionCells(portal.store, siteId, period, latestVersion) : [];
  const changes = diffSubmissionRows(before, check.rows);
  const uploadId = await savePendingUpload(
    portal.store,
    scope.user,
    { siteId, period, fileName: upload.fileName, fileSha256: file.sha256, csvText: file.text },
    upload.today,
  );
  return { ok: true, preview: { ...base, dataLines, check, changes, uploadId } };
}
