import { parsePeriod } from '@maternity-qi/network-data';
import { can, type PortalUser } from '../auth/roles.ts';
import { recordAudit } from '../db/audit-log.ts';
import { cleanText } from '../qi-log/form-text.ts';
import { actorOf, type QiStore } from '../qi-log/qi-store.ts';
import { Forbidden, InvalidInput, NotFound } from '../write-errors.ts';

/** A faculty (or network admin) reply to a site's monthly report. */
export interface ReportComment {
  comment_id: number;
  site_id: string;
  period: string;
  account_id: string;
  author: string;
  role: string;
  body_md: string;
  created_at: string;
}

/** Longest comment kept. */
export const MAX_COMMENT_LENGTH = 5000;

/**
 * Adds a comment (Markdown) to a site's submitted report for a month. Needs
 * `comment_on_reports` (faculty, network admin: `Forbidden` otherwise); there must be a
 * submitted report (`NotFound`: a draft is the site's work in progress); an empty or
 * overlong comment throws `InvalidInput`. Audited.
 *
 * @example
 * ```ts
 * const comment = await addReportComment(store, faculty, 'S1', '2026-03', 'Great progress: try a run chart of DNAs next.');
 * comment.comment_id; // => 1
 * ```
 */
export async function addReportComment(
  store: QiStore,
  user: PortalUser,
  siteId: string,
  period: string,
  body: string | undefined,
): Promise<ReportComment> {
  if (!can(user, 'comment_on_reports', siteId))
    throw new Forbidden('Only the improvement faculty and network admins can comment on reports.');
  if (parsePeriod(period) !== period) throw new NotFound(`"${period}" is not a month (YYYY-MM).`);
  const text = cleanText(body);
  if (!text) throw new InvalidInput({ comment: 'Write your comment before sending it.' });
  if (text.length > MAX_COMMENT_LENGTH)
    throw new InvalidInput({
      comment: `Keep the comment under ${MAX_COMMENT_LENGTH.toLocaleString('en-GB')} characters (it has ${text.length.toLocaleString('en-GB')}).`,
    });
  const id = await store.write(async (tx) => {
    const [report] = await tx.all<{ status: string }>(
      'SELECT status FROM reports WHERE site_id = ? AND period = ?',
      [siteId, period],
    );
    if (report?.status !== 'submitted')
      throw new NotFound(
        `Site ${siteId} has not submitted a report for ${period} yet: there is nothing to comment on.`,
      );
    const [row] = await tx.all<{ comment_id: number }>(
      `INSERT INTO report_comments (site_id, period, account_id, body_md, created_at)
       VALUES (?, ?, ?, ?, now()) RETURNING comment_id`,
      [siteId, period, user.accountId, text],
    );
    if (!row) throw new Error('The comment was not saved.');
    await recordAudit(tx, actorOf(user), 'report.comment', `report ${siteId} ${period}`, {
      comment_id: row.comment_id,
      characters: text.length,
    });
    return row.comment_id;
  });
  const [comment] = (await listReportComments(store, siteId, period)).filter((c) => c.comment_id === id);
  if (!comment) throw new Error(`Comment ${id} was saved but cannot be read back.`);
  return comment;
}

/**
 * The comments on a site's report for a month, oldest first, with their authors' names.
 * (The caller checks that the reader may see the report.)
 *
 * @example
 * ```ts
 * (await listReportComments(store, 'S1', '2026-03')).map((c) => c.author); // => ['Improvement faculty (demo)']
 * ```
 */
export function listReportComments(store: QiStore, siteId: string, period: string): Promise<ReportComment[]> {
  return store.all<ReportComment>(
    `SELECT comment.comment_id, comment.site_id, comment.period, comment.account_id,
            coalesce(account.display_name, 'Former account') AS author, coalesce(account.role, '') AS role,
            comment.body_md, comment.created_at
     FROM report_comments AS comment LEFT JOIN accounts AS account USING (account_id)
     WHERE comment.site_id = ? AND comment.period = ?
     ORDER BY comment.created_at, comment.comment_id`,
    [siteId, period],
  );
}
