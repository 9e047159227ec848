import type { ReferenceTables } from '@maternity-qi/network-data';
import { readReferenceTables, repoDataDir } from '@maternity-qi/network-data/node';
import type { PortalUser, Role } from '../auth/roles.ts';
import { migrate } from '../db/migrations.ts';
import { Store } from '../db/store.ts';

/** The repository's reference tables (sites, measures, ethnic categories), read once. */
export const testReference: ReferenceTables = readReferenceTables(repoDataDir());

/**
 * A fresh, migrated in-memory portal database with one account per role (site roles at S1
 * and S2), so that names resolve in joins. Accounts carry no usable password.
 *
 * @example
 * ```ts
 * const store = await openQiTestStore();
 * await store.all('SELECT count(*) AS n FROM accounts'); // => [{ n: 7 }]
 * ```
 */
export async function openQiTestStore(): Promise<Store> {
  const store = await Store.open(':memory:');
  await migrate(store);
  await store.write(async (tx) => {
    for (const user of Object.values(testUsers))
      await tx.run("INSERT INTO accounts VALUES (?, ?, ?, ?, ?, 'not-a-hash', false, now(), now())", [
        user.accountId,
        user.email,
        user.displayName,
        user.role,
        user.siteId,
      ]);
  });
  return store;
}

function user(role: Role, siteId: string | null = null): PortalUser {
  const key = siteId ? `${role}-${siteId.toLowerCase()}` : role;
  return {
    accountId: `account-${key}`,
    email: `${key.replaceAll('_', '.')}@test.nhs.uk`,
    displayName: `Test ${key}`,
    role,
    siteId,
  };
}

/** One signed-in user per role; site roles at S1 (and S2's lead and data entry). */
export const testUsers = {
  admin: user('network_admin'),
  faculty: user('faculty'),
  advisory: user('advisory'),
  leadS1: user('site_lead', 'S1'),
  dataS1: user('site_data_entry', 'S1'),
  leadS2: user('site_lead', 'S2'),
  dataS2: user('site_data_entry', 'S2'),
} as const;

/**
 * Adds one version of a site's month with the given rows ([measure, ethnic category,
 * numerator, denominator]), as the submission flow stores it.
 *
 * @example
 * ```ts
 * await addSubmission(store, 'S1', '2026-01', 1, [['booking_by_10wk', 'M', 3, 10]]);
 * ```
 */
export async function addSubmission(
  store: Store,
  siteId: string,
  period: string,
  version: number,
  rows: ReadonlyArray<readonly [string, string, number | null, number | null]>,
): Promise<void> {
  await store.write(async (tx) => {
    await tx.run('INSERT INTO submission_versions VALUES (?, ?, ?, NULL, now(), ?, NULL, NULL)', [
      siteId,
      period,
      version,
      rows.length,
    ]);
    for (const [measure, category, numerator, denominator] of rows)
      await tx.run('INSERT INTO submission_rows VALUES (?, ?, ?, ?, ?, ?, ?)', [
        siteId,
        period,
        version,
        measure,
        category,
        numerator,
        denominator,
      ]);
  });
}
