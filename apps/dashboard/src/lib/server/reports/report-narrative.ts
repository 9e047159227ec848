import { parsePeriod } from '@maternity-qi/network-data';
import { can, type PortalUser } from '../auth/roles.ts';
import { recordAudit } from '../db/audit-log.ts';
import { cleanText } from '../qi-log/form-text.ts';
import { actorOf, type QiStore } from '../qi-log/qi-store.ts';
import { Forbidden, InvalidInput, NotFound } from '../write-errors.ts';

/** A site's monthly report as stored: a draft until the site lead submits it. */
export interface ReportRecord {
  site_id: string;
  period: string;
  narrative_md: string;
  status: 'draft' | 'submitted';
  updated_by: string | null;
  updated_at: string;
  submitted_at: string | null;
}

/** Longest narrative kept (about ten pages of text). */
export const MAX_NARRATIVE_LENGTH = 20_000;

/**
 * Saves the site lead's narrative for a month. `submit: false` keeps it a draft;
 * `submit: true` submits it. A submitted report stays submitted: saving it again is a
 * revision (its `updated_at` moves on, `submitted_at` stays). Needs `write_report` for the
 * site (`Forbidden`); an empty or overlong narrative throws `InvalidInput`. Audited.
 *
 * @example
 * ```ts
 * const report = await saveReportNarrative(store, leadOfS1, 'S1', '2026-03', { narrative: '## March\nBookings rose.', submit: true });
 * report.status; // => 'submitted'
 * ```
 */
export async function saveReportNarrative(
  store: QiStore,
  user: PortalUser,
  siteId: string,
  period: string,
  fields: { narrative?: string; submit: boolean },
): Promise<ReportRecord> {
  if (!can(user, 'write_report', siteId))
    throw new Forbidden(`Only the site lead of ${siteId} can write its monthly report.`);
  if (parsePeriod(period) !== period) throw new NotFound(`"${period}" is not a month (YYYY-MM).`);
  const narrative = cleanText(fields.narrative);
  if (!narrative)
    throw new InvalidInput({
      narrative: 'Write the narrative before saving: what you tested, learnt and plan next.',
    });
  if (narrative.length > MAX_NARRATIVE_LENGTH)
    throw new InvalidInput({
      narrative: `Keep the narrative under ${MAX_NARRATIVE_LENGTH.toLocaleString('en-GB')} characters (it has ${narrative.length.toLocaleString('en-GB')}).`,
    });

  return store.write(async (tx) => {
    const [existing] = await tx.all<ReportRecord>('SELECT * FROM reports WHERE site_id = ? AND period = ?', [
      siteId,
      period,
    ]);
    const wasSubmitted = existing?.status === 'submitted';
    const action = wasSubmitted ? 'report.revise' : fields.submit ? 'report.submit' : 'report.draft';
    if (existing)
      await tx.run(
        `UPDATE reports SET narrative_md = ?, status = ?, updated_by = ?, updated_at = now(),
           submitted_at = CASE WHEN ? AND submitted_at IS NULL THEN now() ELSE submitted_at END
         WHERE site_id = ? AND period = ?`,
        [
          narrative,
          wasSubmitted || fields.submit ? 'submitted' : 'draft',
          user.accountId,
          fields.submit,
          siteId,
          period,
        ],
      );
    else
      await tx.run(
        `INSERT INTO reports VALUES (?, ?, ?, ?, ?, now(), CASE WHEN ? THEN now() ELSE NULL END)`,
        [siteId, period, narrative, fields.submit ? 'submitted' : 'draft', user.accountId, fields.submit],
      );
    await recordAudit(tx, actorOf(user), action, `report ${siteId} ${period}`, {
      characters: narrative.length,
    });
    const [saved] = await tx.all<ReportRecord>('SELECT * FROM reports WHERE site_id = ? AND period = ?', [
      siteId,
      period,
    ]);
    if (!saved) throw new Error(`The report ${siteId} ${period} was not saved.`);
    return saved;
  });
}
