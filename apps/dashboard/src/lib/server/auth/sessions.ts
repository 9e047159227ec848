import { createHash, randomBytes } from 'node:crypto';
import { type Actor, recordAudit } from '../db/audit-log.ts';
import type { Store, Transaction } from '../db/store.ts';
import { type AccountRow, toUser } from './accounts.ts';
import type { PortalUser } from './roles.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'qi_session';

/** A session lasts a working day; signing in again starts a new one. */
export const SESSION_HOURS = 12;

// Only a hash of the token is stored: a copy of the database cannot be used to sign in.
function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Starts a session for an account and returns the token for the cookie. With an `actor` (the
 * sign-in page passes the person signing in) the sign-in is audited in the same transaction.
 *
 * @example
 * ```ts
 * const token = await startSession(store, user.accountId);
 * (await userForSession(store, token))?.email; // => user.email
 * ```
 */
export async function startSession(store: Store, accountId: string, actor?: Actor): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await store.write(async (tx) => {
    if (actor) await recordAudit(tx, actor, 'auth.sign_in', actor.email);
    await tx.run('DELETE FROM sessions WHERE expires_at < now()');
    await tx.run(`INSERT INTO sessions VALUES (?, ?, now(), now() + INTERVAL ${SESSION_HOURS} HOUR)`, [
      tokenHash(token),
      accountId,
    ]);
  });
  return token;
}

/** The signed-in user for a cookie token, or null when absent, unknown, expired or disabled. */
export async function userForSession(store: Store, token: string | undefined): Promise<PortalUser | null> {
  if (!token || token.length > 100) return null;
  // One query per request (every request runs this): the session and its enabled account.
  const row = await store.one<AccountRow>(
    `SELECT a.* FROM sessions AS s JOIN accounts AS a ON a.account_id = s.account_id
     WHERE s.token_hash = ? AND s.expires_at > now() AND NOT a.disabled`,
    [tokenHash(token)],
  );
  return row ? toUser(row) : null;
}

/** Ends a session (sign out), audited when the `actor` signing out is given. */
export async function endSession(store: Store, token: string, actor?: Actor): Promise<void> {
  await store.write(async (tx) => {
    await tx.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash(token)]);
    if (actor) await recordAudit(tx, actor, 'auth.sign_out', actor.email);
  });
}

/**
 * Audits a refused sign-in (wrong password, unknown or disabled account) under the email that
 * was typed, so an admin can see attempts on an account; the password is never recorded.
 *
 * @example
 * ```ts
 * await recordRefusedSignIn(store, 'lead.s1@demo.nhs.uk', '10.0.0.7');
 * ```
 */
export async function recordRefusedSignIn(store: Store, email: string, address: string): Promise<void> {
  const typed = email.trim().toLowerCase().slice(0, 254);
  await store.write((tx) =>
    recordAudit(tx, { accountId: null, email: typed }, 'auth.sign_in_refused', typed, { address }),
  );
}

/**
 * Ends every session of an account except the one with `keepToken` (after a password change:
 * a device someone else signed in on is signed out). Runs in the caller's transaction;
 * returns how many sessions it ended.
 *
 * @example
 * ```ts
 * await store.write((tx) => endOtherSessions(tx, user.accountId, token)); // => 2
 * ```
 */
export async function endOtherSessions(
  tx: Transaction,
  accountId: string,
  keepToken: string,
): Promise<number> {
  const [row] = await tx.all<{ n: number }>(
    'SELECT count(*)::INTEGER AS n FROM sessions WHERE account_id = ? AND token_hash <> ?',
    [accountId, tokenHash(keepToken)],
  );
  await tx.run('DELETE FROM sessions WHERE account_id = ? AND token_hash <> ?', [
    accountId,
    tokenHash(keepToken),
  ]);
  return Number(row?.n ?? 0);
}
