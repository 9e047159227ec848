import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../db/store.ts';
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
 * Starts a session for an account and returns the token for the cookie.
 *
 * @example
 * ```ts
 * const token = await startSession(store, user.accountId);
 * (await userForSession(store, token))?.email; // => user.email
 * ```
 */
export async function startSession(store: Store, accountId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await store.write(async (tx) => {
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

/** Ends a session (sign out). */
export async function endSession(store: Store, token: string): Promise<void> {
  await store.write((tx) => tx.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash(token)]));
}
