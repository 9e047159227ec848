import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db/store.ts';
import { knownSiteIds, migratedStore, testActor } from '../testing/temp-portal.ts';
import { AccountError, checkCredentials, createAccount } from './accounts.ts';
import { changeOwnPassword } from './change-own-password.ts';
import type { PortalUser } from './roles.ts';
import { startSession, userForSession } from './sessions.ts';

const FIRST = 'the first long password';
let store: Store;
let user: PortalUser;
let other: PortalUser;

beforeAll(async () => {
  store = await migratedStore();
  const account = (email: string) =>
    createAccount(
      store,
      testActor,
      { email, displayName: email, role: 'site_data_entry', siteId: 'S1', password: FIRST },
      knownSiteIds,
    );
  user = await account('data.s1@trust.nhs.uk');
  other = await account('colleague.s1@trust.nhs.uk');
});
afterAll(() => store.close());

const auditCount = async () =>
  Number(
    (
      await store.one<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'account.change_password'",
      )
    )?.n,
  );

describe('changeOwnPassword', () => {
  it('refuses a wrong current password, a weak or unconfirmed new one, or the same one, changing nothing', async () => {
    const token = await startSession(store, user.accountId);
    const attempt = (change: { current: string; password: string; confirm: string }) =>
      changeOwnPassword(store, user, token, change).then(
        () => null,
        (error: unknown) => (error instanceof AccountError ? [error.field, error.message] : error),
      );
    const strong = 'a second long password';
    expect(await attempt({ current: '', password: strong, confirm: strong })).toEqual([
      'current',
      'Enter your current password.',
    ]);
    expect(await attempt({ current: 'not my password', password: strong, confirm: strong })).toEqual([
      'current',
      'Your current password is not right.',
    ]);
    expect(await attempt({ current: FIRST, password: 'short', confirm: 'short' })).toEqual([
      'password',
      'Use at least 12 characters.',
    ]);
    expect(await attempt({ current: FIRST, password: strong, confirm: `${strong}!` })).toEqual([
      'confirm',
      'The new password and its confirmation are not the same.',
    ]);
    expect(await attempt({ current: FIRST, password: FIRST, confirm: FIRST })).toEqual([
      'password',
      'Choose a new password, not your current one.',
    ]);
    expect(await checkCredentials(store, user.email, FIRST)).toEqual(user);
    expect(await userForSession(store, token)).toEqual(user);
    expect(await auditCount()).toBe(0);
  });

  it('changes the password, ends the account’s other sessions only, and audits it', async () => {
    const here = await startSession(store, user.accountId);
    const phone = await startSession(store, user.accountId);
    const colleague = await startSession(store, other.accountId);
    const next = 'a second long password';
    expect(
      await changeOwnPassword(store, user, here, { current: FIRST, password: next, confirm: next }),
    ).toEqual({
      // The earlier test's session and the phone's.
      endedSessions: 2,
    });
    expect(await checkCredentials(store, user.email, FIRST)).toBeNull();
    expect(await checkCredentials(store, user.email, next)).toEqual(user);
    expect(await userForSession(store, here)).toEqual(user);
    expect(await userForSession(store, phone)).toBeNull();
    expect(await userForSession(store, colleague)).toEqual(other);
    const entry = await store.one<{ email: string; target: string; detail: string }>(
      "SELECT email, target, detail FROM audit_log WHERE action = 'account.change_password'",
    );
    expect(entry).toMatchObject({ email: user.email, target: user.email });
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ other_sessions_ended: 2 });
    // The hash is never in the audit entry.
    expect(entry?.detail).not.toMatch(/scrypt/);
  });
});
