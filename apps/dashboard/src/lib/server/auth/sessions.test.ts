import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db/store.ts';
import { knownSiteIds, migratedStore, testActor } from '../testing/temp-portal.ts';
import { createAccount, resetPassword, setAccountDisabled } from './accounts.ts';
import type { PortalUser } from './roles.ts';
import {
  endSession,
  recordRefusedSignIn,
  SESSION_COOKIE,
  SESSION_HOURS,
  startSession,
  userForSession,
} from './sessions.ts';

let store: Store;
let user: PortalUser;
beforeAll(async () => {
  store = await migratedStore();
  user = await createAccount(
    store,
    testActor,
    {
      email: 'lead.s2@trust.nhs.uk',
      displayName: 'Lead',
      role: 'site_lead',
      siteId: 'S2',
      password: 'a long password 1',
    },
    knownSiteIds,
  );
});
afterAll(() => store.close());

describe('sessions', () => {
  it('match the documented example: a session finds its user', async () => {
    const token = await startSession(store, user.accountId);
    expect((await userForSession(store, token))?.email).toBe(user.email);
    expect(await userForSession(store, token)).toEqual(user);
  });

  it('last 12 hours, in an HttpOnly cookie named qi_session', async () => {
    expect(SESSION_COOKIE).toBe('qi_session');
    expect(SESSION_HOURS).toBe(12);
    await startSession(store, user.accountId);
    const [row] = await store.all<{ hours: number }>(
      "SELECT date_diff('minute', created_at, expires_at) / 60 AS hours FROM sessions ORDER BY created_at DESC LIMIT 1",
    );
    expect(row?.hours).toBe(12);
  });

  it('store only a hash of the token, and make a new random token each time', async () => {
    const a = await startSession(store, user.accountId);
    const b = await startSession(store, user.accountId);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await store.all<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(stored.some((row) => row.token_hash === a || row.token_hash.includes(a))).toBe(false);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it('answer null for a missing, unknown or oversized token', async () => {
    expect(await userForSession(store, undefined)).toBeNull();
    expect(await userForSession(store, '')).toBeNull();
    expect(await userForSession(store, 'not-a-session-token')).toBeNull();
    expect(await userForSession(store, 'x'.repeat(101))).toBeNull();
  });

  it('expire: an expired session no longer signs anyone in, and is cleared at the next sign-in', async () => {
    const token = await startSession(store, user.accountId);
    await store.write((tx) => tx.run('UPDATE sessions SET expires_at = now() - INTERVAL 1 MINUTE'));
    expect(await userForSession(store, token)).toBeNull();
    await startSession(store, user.accountId);
    expect(
      (await store.one<{ n: number }>('SELECT count(*) AS n FROM sessions WHERE expires_at < now()'))?.n,
    ).toBe(0);
  });

  it('end on sign-out', async () => {
    const token = await startSession(store, user.accountId);
    const other = await startSession(store, user.accountId);
    await endSession(store, token);
    expect(await userForSession(store, token)).toBeNull();
    expect(await userForSession(store, other)).not.toBeNull();
  });

  it('end when the account is disabled, and stay ended after it is enabled again', async () => {
    const token = await startSession(store, user.accountId);
    await setAccountDisabled(store, testActor, user.email, true);
    expect(await userForSession(store, token)).toBeNull();
    await setAccountDisabled(store, testActor, user.email, false);
    expect(await userForSession(store, token)).toBeNull();
  });

  it('do not let a disabled account in even with a session row left behind', async () => {
    const token = await startSession(store, user.accountId);
    await store.write((tx) =>
      tx.run('UPDATE accounts SET disabled = true WHERE account_id = ?', [user.accountId]),
    );
    expect(await userForSession(store, token)).toBeNull();
    await store.write((tx) =>
      tx.run('UPDATE accounts SET disabled = false WHERE account_id = ?', [user.accountId]),
    );
    expect(await userForSession(store, token)).toEqual(user);
  });

  it('end when the password is reset', async () => {
    const token = await startSession(store, user.accountId);
    await resetPassword(store, testActor, user.email, 'a long password 2');
    expect(await userForSession(store, token)).toBeNull();
  });
});

describe('sign-in audit', () => {
  const auditRows = (action: string) =>
    store.all<{ email: string; target: string; detail: string }>(
      'SELECT email, target, detail FROM audit_log WHERE action = ? ORDER BY audit_id',
      [action],
    );

  it('records a sign-in and a sign-out in the session’s own transaction when an actor is given', async () => {
    const actor = { accountId: user.accountId, email: user.email };
    const before = (await auditRows('auth.sign_in')).length;
    const token = await startSession(store, user.accountId, actor);
    expect(await auditRows('auth.sign_in')).toHaveLength(before + 1);
    await endSession(store, token, actor);
    expect(await userForSession(store, token)).toBeNull();
    expect((await auditRows('auth.sign_out')).at(-1)).toMatchObject({
      email: user.email,
      target: user.email,
    });
  });

  it('records a refused sign-in under the typed email and address, never a password', async () => {
    await recordRefusedSignIn(store, '  Lead.S1@demo.nhs.uk ', '10.0.0.7');
    const last = (await auditRows('auth.sign_in_refused')).at(-1);
    expect(last).toMatchObject({ email: 'lead.s1@demo.nhs.uk', target: 'lead.s1@demo.nhs.uk' });
    expect(JSON.parse(last?.detail ?? '{}')).toEqual({ address: '10.0.0.7' });
  });
});
