import path from 'node:path';
import type { ReferenceTables } from '@maternity-qi/network-data';
import { createAccount } from '../auth/accounts.ts';
import type { Role } from '../auth/roles.ts';
import { type Actor, recordAudit } from './audit-log.ts';
import type { Store } from './store.ts';

/** Every demo account signs in with this password (printed on start; demo data only). */
export const DEMO_PASSWORD = 'maternity-qi-demo';

/** A demo account: one per network role, and a lead and a data-entry account per site. */
export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  siteId: string | null;
}

const SEED_ACTOR: Actor = { accountId: null, email: 'system:demo-seed' };

/**
 * The demo accounts for a network's sites.
 *
 * @example
 * ```ts
 * demoAccounts([{ site_id: 'S1', display_name: 'Site A (London)' }]).map((a) => a.email);
 * // => ['admin@demo.nhs.uk', 'faculty@demo.nhs.uk', 'advisory@demo.nhs.uk', 'lead.s1@demo.nhs.uk', 'data.s1@demo.nhs.uk']
 * ```
 */
export function demoAccounts(sites: ReadonlyArray<{ site_id: string; display_name: string }>): DemoAccount[] {
  return [
    { email: 'admin@demo.nhs.uk', displayName: 'Network admin (demo)', role: 'network_admin', siteId: null },
    {
      email: 'faculty@demo.nhs.uk',
      displayName: 'Improvement faculty (demo)',
      role: 'faculty',
      siteId: null,
    },
    {
      email: 'advisory@demo.nhs.uk',
      displayName: 'Advisory group member (demo)',
      role: 'advisory',
      siteId: null,
    },
    ...sites.flatMap((site) => {
      const key = site.site_id.toLowerCase();
      return [
        {
          email: `lead.${key}@demo.nhs.uk`,
          displayName: `${site.display_name} lead (demo)`,
          role: 'site_lead' as const,
          siteId: site.site_id,
        },
        {
          email: `data.${key}@demo.nhs.uk`,
          displayName: `${site.display_name} data entry (demo)`,
          role: 'site_data_entry' as const,
          siteId: site.site_id,
        },
      ];
    }),
  ];
}

function csv(dir: string, table: string): string {
  // Single quotes doubled: the path goes into SQL text (read_csv takes no parameters).
  return `read_csv('${path.join(dir, `${table}.csv`).replaceAll("'", "''")}', header = true, all_varchar = true)`;
}

/**
 * Fills an empty portal database with the bundled demo network (every submission version,
 * aims, change ideas, PDSA cycles, annotations) and the demo accounts. Does nothing when the
 * database already has accounts, so restarting never overwrites real work.
 * Returns the accounts created (empty when it did nothing).
 */
export async function seedDemo(
  store: Store,
  demoDir: string,
  reference: ReferenceTables,
): Promise<DemoAccount[]> {
  const existing = await store.one<{ n: number }>('SELECT count(*) AS n FROM accounts');
  if ((existing?.n ?? 0) > 0) return [];
  await store.write(async (tx) => {
    await tx.run(`INSERT INTO submission_versions
      SELECT site_id, period, CAST(version AS INTEGER), NULL, CAST(submitted_on AS TIMESTAMP), 0, NULL, NULLIF(note, '')
      FROM ${csv(demoDir, 'submission_log')}`);
    await tx.run(`INSERT INTO submission_rows
      SELECT site_id, period, CAST(version AS INTEGER), measure_id, ethnic_category,
             TRY_CAST(NULLIF(numerator, '') AS INTEGER), TRY_CAST(NULLIF(denominator, '') AS INTEGER)
      FROM ${csv(demoDir, 'submissions')}`);
    await tx.run(`UPDATE submission_versions v SET row_count = c.n FROM (
        SELECT site_id, period, version, count(*) AS n FROM submission_rows GROUP BY ALL) c
      WHERE v.site_id = c.site_id AND v.period = c.period AND v.version = c.version`);
    await tx.run(`INSERT INTO aims SELECT aim_id, site_id, measure_id, ethnic_groups, statement,
      TRY_CAST(baseline_value AS DOUBLE), CAST(target_value AS DOUBLE), target_period FROM ${csv(demoDir, 'aims')}`);
    await tx.run(
      `INSERT INTO change_ideas SELECT change_idea_id, aim_id, primary_driver, title FROM ${csv(demoDir, 'change_ideas')}`,
    );
    await tx.run(`INSERT INTO pdsa_cycles (pdsa_id, change_idea_id, cycle, start_period, end_period, plan,
      do_notes, study, act) SELECT pdsa_id, change_idea_id, CAST(cycle AS INTEGER), start_period,
      NULLIF(end_period, ''), plan, NULL, NULLIF(study, ''), NULLIF(act, '') FROM ${csv(demoDir, 'pdsa_cycles')}`);
    await tx.run(`INSERT INTO annotations SELECT annotation_id, site_id, period, NULLIF(measure_id, ''),
      NULLIF(ethnic_groups, ''), kind, text FROM ${csv(demoDir, 'annotations')}`);
    await recordAudit(tx, SEED_ACTOR, 'demo.seed', demoDir);
  });
  const accounts = demoAccounts(reference.sites);
  const siteIds = new Set(reference.sites.map((s) => s.site_id));
  for (const account of accounts)
    await createAccount(store, SEED_ACTOR, { ...account, password: DEMO_PASSWORD }, siteIds);
  return accounts;
}
