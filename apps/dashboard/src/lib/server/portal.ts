import path from 'node:path';
import type { ReferenceTables } from '@maternity-qi/network-data';
import { readReferenceTables, repoDataDir } from '@maternity-qi/network-data/node';
import {
  type BackupScheduleState,
  type BackupSettings,
  backupSettingsFromEnv,
} from './admin/backup-schedule.ts';
import { LoginRateLimit } from './auth/login-rate-limit.ts';
import { migrate } from './db/migrations.ts';
import { DEMO_PASSWORD, seedDemo } from './db/seed-demo.ts';
import { Store } from './db/store.ts';

/** Everything the portal's request handlers share: one per server process. */
export interface Portal {
  store: Store;
  reference: ReferenceTables;
  siteIds: ReadonlySet<string>;
  loginLimit: LoginRateLimit;
  /** Where the repository's data/ folder is (reference tables, demo network, national context). */
  repoData: string;
  /** Where backups go and how often automatic ones are taken (PORTAL_BACKUP_*). */
  backups: BackupSettings;
  /** How the automatic backups are going, for the admin page. */
  backupState: BackupScheduleState;
}

export interface PortalOptions {
  /** Database file; PORTAL_DB or `.portal/portal.duckdb` under the working directory. */
  databaseFile?: string;
  /** Seed the demo network and accounts into an empty database (PORTAL_DEMO=1). */
  demo?: boolean;
}

let current: Promise<Portal> | null = null;

/**
 * Opens the portal's database, migrates it and (for the demo) seeds it, once per process.
 *
 * @example
 * ```ts
 * const { store } = await getPortal();
 * await store.all('SELECT count(*) AS n FROM accounts');
 * ```
 */
export function getPortal(options: PortalOptions = {}): Promise<Portal> {
  current ??= openPortal(options);
  return current;
}

/** Closes the process's portal (tests, graceful shutdown). */
export async function closePortal(): Promise<void> {
  const portal = current;
  current = null;
  if (portal) await (await portal).store.close();
}

async function openPortal(options: PortalOptions): Promise<Portal> {
  const repoData = process.env.PORTAL_DATA_DIR ?? repoDataDir();
  const file = options.databaseFile ?? process.env.PORTAL_DB ?? path.resolve('.portal/portal.duckdb');
  // Checked before the database is opened: a bad setting stops the start, naming the variable.
  const backups = backupSettingsFromEnv(process.env, file);
  const store = await Store.open(file);
  await migrate(store);
  const reference = readReferenceTables(repoData);
  if (options.demo ?? process.env.PORTAL_DEMO === '1') {
    const created = await seedDemo(store, path.join(repoData, 'demo'), reference);
    if (created.length > 0) console.log(`Portal: seeded the demo network into ${file}.`);
    const demo = await store.all<{ email: string; role: string; site_id: string | null }>(
      "SELECT email, role, site_id FROM accounts WHERE email LIKE '%@demo.nhs.uk' AND NOT disabled ORDER BY role, site_id NULLS FIRST",
    );
    console.log(`Portal: demo accounts (password “${DEMO_PASSWORD}” unless changed):`);
    for (const account of demo)
      console.log(
        `  ${account.email.padEnd(28)} ${account.role}${account.site_id ? ` ${account.site_id}` : ''}`,
      );
  }
  return {
    store,
    reference,
    siteIds: new Set(reference.sites.map((s) => s.site_id)),
    loginLimit: new LoginRateLimit(),
    repoData,
    backups,
    backupState: { lastError: null, lastAutomatic: null },
  };
}
