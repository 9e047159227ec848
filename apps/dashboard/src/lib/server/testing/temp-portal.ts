// Test support (imported only by *.test.ts): throwaway folders and portal databases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readReferenceTables, repoDataDir } from '@maternity-qi/network-data/node';
import type { Actor } from '../db/audit-log.ts';
import { migrate } from '../db/migrations.ts';
import { seedDemo } from '../db/seed-demo.ts';
import { Store } from '../db/store.ts';

/** The repository's reference tables (sites S1..S7) and the demo network beside them. */
export const reference = readReferenceTables();

/** The ids of the reference sites. */
export const knownSiteIds: ReadonlySet<string> = new Set(reference.sites.map((site) => site.site_id));

/** An actor for tests' writes. */
export const testActor: Actor = { accountId: null, email: 'test:vitest' };

/**
 * A new empty folder under the system temp folder, and a function that removes it.
 *
 * @example
 * ```ts
 * const { dir, remove } = tempFolder();
 * remove();
 * ```
 */
export function tempFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wt-admin-vitest-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A migrated portal database (in memory unless a file is given).
 *
 * @example
 * ```ts
 * const store = await migratedStore();
 * await store.close();
 * ```
 */
export async function migratedStore(file = ':memory:'): Promise<Store> {
  const store = await Store.open(file);
  await migrate(store);
  return store;
}

/**
 * A migrated database with the demo network and the demo accounts seeded.
 *
 * @example
 * ```ts
 * const store = await demoStore(path.join(tempFolder().dir, 'p.duckdb'));
 * ```
 */
export async function demoStore(file = ':memory:'): Promise<Store> {
  const store = await migratedStore(file);
  await seedDemo(store, path.join(repoDataDir(), 'demo'), reference);
  return store;
}
