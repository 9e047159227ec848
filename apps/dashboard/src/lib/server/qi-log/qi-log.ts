import type { ReferenceTables } from '@maternity-qi/network-data';
import { aimPopulation, knownEthnicGroups, splitGroups } from '../../qi/ethnic-groups.ts';
import { can, type PortalUser } from '../auth/roles.ts';
import { Forbidden } from '../write-errors.ts';
import type { AimRecord, ChangeIdeaRecord, PdsaRecord, QiStore } from './qi-store.ts';

/** A PDSA cycle as the QI log shows it. */
export interface QiLogCycle extends PdsaRecord {
  /** The measures it is watched on (the aim's when none were stored). */
  linkedMeasureIds: string[];
  linkedMeasureNames: string[];
}

/** A change idea with its cycles, in cycle order. */
export interface QiLogChangeIdea extends ChangeIdeaRecord {
  cycles: QiLogCycle[];
}

/** An aim with its words and its change ideas. */
export interface QiLogAim extends AimRecord {
  measureName: string;
  unitLabel: string;
  /** "Black women", "all women". */
  population: string;
  groupCodes: string[];
  changeIdeas: QiLogChangeIdea[];
}

/**
 * A site's QI log: its aims, each with its change ideas and their PDSA cycles in order, for
 * someone allowed to see it (`view_qi_log` for the site; `Forbidden` otherwise).
 *
 * @example
 * ```ts
 * const log = await readQiLog(store, reference, leadOfS1, 'S1');
 * log[0].changeIdeas[0].cycles.map((c) => c.cycle); // => [1, 2]
 * ```
 */
export async function readQiLog(
  store: QiStore,
  reference: ReferenceTables,
  user: PortalUser,
  siteId: string,
): Promise<QiLogAim[]> {
  if (!can(user, 'view_qi_log', siteId)) throw new Forbidden(`You cannot see the QI log of site ${siteId}.`);
  // One after another: the store reads through a single connection.
  const aims = await store.all<AimRecord>(
    // length first: AIM-S1-2 before AIM-S1-10.
    'SELECT * FROM aims WHERE site_id = ? ORDER BY length(aim_id), aim_id',
    [siteId],
  );
  const ideas = await store.all<ChangeIdeaRecord>(
    `SELECT idea.* FROM change_ideas AS idea JOIN aims USING (aim_id)
       WHERE aims.site_id = ? ORDER BY length(idea.change_idea_id), idea.change_idea_id`,
    [siteId],
  );
  const cycles = await store.all<PdsaRecord>(
    `SELECT pdsa.* FROM pdsa_cycles AS pdsa
       JOIN change_ideas AS idea USING (change_idea_id) JOIN aims USING (aim_id)
       WHERE aims.site_id = ? ORDER BY pdsa.change_idea_id, pdsa.cycle`,
    [siteId],
  );
  const measures = new Map(reference.measures.map((measure) => [measure.measure_id, measure]));
  const groups = knownEthnicGroups(reference.ethnicCategories);
  return aims.map((aim) => {
    const measure = measures.get(aim.measure_id);
    const groupCodes = splitGroups(aim.ethnic_groups);
    return {
      ...aim,
      measureName: measure?.name ?? aim.measure_id,
      unitLabel: measure?.unit_label ?? '',
      population: aimPopulation(groupCodes, groups),
      groupCodes,
      changeIdeas: ideas
        .filter((idea) => idea.aim_id === aim.aim_id)
        .map((idea) => ({
          ...idea,
          cycles: cycles
            .filter((cycle) => cycle.change_idea_id === idea.change_idea_id)
            .map((cycle) => {
              const linkedMeasureIds = cycle.linked_measures
                ? cycle.linked_measures.split(';')
                : [aim.measure_id];
              return {
                ...cycle,
                linkedMeasureIds,
                linkedMeasureNames: linkedMeasureIds.map((id) => measures.get(id)?.name ?? id),
              };
            }),
        })),
    };
  });
}
