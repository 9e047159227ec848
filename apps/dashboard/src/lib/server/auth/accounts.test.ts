import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db/store.ts';
import { knownSiteIds, migratedStore, testActor } from '../testing/temp-portal.ts';
import {
  AccountError,
  checkCredentials,
  createAccount,
  findAccount,
  listAccounts,
  type NewAccount,
  normaliseEmail,
  resetPassword,
  setAccountDisabled,
  toUser,
} from './accounts.ts';

let store: Store;
beforeAll(async () => {
  store = await migratedStore();
});
afterAll(() => store.close());

const valid: NewAccount = {
  email: 'data.s4@trust.nhs.uk',
  displayName: 'Site D data entry',
  role: 'site_data_entry',
  siteId: 'S4',
  password: 'a long password 1',
};

async function count(sql: string): Promise<number> {
  return (await store.one<{ n: number }>(sql))?.n ?? -1;
}

/** Expects `work` to throw an AccountError for `field` whose message matches, and change nothing. */
async function refused(work: () => Promise<unknown>, field: string, message: string | RegExp): Promise<void> {
  const before = [
    await count('SELECT count(*) AS n FROM accounts'),
    await count('SELECT count(*) AS n FROM audit_log'),
  ];
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AccountError);
  expect((error as AccountError).field).toBe(field);
  expect((error as AccountError).message).toMatch(message);
  expect([
    await count('SELECT count(*) AS n FROM accounts'),
    await count('SELECT count(*) AS n FROM audit_log'),
  ]).toEqual(before);
}

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Lead.S1@Trust.NHS.uk ')).toBe('lead.s1@trust.nhs.uk');
  });
});

describe('createAccount', () => {
  it('matches its documented example and records who did it', async () => {
    const user = await createAccount(
      store,
      testActor,
      {
        email: 'lead@site-a.nhs.net',
        displayName: 'Site A lead',
        role: 'site_lead',
        siteId: 'S1',
        password: 'a long demo password',
      },
      new Set(['S1']),
    );
    expect(user).toMatchObject({
      email: 'lead@site-a.nhs.net',
      displayName: 'Site A lead',
      role: 'site_lead',
      siteId: 'S1',
    });
    expect(
      await store.one(
        "SELECT email, action, target, detail FROM audit_log WHERE target = 'lead@site-a.nhs.net'",
      ),
    ).toEqual({
      email: 'test:vitest',
      action: 'account.create',
      target: 'lead@site-a.nhs.net',
      detail: '{"display_name":"Site A lead","role":"site_lead","site_id":"S1"}',
    });
  });

  it('stores a normalised email, a trimmed name and a scrypt hash (never the password)', async () => {
    await createAccount(
      store,
      testActor,
      { ...valid, email: ' Data.S4@Trust.NHS.uk ', displayName: '  Site D data entry ' },
      knownSiteIds,
    );
    const row = await store.one<Record<string, unknown>>(
      "SELECT * FROM accounts WHERE email = 'data.s4@trust.nhs.uk'",
    );
    expect(row).toMatchObject({
      display_name: 'Site D data entry',
      role: 'site_data_entry',
      site_id: 'S4',
      disabled: false,
    });
    expect(String(row?.password_hash)).toMatch(/^scrypt\$/);
    expect(String(row?.password_hash)).not.toContain('a long password 1');
  });

  it('names the field at fault, and changes nothing', async () => {
    const fresh = { ...valid, email: 'fresh@trust.nhs.uk' };
    await refused(
      () => createAccount(store, testActor, { ...fresh, email: 'not-an-email' }, knownSiteIds),
      'email',
      '“not-an-email” is not an email address.',
    );
    await refused(
      () => createAccount(store, testActor, { ...fresh, email: 'a b@x.uk' }, knownSiteIds),
      'email',
      /is not an email address/,
    );
    await refused(
      () => createAccount(store, testActor, { ...fresh, displayName: '   ' }, knownSiteIds),
      'displayName',
      'Give the person’s name.',
    );
    await refused(
      () => createAccount(store, testActor, { ...fresh, role: 'superuser' as never }, knownSiteIds),
      'role',
      'Unknown role “superuser”.',
    );
    await refused(
      () => createAccount(store, testActor, { ...fresh, password: 'short' }, knownSiteIds),
      'password',
      'Use at least 12 characters.',
    );
  });

  it('refuses a duplicate email, whatever its case', async () => {
    await refused(
      () =>
        createAccount(
          store,
          testActor,
          { ...valid, email: 'DATA.S4@trust.nhs.uk', role: 'faculty', siteId: null },
          knownSiteIds,
        ),
      'email',
      'An account for data.s4@trust.nhs.uk already exists.',
    );
  });

  it('needs a known site for site roles, and refuses a site for network roles', async () => {
    const fresh = { ...valid, email: 'fresh@trust.nhs.uk' };
    for (const role of ['site_lead', 'site_data_entry'] as const) {
      await refused(
        () => createAccount(store, testActor, { ...fresh, role, siteId: null }, knownSiteIds),
        'siteId',
        'Site roles must name their site.',
      );
      await refused(
        () => createAccount(store, testActor, { ...fresh, role, siteId: '  ' }, knownSiteIds),
        'siteId',
        'Site roles must name their site.',
      );
      await refused(
        () => createAccount(store, testActor, { ...fresh, role, siteId: 'S99' }, knownSiteIds),
        'siteId',
        'Unknown site “S99”.',
      );
    }
    for (const role of ['network_admin', 'faculty', 'advisory'] as const) {
      await refused(
        () => createAccount(store, testActor, { ...fresh, role, siteId: 'S1' }, knownSiteIds),
        'siteId',
        'Only site leads and site data entry accounts belong to a site.',
      );
      const user = await createAccount(
        store,
        testActor,
        { ...fresh, email: `${role}@trust.nhs.uk`, role, siteId: '' },
        knownSiteIds,
      );
      expect(user.siteId).toBeNull();
    }
  });
});

describe('checkCredentials and findAccount', () => {
  it('sign in with the right password only, whatever the email’s case', async () => {
    expect((await checkCredentials(store, 'Data.S4@trust.nhs.uk', 'a long password 1'))?.siteId).toBe('S4');
    expect(await checkCredentials(store, 'data.s4@trust.nhs.uk', 'a long password 2')).toBeNull();
    expect(await checkCredentials(store, 'nobody@trust.nhs.uk', 'a long password 1')).toBeNull();
  });

  it('refuse disabled accounts', async () => {
    const user = await checkCredentials(store, 'data.s4@trust.nhs.uk', 'a long password 1');
    await setAccountDisabled(store, testActor, 'data.s4@trust.nhs.uk', true);
    expect(await checkCredentials(store, 'data.s4@trust.nhs.uk', 'a long password 1')).toBeNull();
    expect(await findAccount(store, user?.accountId ?? '')).toBeNull();
    await setAccountDisabled(store, testActor, 'DATA.S4@trust.nhs.uk', false);
    expect(await findAccount(store, user?.accountId ?? '')).toEqual(user);
    expect(await findAccount(store, 'no-such-id')).toBeNull();
  });
});

describe('resetPassword and setAccountDisabled', () => {
  it('replace the password, audited', async () => {
    await resetPassword(store, testActor, ' DATA.S4@trust.nhs.uk', 'a long password 3');
    expect(await checkCredentials(store, 'data.s4@trust.nhs.uk', 'a long password 1')).toBeNull();
    expect(await checkCredentials(store, 'data.s4@trust.nhs.uk', 'a long password 3')).not.toBeNull();
    const actions = await store.all<{ action: string }>(
      "SELECT action FROM audit_log WHERE target = 'data.s4@trust.nhs.uk' ORDER BY audit_id",
    );
    expect(actions.map((a) => a.action)).toEqual([
      'account.create',
      'account.disable',
      'account.enable',
      'account.reset_password',
    ]);
  });

  it('name the field at fault for unknown accounts and bad passwords, and change nothing', async () => {
    await refused(
      () => resetPassword(store, testActor, 'nobody@trust.nhs.uk', 'a long password 9'),
      'email',
      'No account for nobody@trust.nhs.uk.',
    );
    await refused(
      () => resetPassword(store, testActor, 'data.s4@trust.nhs.uk', 'short'),
      'password',
      'Use at least 12 characters.',
    );
    await refused(
      () => setAccountDisabled(store, testActor, 'nobody@trust.nhs.uk', true),
      'email',
      'No account for nobody@trust.nhs.uk.',
    );
    expect(await checkCredentials(store, 'data.s4@trust.nhs.uk', 'a long password 3')).not.toBeNull();
  });
});

describe('listAccounts', () => {
  it('lists every account with role, site, status and creation time, and no password hash', async () => {
    await setAccountDisabled(store, testActor, 'advisory@trust.nhs.uk', true);
    const accounts = await listAccounts(store);
    expect(accounts.map((a) => [a.email, a.role, a.siteId, a.disabled])).toEqual([
      ['advisory@trust.nhs.uk', 'advisory', null, true],
      ['faculty@trust.nhs.uk', 'faculty', null, false],
      ['network_admin@trust.nhs.uk', 'network_admin', null, false],
      ['data.s4@trust.nhs.uk', 'site_data_entry', 'S4', false],
      ['lead@site-a.nhs.net', 'site_lead', 'S1', false],
    ]);
    for (const account of accounts) {
      expect(Object.keys(account).sort()).toEqual([
        'accountId',
        'createdAt',
        'disabled',
        'displayName',
        'email',
        'role',
        'siteId',
      ]);
      expect(account.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(JSON.stringify(accounts)).not.toContain('scrypt');
  });
});

describe('toUser', () => {
  it('matches its documented example and never carries the hash', () => {
    const user = toUser({
      account_id: 'a1',
      email: 'l@nhs.net',
      display_name: 'L',
      role: 'site_lead',
      site_id: 'S1',
      password_hash: 'scrypt$…',
      disabled: false,
      created_at: '2026-01-01T00:00:00.000Z',
    });
    expect(user).toEqual({
      accountId: 'a1',
      email: 'l@nhs.net',
      displayName: 'L',
      role: 'site_lead',
      siteId: 'S1',
    });
    expect(JSON.stringify(user)).not.toContain('scrypt');
  });
});
