import { can, type PortalUser } from '../auth/roles.ts';
import { dataChanged } from '../data-changes.ts';
import { recordAudit } from '../db/audit-log.ts';
import { Forbidden, InvalidInput, NotFound, withExtraErrors } from '../write-errors.ts';
import { type ChangeIdeaFields, validateChangeIdea } from './change-idea-input.ts';
import {
  actorOf,
  type ChangeIdeaRecord,
  findAim,
  findChangeIdea,
  nextNumber,
  type QiStore,
} from './qi-store.ts';

/**
 * Adds a change idea to one of the site's aims (no `changeIdeaId`; numbered
 * `<aim_id>-CI<n>`) or rewords one. Needs `edit_qi_log` for the site (`Forbidden`
 * otherwise); bad fields throw `InvalidInput` and write nothing. Audited; announced.
 *
 * @example
 * ```ts
 * const idea = await saveChangeIdea(store, dataEntryOfS1, 'S1', {
 *   aim_id: 'AIM-A1', primary_driver: 'Referral reaches us quickly', title: 'Text reminders in Sylheti',
 * });
 * idea.change_idea_id; // => 'AIM-A1-CI2'
 * ```
 */
export async function saveChangeIdea(
  store: QiStore,
  user: PortalUser,
  siteId: string,
  fields: ChangeIdeaFields,
  changeIdeaId?: string,
): Promise<ChangeIdeaRecord> {
  if (!can(user, 'edit_qi_log', siteId))
    throw new Forbidden(`Only the team of site ${siteId} can change its QI log.`);
  const existing = changeIdeaId ? await findChangeIdea(store, siteId, changeIdeaId) : undefined;
  if (changeIdeaId && !existing)
    throw new NotFound(`There is no change idea ${changeIdeaId} at site ${siteId}.`);
  const aimId = existing?.aim_id ?? (fields.aim_id ?? '').trim();
  const aim = aimId ? await findAim(store, siteId, aimId) : undefined;
  const input = withExtraErrors(
    () => validateChangeIdea(fields),
    aim ? {} : { aim_id: aimId ? `There is no aim ${aimId} at site ${siteId}.` : 'Choose the aim.' },
  );

  const saved = await store.write(async (tx) => {
    if (existing) {
      await tx.run('UPDATE change_ideas SET primary_driver = ?, title = ? WHERE change_idea_id = ?', [
        input.primaryDriver,
        input.title,
        existing.change_idea_id,
      ]);
      const after = { primary_driver: input.primaryDriver, title: input.title };
      await recordAudit(tx, actorOf(user), 'change_idea.update', existing.change_idea_id, {
        before: { primary_driver: existing.primary_driver, title: existing.title },
        after,
      });
      return { change_idea_id: existing.change_idea_id, aim_id: existing.aim_id, ...after };
    }
    const prefix = `${aimId}-CI`;
    const id = `${prefix}${await nextNumber(tx, 'change_ideas', 'change_idea_id', prefix)}`;
    await tx.run('INSERT INTO change_ideas VALUES (?, ?, ?, ?)', [
      id,
      aimId,
      input.primaryDriver,
      input.title,
    ]);
    await recordAudit(tx, actorOf(user), 'change_idea.create', id, {
      aim_id: aimId,
      primary_driver: input.primaryDriver,
      title: input.title,
    });
    return { change_idea_id: id, aim_id: aimId, primary_driver: input.primaryDriver, title: input.title };
  });
  dataChanged({ siteId, reason: `change idea ${saved.change_idea_id} ${existing ? 'changed' : 'added'}` });
  return saved;
}

/**
 * Deletes one of the site's change ideas that has no PDSA cycles (delete those first: a tested
 * idea's history is the network's learning), in one transaction with an audit entry
 * (`change_idea.delete`) that keeps it. The form must say it was confirmed; both refusals are
 * `InvalidInput` on the `confirm` field. Needs `edit_qi_log` for the site (`Forbidden`); an
 * idea not at this site is `NotFound`.
 *
 * @example
 * ```ts
 * await deleteChangeIdea(store, dataEntryOfS1, 'S1', 'AIM-A1-CI2', true);
 * // => { change_idea_id: 'AIM-A1-CI2', aim_id: 'AIM-A1', primary_driver: '…', title: '…' }
 * ```
 */
export async function deleteChangeIdea(
  store: QiStore,
  user: PortalUser,
  siteId: string,
  changeIdeaId: string,
  confirmed: boolean,
): Promise<ChangeIdeaRecord> {
  if (!can(user, 'edit_qi_log', siteId))
    throw new Forbidden(`Only the team of site ${siteId} can change its QI log.`);
  const existing = await findChangeIdea(store, siteId, changeIdeaId);
  if (!existing) throw new NotFound(`There is no change idea ${changeIdeaId} at site ${siteId}.`);
  const { aim: _aim, ...idea } = existing;
  await store.write(async (tx) => {
    // Counted inside the write: a cycle logged a moment ago still blocks the delete.
    const [cycles] = await tx.all<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM pdsa_cycles WHERE change_idea_id = ?',
      [changeIdeaId],
    );
    const n = Number(cycles?.n ?? 0);
    if (n > 0)
      throw new InvalidInput({
        confirm: `This change idea has ${n} PDSA ${n === 1 ? 'cycle' : 'cycles'}: delete ${n === 1 ? 'it' : 'them'} first, or keep the idea and record in its last cycle that you abandoned it.`,
      });
    if (!confirmed)
      throw new InvalidInput({ confirm: 'Tick the box to confirm you want to delete this change idea.' });
    await tx.run('DELETE FROM change_ideas WHERE change_idea_id = ?', [changeIdeaId]);
    await recordAudit(tx, actorOf(user), 'change_idea.delete', changeIdeaId, { ...idea });
  });
  dataChanged({ siteId, reason: `change idea ${changeIdeaId} deleted` });
  return idea;
}
