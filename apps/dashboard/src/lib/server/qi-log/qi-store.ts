import type { PortalUser } from '../auth/roles.ts';
import type { Actor } from '../db/audit-log.ts';
import type { Store, Transaction } from '../db/store.ts';

/** What the QI log and report modules need of the store (tests can wrap it). */
export type QiStore = Pick<Store, 'all' | 'one' | 'write'>;

/**
 * The audit log's actor for a signed-in user.
 *
 * @example
 * ```ts
 * actorOf(leadOfS1); // => { accountId: 'a1b2…', email: 'lead.s1@demo.nhs.uk' }
 * ```
 */
export function actorOf(user: PortalUser): Actor {
  return { accountId: user.accountId, email: user.email };
}

/** An aim as stored (`ethnic_groups` is `;`-separated, 'ALL' for all women). */
export interface AimRecord {
  aim_id: string;
  site_id: string;
  measure_id: string;
  ethnic_groups: string;
  statement: string;
  baseline_value: number | null;
  target_value: number;
  target_period: string;
}

/** A change idea as stored. */
export interface ChangeIdeaRecord {
  change_idea_id: string;
  aim_id: string;
  primary_driver: string;
  title: string;
}

/** A PDSA cycle as stored (`linked_measures` `;`-separated; null means the aim's measure). */
export interface PdsaRecord {
  pdsa_id: string;
  change_idea_id: string;
  cycle: number;
  start_period: string;
  end_period: string | null;
  plan: string;
  do_notes: string | null;
  study: string | null;
  act: string | null;
  act_notes: string | null;
  linked_measures: string | null;
}

/**
 * One site's aim, or undefined when there is none with that id at that site.
 *
 * @example
 * ```ts
 * (await findAim(store, 'S1', 'AIM-A1'))?.measure_id; // => 'booking_by_10wk'
 * await findAim(store, 'S2', 'AIM-A1'); // => undefined (AIM-A1 is S1's)
 * ```
 */
export function findAim(store: QiStore, siteId: string, aimId: string): Promise<AimRecord | undefined> {
  return store.one<AimRecord>('SELECT * FROM aims WHERE aim_id = ? AND site_id = ?', [aimId, siteId]);
}

/**
 * One site's change idea (through its aim), or undefined.
 *
 * @example
 * ```ts
 * (await findChangeIdea(store, 'S1', 'AIM-A1-CI1'))?.aim.aim_id; // => 'AIM-A1'
 * ```
 */
export async function findChangeIdea(
  store: QiStore,
  siteId: string,
  changeIdeaId: string,
): Promise<(ChangeIdeaRecord & { aim: AimRecord }) | undefined> {
  const idea = await store.one<ChangeIdeaRecord>('SELECT * FROM change_ideas WHERE change_idea_id = ?', [
    changeIdeaId,
  ]);
  const aim = idea ? await findAim(store, siteId, idea.aim_id) : undefined;
  return idea && aim ? { ...idea, aim } : undefined;
}

/**
 * The next number in a family of ids inside a transaction: `AIM-S1-` with AIM-S1-1 and
 * AIM-S1-4 taken gives 5. Read inside the write so two saves never pick the same number.
 *
 * @example
 * ```ts
 * await store.write((tx) => nextNumber(tx, 'aims', 'aim_id', 'AIM-S1-')); // => 1 on an empty site
 * ```
 */
export async function nextNumber(
  tx: Transaction,
  table: 'aims' | 'change_ideas',
  column: 'aim_id' | 'change_idea_id',
  prefix: string,
): Promise<number> {
  // Table and column come from the literal types above, never from a request.
  const rows = await tx.all<{ n: number | null }>(
    `SELECT max(TRY_CAST(substr(${column}, ?) AS INTEGER)) AS n FROM ${table} WHERE starts_with(${column}, ?)`,
    [prefix.length + 1, prefix],
  );
  return (rows[0]?.n ?? 0) + 1;
}
