import { recordAudit } from '../db/audit-log.ts';
import type { Store } from '../db/store.ts';
import { AccountError } from './accounts.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import type { PortalUser } from './roles.ts';
import { endOtherSessions } from './sessions.ts';

/** What the "change your password" form sends. */
export interface PasswordChange {
  current: string;
  password: string;
  confirm: string;
}

/**
 * A signed-in user changes their own password: the current one must be right, the new one
 * acceptable, typed twice alike, and not the current one (`AccountError` naming the field
 * otherwise, nothing written). Every other session of the account ends (the one with
 * `keepToken`, this device, stays signed in), in one transaction with the audit entry
 * (`account.change_password`). Returns how many other sessions ended.
 *
 * @example
 * ```ts
 * await changeOwnPassword(store, user, token, {
 *   current: 'maternity-qi-demo', password: 'a new long password', confirm: 'a new long password',
 * }); // => { endedSessions: 1 }
 * ```
 */
export async function changeOwnPassword(
  store: Store,
  user: PortalUser,
  keepToken: string,
  change: PasswordChange,
): Promise<{ endedSessions: number }> {
  if (!change.current) throw new AccountError('current', 'Enter your current password.');
  const row = await store.one<{ password_hash: string }>(
    'SELECT password_hash FROM accounts WHERE account_id = ? AND NOT disabled',
    [user.accountId],
  );
  if (!row || !(await verifyPassword(change.current, row.password_hash)))
    throw new AccountError('current', 'Your current password is not right.');
  const problem = passwordProblem(change.password);
  if (problem) throw new AccountError('password', problem);
  if (change.password !== change.confirm)
    throw new AccountError('confirm', 'The new password and its confirmation are not the same.');
  if (change.password === change.current)
    throw new AccountError('password', 'Choose a new password, not your current one.');
  const hash = await hashPassword(change.password);
  return store.write(async (tx) => {
    await tx.run('UPDATE accounts SET password_hash = ?, updated_at = now() WHERE account_id = ?', [
      hash,
      user.accountId,
    ]);
    const endedSessions = await endOtherSessions(tx, user.accountId, keepToken);
    await recordAudit(
      tx,
      { accountId: user.accountId, email: user.email },
      'account.change_password',
      user.email,
      { other_sessions_ended: endedSessions },
    );
    return { endedSessions };
  });
}
