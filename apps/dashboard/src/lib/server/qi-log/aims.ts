import type { ReferenceTables } from '@maternity-qi/network-data';
import { can, type PortalUser } from '../auth/roles.ts';
import { dataChanged } from '../data-changes.ts';
import { recordAudit } from '../db/audit-log.ts';
import { Forbidden, NotFound } from '../write-errors.ts';
import { type AimFields, validateAim } from './aim-input.ts';
import { type AimRecord, actorOf, findAim, nextNumber, type QiStore } from './qi-store.ts';

/**
 * Creates an aim for a site (no `aimId`) or changes one (`aimId`), after checking that the
 * user is the site's lead (`edit_aims` for that site: otherwise `Forbidden`) and that every
 * field is valid (otherwise `InvalidInput`, nothing written). New aims are numbered
 * `AIM-<site>-<n>`. Changing an aim's measure or groups moves its PDSA annotations with it,
 * in the same transaction, so the charts never show a cycle on the wrong measure.
 * Announces the change (`dataChanged`) once committed.
 *
 * @example
 * ```ts
 * const aim = await saveAim(store, reference, leadOfS1, 'S1', {
 *   measure_id: 'booking_by_10wk', focus: 'groups', ethnic_groups: ['BLACK'],
 *   baseline_value: '48', target_value: '65', target_period: '2026-03',
 * });
 * aim.aim_id; // => 'AIM-S1-1'
 * ```
 */
export async function saveAim(
  store: QiStore,
  reference: ReferenceTables,
  user: PortalUser,
  siteId: string,
  fields: AimFields,
  aimId?: string,
): Promise<AimRecord> {
  if (!can(user, 'edit_aims', siteId))
    throw new Forbidden(`Only the site lead of ${siteId} can set or change its aims.`);
  const site = reference.sites.find((candidate) => candidate.site_id === siteId);
  if (!site) throw new NotFound(`There is no site ${siteId}.`);
  const existing = aimId ? await findAim(store, siteId, aimId) : undefined;
  if (aimId && !existing) throw new NotFound(`There is no aim ${aimId} at site ${siteId}.`);
  const input = validateAim(fields, reference, site.display_name);
  const values = {
    measure_id: input.measureId,
    ethnic_groups: input.ethnicGroups.join(';'),
    statement: input.statement,
    baseline_value: input.baselineValue,
    target_value: input.targetValue,
    target_period: input.targetPeriod,
  };

  const saved = await store.write(async (tx) => {
    if (existing) {
      await tx.run(
        `UPDATE aims SET measure_id = ?, ethnic_groups = ?, statement = ?, baseline_value = ?,
           target_value = ?, target_period = ? WHERE aim_id = ?`,
        [
          values.measure_id,
          values.ethnic_groups,
          values.statement,
          values.baseline_value,
          values.target_value,
          values.target_period,
          existing.aim_id,
        ],
      );
      // Annotations of this aim's change ideas and cycles are named ANN-<aim_id>-….
      await tx.run(
        `UPDATE annotations SET measure_id = ?, ethnic_groups = ?
         WHERE site_id = ? AND starts_with(annotation_id, ?)`,
        [values.measure_id, values.ethnic_groups, siteId, `ANN-${existing.aim_id}-`],
      );
      await recordAudit(tx, actorOf(user), 'aim.update', existing.aim_id, {
        before: existing,
        after: values,
      });
      return { ...existing, ...values };
    }
    const id = `AIM-${siteId}-${await nextNumber(tx, 'aims', 'aim_id', `AIM-${siteId}-`)}`;
    await tx.run('INSERT INTO aims VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      id,
      siteId,
      values.measure_id,
      values.ethnic_groups,
      values.statement,
      values.baseline_value,
      values.target_value,
      values.target_period,
    ]);
    await recordAudit(tx, actorOf(user), 'aim.create', id, values);
    return { aim_id: id, site_id: siteId, ...values };
  });
  dataChanged({ siteId, reason: `aim ${saved.aim_id} ${existing ? 'changed' : 'created'}` });
  return saved;
}
