// Shared by the submission modules' unit tests: a migrated in-memory portal with one account per
// role, and month files filled the way a site's extract would be. Not used by the server.
import {
  type Period,
  type ReferenceTables,
  readCsv,
  SUBMISSION_COLUMNS,
  TOTAL_CODE,
  toCsv,
} from '@maternity-qi/network-data';
import { readReferenceTables } from '@maternity-qi/network-data/node';
import type { PortalUser, Role } from '../auth/roles.ts';
import { migrate } from '../db/migrations.ts';
import { Store } from '../db/store.ts';
import { siteSubmissionTemplate } from './submission-template.ts';

/** A fixed "today" for tests: 26 November 2026, so submittable months run 2025-11 to 2026-11. */
export const TEST_TODAY = new Date('2026-11-26T10:00:00Z');

export interface TestPortal {
  store: Store;
  reference: ReferenceTables;
  siteIds: ReadonlySet<string>;
  users: Record<'admin' | 'faculty' | 'advisory' | 'dataS1' | 'leadS1' | 'leadS2', PortalUser>;
}

const user = (accountId: string, role: Role, siteId: string | null): PortalUser => ({
  accountId,
  email: `${accountId}@test.nhs.uk`,
  displayName: accountId,
  role,
  siteId,
});

/** Opens a migrated database (':memory:' unless a file is given) with an account per role (added once). */
export async function openTestPortal(file = ':memory:'): Promise<TestPortal> {
  const store = await Store.open(file);
  await migrate(store);
  const reference = readReferenceTables();
  const users = {
    admin: user('admin', 'network_admin', null),
    faculty: user('faculty', 'faculty', null),
    advisory: user('advisory', 'advisory', null),
    dataS1: user('data-s1', 'site_data_entry', 'S1'),
    leadS1: user('lead-s1', 'site_lead', 'S1'),
    leadS2: user('lead-s2', 'site_lead', 'S2'),
  };
  await store.write(async (tx) => {
    for (const u of Object.values(users))
      await tx.run(
        "INSERT OR IGNORE INTO accounts VALUES (?, ?, ?, ?, ?, 'not-a-hash', false, now(), now())",
        [u.accountId, u.email, u.displayName, u.role, u.siteId],
      );
  });
  return { store, reference, siteIds: new Set(reference.sites.map((s) => s.site_id)), users };
}

/**
 * A month's template with every count filled in: each ethnic category gets a denominator and
 * numerator from `seed`, and ALL is their sum (so the file has no warnings).
 */
export function filledMonthCsv(reference: ReferenceTables, siteId: string, period: Period, seed = 1): string {
  const [header, ...lines] = readCsv(siteSubmissionTemplate(reference, siteId, period)).records;
  if (!header) throw new Error('empty template');
  const rows = lines.map((line) =>
    Object.fromEntries(header.fields.map((name, i) => [name, line.fields[i] ?? ''])),
  );
  const totals = new Map<string, { numerator: number; denominator: number }>();
  rows.forEach((row, i) => {
    if (row.ethnic_category === TOTAL_CODE) return;
    const denominator = 20 + ((i * 7 + seed * 13) % 90);
    const numerator = (i * 3 + seed) % (denominator + 1);
    row.numerator = String(numerator);
    row.denominator = String(denominator);
    const sum = totals.get(row.measure_id as string) ?? { numerator: 0, denominator: 0 };
    totals.set(row.measure_id as string, {
      numerator: sum.numerator + numerator,
      denominator: sum.denominator + denominator,
    });
  });
  rows.forEach((row, i) => {
    if (row.ethnic_category !== TOTAL_CODE) return;
    const sum = totals.get(row.measure_id as string) ?? {
      denominator: 50 + ((i + seed) % 40),
      numerator: (i + seed) % 30,
    };
    row.numerator = String(sum.numerator);
    row.denominator = String(sum.denominator);
  });
  return toCsv(rows as Array<Record<(typeof SUBMISSION_COLUMNS)[number], string>>, SUBMISSION_COLUMNS);
}

/** Bytes of a text as UTF-8. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** How many versions and rows the database holds for a site's month. */
export async function storedCounts(
  store: Store,
  siteId: string,
  period: Period,
): Promise<{ versions: number; rows: number; audits: number }> {
  const [counts] = await store.all<{ versions: number; rows: number; audits: number }>(
    `SELECT (SELECT count(*) FROM submission_versions WHERE site_id = ? AND period = ?) AS versions,
            (SELECT count(*) FROM submission_rows WHERE site_id = ? AND period = ?) AS rows,
            (SELECT count(*) FROM audit_log WHERE action = 'submission.store' AND target LIKE ?) AS audits`,
    [siteId, period, siteId, period, `${siteId} ${period} %`],
  );
  return counts ?? { versions: 0, rows: 0, audits: 0 };
}
