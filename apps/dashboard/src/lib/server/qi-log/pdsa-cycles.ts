import type { ReferenceTables } from '@maternity-qi/network-data';
import { can, type PortalUser } from '../auth/roles.ts';
import { dataChanged } from '../data-changes.ts';
import { recordAudit } from '../db/audit-log.ts';
import type { Transaction } from '../db/store.ts';
import { Forbidden, InvalidInput, NotFound, withExtraErrors } from '../write-errors.ts';
import { type PdsaFields, type PdsaInput, validatePdsa } from './pdsa-input.ts';
import { type AimRecord, actorOf, findChangeIdea, type PdsaRecord, type QiStore } from './qi-store.ts';

/** Longest plan text put on a chart marker's note; the full plan is in the QI log. */
const ANNOTATION_PLAN_LENGTH = 160;

/**
 * The chart note for a cycle, as the demo network writes them: "PDSA 2: <plan>" (the plan's
 * first line, shortened with an ellipsis when long).
 *
 * @example
 * ```ts
 * pdsaAnnotationText(2, 'Phone all referrals from the two largest practices for a month.');
 * // => 'PDSA 2: Phone all referrals from the two largest practices for a month.'
 * ```
 */
export function pdsaAnnotationText(cycle: number, plan: string): string {
  const line = plan.split('\n')[0]?.trim() ?? '';
  const short =
    line.length > ANNOTATION_PLAN_LENGTH ? `${line.slice(0, ANNOTATION_PLAN_LENGTH - 1).trimEnd()}…` : line;
  return `PDSA ${cycle}: ${short}`;
}

/**
 * The annotation id of a cycle's chart note.
 *
 * @example
 * ```ts
 * pdsaAnnotationId('AIM-A1-CI1-P2'); // => 'ANN-AIM-A1-CI1-P2'
 * ```
 */
export function pdsaAnnotationId(pdsaId: string): string {
  return `ANN-${pdsaId}`;
}

// The Site page's charts and the report draw annotations from this table: write the cycle's
// note in the same transaction as the cycle, so a chart never shows a cycle that is not logged.
async function writeAnnotation(
  tx: Transaction,
  aim: AimRecord,
  pdsaId: string,
  cycle: number,
  input: PdsaInput,
): Promise<void> {
  const id = pdsaAnnotationId(pdsaId);
  const text = pdsaAnnotationText(cycle, input.plan);
  const exists = await tx.all('SELECT 1 FROM annotations WHERE annotation_id = ?', [id]);
  if (exists.length > 0)
    await tx.run(
      `UPDATE annotations SET site_id = ?, period = ?, measure_id = ?, ethnic_groups = ?, kind = 'pdsa', text = ?
       WHERE annotation_id = ?`,
      [aim.site_id, input.startPeriod, aim.measure_id, aim.ethnic_groups, text, id],
    );
  else
    await tx.run("INSERT INTO annotations VALUES (?, ?, ?, ?, ?, 'pdsa', ?)", [
      id,
      aim.site_id,
      input.startPeriod,
      aim.measure_id,
      aim.ethnic_groups,
      text,
    ]);
}

/**
 * Logs a new PDSA cycle for one of the site's change ideas (no `pdsaId`: the cycle number is
 * the idea's next, the id `<change_idea_id>-P<cycle>`) or updates one, and writes its chart
 * annotation (`ANN-<pdsa_id>`, kind 'pdsa', at the start month, on the aim's measure and
 * groups) and the audit entry in the same transaction: all land or none does. Needs
 * `edit_qi_log` for the site (`Forbidden`); bad fields throw `InvalidInput` and write nothing.
 *
 * @example
 * ```ts
 * const cycle = await savePdsaCycle(store, reference, leadOfS1, 'S1', {
 *   change_idea_id: 'AIM-A1-CI1', plan: 'Text reminders in Sylheti for one practice.', start_period: '2026-01',
 * });
 * cycle.pdsa_id; // => 'AIM-A1-CI1-P3'
 * ```
 */
export async function savePdsaCycle(
  store: QiStore,
  reference: ReferenceTables,
  user: PortalUser,
  siteId: string,
  fields: PdsaFields,
  pdsaId?: string,
): Promise<PdsaRecord> {
  if (!can(user, 'edit_qi_log', siteId))
    throw new Forbidden(`Only the team of site ${siteId} can change its QI log.`);
  const existing = pdsaId
    ? await store.one<PdsaRecord>('SELECT * FROM pdsa_cycles WHERE pdsa_id = ?', [pdsaId])
    : undefined;
  const changeIdeaId = existing?.change_idea_id ?? (fields.change_idea_id ?? '').trim();
  const idea = changeIdeaId ? await findChangeIdea(store, siteId, changeIdeaId) : undefined;
  if (pdsaId && (!existing || !idea))
    throw new NotFound(`There is no PDSA cycle ${pdsaId} at site ${siteId}.`);
  const input = withExtraErrors(
    () => validatePdsa(fields, reference, idea?.aim.measure_id ?? ''),
    idea
      ? {}
      : {
          change_idea_id: changeIdeaId
            ? `There is no change idea ${changeIdeaId} at site ${siteId}.`
            : 'Choose the change idea this cycle tests.',
        },
  );
  if (!idea) throw new NotFound(`There is no change idea ${changeIdeaId} at site ${siteId}.`);

  const saved = await store.write(async (tx) => {
    const cycle =
      existing?.cycle ??
      ((
        await tx.all<{ n: number | null }>(
          'SELECT max(cycle) AS n FROM pdsa_cycles WHERE change_idea_id = ?',
          [idea.change_idea_id],
        )
      )[0]?.n ?? 0) + 1;
    const id = existing?.pdsa_id ?? `${idea.change_idea_id}-P${cycle}`;
    const record: PdsaRecord = {
      pdsa_id: id,
      change_idea_id: idea.change_idea_id,
      cycle,
      start_period: input.startPeriod,
      end_period: input.endPeriod,
      plan: input.plan,
      do_notes: input.doNotes,
      study: input.study,
      act: input.act,
      act_notes: input.actNotes,
      linked_measures: input.linkedMeasures.join(';'),
    };
    if (existing)
      await tx.run(
        `UPDATE pdsa_cycles SET start_period = ?, end_period = ?, plan = ?, do_notes = ?, study = ?, act = ?,
           act_notes = ?, linked_measures = ? WHERE pdsa_id = ?`,
        [
          record.start_period,
          record.end_period,
          record.plan,
          record.do_notes,
          record.study,
          record.act,
          record.act_notes,
          record.linked_measures,
          id,
        ],
      );
    else
      await tx.run(
        `INSERT INTO pdsa_cycles (pdsa_id, change_idea_id, cycle, start_period, end_period, plan, do_notes,
           study, act, act_notes, linked_measures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          record.change_idea_id,
          cycle,
          record.start_period,
          record.end_period,
          record.plan,
          record.do_notes,
          record.study,
          record.act,
          record.act_notes,
          record.linked_measures,
        ],
      );
    await writeAnnotation(tx, idea.aim, id, cycle, input);
    await recordAudit(
      tx,
      actorOf(user),
      existing ? 'pdsa.update' : 'pdsa.create',
      id,
      existing ? { before: existing, after: record } : { ...record },
    );
    return record;
  });
  dataChanged({ siteId, reason: `PDSA cycle ${saved.pdsa_id} ${existing ? 'changed' : 'logged'}` });
  return saved;
}

/**
 * Deletes one of the site's PDSA cycles (logged by mistake, or twice) with its chart marker, in
 * one transaction with an audit entry (`pdsa.delete`) that keeps the whole cycle, so nothing
 * is lost for good. The form must say it was confirmed (`InvalidInput` otherwise); needs
 * `edit_qi_log` for the site (`Forbidden`); a cycle not at this site is `NotFound`.
 *
 * @example
 * ```ts
 * const gone = await deletePdsaCycle(store, leadOfS1, 'S1', 'AIM-A1-CI1-P3', true);
 * gone.cycle; // => 3
 * ```
 */
export async function deletePdsaCycle(
  store: QiStore,
  user: PortalUser,
  siteId: string,
  pdsaId: string,
  confirmed: boolean,
): Promise<PdsaRecord> {
  if (!can(user, 'edit_qi_log', siteId))
    throw new Forbidden(`Only the team of site ${siteId} can change its QI log.`);
  const existing = await store.one<PdsaRecord>('SELECT * FROM pdsa_cycles WHERE pdsa_id = ?', [pdsaId]);
  const idea = existing ? await findChangeIdea(store, siteId, existing.change_idea_id) : undefined;
  if (!existing || !idea) throw new NotFound(`There is no PDSA cycle ${pdsaId} at site ${siteId}.`);
  if (!confirmed)
    throw new InvalidInput({ confirm: `Tick the box to confirm you want to delete PDSA ${existing.cycle}.` });
  await store.write(async (tx) => {
    await tx.run('DELETE FROM annotations WHERE annotation_id = ?', [pdsaAnnotationId(pdsaId)]);
    await tx.run('DELETE FROM pdsa_cycles WHERE pdsa_id = ?', [pdsaId]);
    await recordAudit(tx, actorOf(user), 'pdsa.delete', pdsaId, { ...existing });
  });
  dataChanged({ siteId, reason: `PDSA cycle ${pdsaId} deleted` });
  return existing;
}
