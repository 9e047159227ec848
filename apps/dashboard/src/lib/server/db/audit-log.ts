import type { Transaction } from './store.ts';

/** Who did it: the signed-in user, or a named system actor (CLI, seeding). */
export interface Actor {
  accountId: string | null;
  email: string;
}

/**
 * Records one write in the audit log, inside the transaction that makes the write, so the
 * log has an entry exactly when the change landed.
 *
 * @example
 * ```ts
 * await store.write(async (tx) => {
 *   await tx.run('INSERT INTO aims ...');
 *   await recordAudit(tx, actor, 'aim.create', 'AIM-S1-1', { measure_id: 'booking_by_10wk' });
 * });
 * ```
 */
export async function recordAudit(
  tx: Transaction,
  actor: Actor,
  action: string,
  target: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx.run(
    'INSERT INTO audit_log (occurred_at, account_id, email, action, target, detail) VALUES (now(), ?, ?, ?, ?, ?)',
    [actor.accountId, actor.email, action, target, JSON.stringify(detail)],
  );
}
