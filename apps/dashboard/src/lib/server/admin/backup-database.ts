import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Actor, recordAudit } from '../db/audit-log.ts';
import type { Store } from '../db/store.ts';
import { AdminError } from './admin-errors.ts';
import { BACKUP_MANIFEST_FILE, type BackupManifest, tableFingerprints } from './backup-manifest.ts';
import { sqlPath } from './sql-path.ts';

/**
 * Backs the portal database up into a new folder: DuckDB's `EXPORT DATABASE` as CSV (one
 * readable file per table, plus schema.sql and load.sql) and a manifest with the schema
 * version and each table's row count and checksum, all from one transaction, so the copy is
 * consistent even while the portal takes writes. NULL is written as `\N`, so an empty text
 * stays distinct from a missing one. The backup is audited (`database.backup`, inside the
 * backup itself). The folder appears only once complete: the export is written beside it
 * and renamed into place. Refuses a folder that exists and is not empty.
 *
 * @example
 * ```ts
 * const manifest = await backupDatabase(store, '/backups/portal-2026-05-01', { accountId: null, email: 'cli:alice' });
 * manifest.tables.accounts.rows; // => 17
 * ```
 */
export async function backupDatabase(store: Store, dir: string, actor: Actor): Promise<BackupManifest> {
  const target = path.resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new AdminError(`${target} already exists and is not empty: back up into a new folder.`);
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    const manifest = await store.write(async (tx) => {
      await recordAudit(tx, actor, 'database.backup', target);
      await tx.run(`EXPORT DATABASE ${sqlPath(partial)} (FORMAT csv, NULLSTR '\\N')`);
      const [facts] = await tx.all<{ schema_version: number; duckdb_version: string }>(
        'SELECT (SELECT max(version) FROM schema_migrations) AS schema_version, version() AS duckdb_version',
      );
      const tables = await tableFingerprints((sql) => tx.all(sql));
      const result: BackupManifest = {
        format: 'maternity-qi-portal-backup',
        formatVersion: 1,
        schemaVersion: Number(facts?.schema_version ?? 0),
        createdAt: new Date().toISOString(),
        createdBy: actor.email,
        duckdbVersion: String(facts?.duckdb_version ?? ''),
        sourceFile: store.file,
        tables,
      };
      writeFileSync(path.join(partial, BACKUP_MANIFEST_FILE), `${JSON.stringify(result, null, 2)}\n`);
      return result;
    });
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(partial, target);
    return manifest;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
