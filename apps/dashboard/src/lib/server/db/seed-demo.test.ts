import path from 'node:path';
import { repoDataDir } from '@maternity-qi/network-data/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCredentials } from '../auth/accounts.ts';
import { demoStore, reference } from '../testing/temp-portal.ts';
import { DEMO_PASSWORD, demoAccounts, seedDemo } from './seed-demo.ts';
import type { Store } from './store.ts';

let store: Store;
beforeAll(async () => {
  store = await demoStore();
});
afterAll(() => store.close());

describe('demoAccounts', () => {
  it('matches its documented example', () => {
    expect(demoAccounts([{ site_id: 'S1', display_name: 'Site A (London)' }]).map((a) => a.email)).toEqual([
      'admin@demo.nhs.uk',
      'faculty@demo.nhs.uk',
      'advisory@demo.nhs.uk',
      'lead.s1@demo.nhs.uk',
      'data.s1@demo.nhs.uk',
    ]);
  });
});

describe('seedDemo', () => {
  it('seeds the demo network and one account per network role plus two per site', async () => {
    const counts = await store.one<Record<string, number>>(`SELECT
      (SELECT count(*) FROM accounts) AS accounts,
      (SELECT count(*) FROM submission_versions) AS versions,
      (SELECT count(*) FROM submission_rows) AS rows,
      (SELECT count(*) FROM aims) AS aims,
      (SELECT count(*) FROM pdsa_cycles) AS pdsa,
      (SELECT count(*) FROM submission_versions WHERE row_count = 0) AS empty_versions`);
    expect(counts?.accounts).toBe(3 + 2 * reference.sites.length);
    expect(counts?.versions).toBeGreaterThan(0);
    expect(counts?.rows).toBeGreaterThan(counts?.versions ?? 0);
    expect(counts?.aims).toBeGreaterThan(0);
    expect(counts?.pdsa).toBeGreaterThan(0);
    expect(counts?.empty_versions).toBe(0);
    expect((await checkCredentials(store, 'lead.s3@demo.nhs.uk', DEMO_PASSWORD))?.siteId).toBe('S3');
  });

  it('does nothing to a database that already has accounts', async () => {
    const before = await store.one('SELECT count(*) AS n FROM audit_log');
    expect(await seedDemo(store, path.join(repoDataDir(), 'demo'), reference)).toEqual([]);
    expect(await store.one('SELECT count(*) AS n FROM audit_log')).toEqual(before);
  });
});
