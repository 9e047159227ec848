import { randomBytes } from 'node:crypto';
import type { Period } from '@maternity-qi/network-data';
import { type Actor, recordAudit } from '../db/audit-log.ts';
import type { Store, Transaction } from '../db/store.ts';
import { sqlTimestamp } from './submission-clock.ts';

/** How long a previewed upload waits for its confirmation. */
export const PENDING_UPLOAD_MINUTES = 60;

/** An uploaded file that has been previewed but not confirmed. */
export interface PendingUpload {
  uploadId: string;
  accountId: string;
  siteId: string;
  period: Period;
  fileName: string | null;
  fileSha256: string;
  csvText: string;
}

/** What is kept of a previewed file until it is confirmed. */
export interface UploadToKeep {
  siteId: string;
  period: Period;
  fileName: string | null;
  fileSha256: string;
  csvText: string;
}

/**
 * Keeps a previewed file for its uploader to confirm within the hour, and returns the id the
 * confirm form sends back (random, 144 bits: the id alone cannot be guessed, and confirming
 * also needs the same account). Expired uploads are cleared out in the same transaction.
 *
 * @example
 * ```ts
 * const uploadId = await savePendingUpload(store, user, { siteId: 'S1', period: '2026-10', fileName: 'oct.csv', fileSha256, csvText }, new Date());
 * ```
 */
export async function savePendingUpload(
  store: Pick<Store, 'write'>,
  actor: Actor & { accountId: string },
  upload: UploadToKeep,
  now: Date,
): Promise<string> {
  const uploadId = randomBytes(18).toString('base64url');
  const expires = new Date(now.getTime() + PENDING_UPLOAD_MINUTES * 60_000);
  await store.write(async (tx) => {
    await tx.run('DELETE FROM pending_uploads WHERE expires_at <= CAST(? AS TIMESTAMP)', [sqlTimestamp(now)]);
    await tx.run(
      'INSERT INTO pending_uploads VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP))',
      [
        uploadId,
        actor.accountId,
        upload.siteId,
        upload.period,
        upload.fileName,
        upload.fileSha256,
        upload.csvText,
        sqlTimestamp(now),
        sqlTimestamp(expires),
      ],
    );
    await recordAudit(tx, actor, 'submission.preview', `${upload.siteId} ${upload.period}`, {
      file_sha256: upload.fileSha256,
      file_name: upload.fileName,
    });
  });
  return uploadId;
}

interface PendingRecord {
  upload_id: string;
  account_id: string;
  site_id: string;
  period: Period;
  file_name: string | null;
  file_sha256: string;
  csv_text: string;
}

/**
 * The pending upload with this id, if it belongs to this account and has not expired.
 *
 * @example
 * ```ts
 * (await findPendingUpload(store, uploadId, user.accountId, new Date()))?.period; // => '2026-10'
 * ```
 */
export async function findPendingUpload(
  store: Pick<Store, 'all'>,
  uploadId: string,
  accountId: string,
  now: Date,
): Promise<PendingUpload | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(uploadId)) return null;
  const [record] = await store.all<PendingRecord>(
    `SELECT upload_id, account_id, site_id, period, file_name, file_sha256, csv_text FROM pending_uploads
     WHERE upload_id = ? AND account_id = ? AND expires_at > CAST(? AS TIMESTAMP)`,
    [uploadId, accountId, sqlTimestamp(now)],
  );
  if (!record) return null;
  return {
    uploadId: record.upload_id,
    accountId: record.account_id,
    siteId: record.site_id,
    period: record.period,
    fileName: record.file_name,
    fileSha256: record.file_sha256,
    csvText: record.csv_text,
  };
}

/**
 * Removes a pending upload inside a write transaction and says whether it was still there:
 * confirming removes it in the same transaction that stores the version, so a second click
 * on "Confirm" finds nothing and cannot store the file twice.
 *
 * @example
 * ```ts
 * await store.write(async (tx) => {
 *   if (!(await takePendingUpload(tx, uploadId, user.accountId))) throw new Error('already confirmed');
 * });
 * ```
 */
export async function takePendingUpload(
  tx: Transaction,
  uploadId: string,
  accountId: string,
): Promise<boolean> {
  const removed = await tx.all(
    'DELETE FROM pending_uploads WHERE upload_id = ? AND account_id = ? RETURNING upload_id',
    [uploadId, accountId],
  );
  return removed.length > 0;
}
