import { copyFileSync, existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Actor, recordAudit } from '../db/audit-log.ts';
import { migrate, migrations } from '../db/migrations.ts';
import { Store } from '../db/store.ts';
import { AdminError } from './admin-errors.ts';
import { fingerprintDifferences, readBackupManifest, tableFingerprints } from './backup-manifest.ts';
import { openAdminStore } from './open-admin-store.ts';
import { sqlPath } from './sql-path.ts';

/** What a restore did. */
export interface RestoreResult {
  targetFile: string;
  /** Where the database that was replaced now is (only with `force`), or null. */
  replacedFile: string | null;
  /** Rows per table, as checked against the backup's manifest. */
  rows: Record<string, number>;
  /** Migrations applied after the import (a backup made by an older portal). */
  migrationsApplied: number[];
}

function removeDatabaseFiles(file: string): void {
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
}

// Keeps the old database under a new name. A hard link is instant and leaves the original
// path in place until the new file is renamed over it; other file systems get a copy.
function keepReplaced(file: string, stamp: string): string {
  const kept = `${file}.replaced-${stamp}`;
  try {
    linkSync(file, kept);
  } catch {
    copyFileSync(file, kept);
  }
  // A write-ahead log left beside the old file belongs to it: never let it replay into the new one.
  if (existsSync(`${file}.wal`)) renameSync(`${file}.wal`, `${kept}.wal`);
  return kept;
}

/**
 * Restores a backup made by {@link backupDatabase} into `targetFile`: imports it into a new
 * database file beside the target (`IMPORT DATABASE`), checks every table's row count and
 * checksum against the manifest, applies newer migrations, records `database.restore` in the
 * audit log, and only then renames the new file into place (atomic on one file system). A
 * failed restore leaves the target untouched. Refuses when the target exists unless
 * `force`, and then keeps the old database as `<target>.replaced-<time>`; refuses a target
 * another process (the running portal) has open.
 *
 * @example
 * ```ts
 * const result = await restoreDatabase('/backups/portal-2026-05-01', '/srv/portal/portal.duckdb',
 *   { force: false, actor: { accountId: null, email: 'cli:alice' } });
 * result.rows.accounts; // => 17
 * ```
 */
export async function restoreDatabase(
  fromDir: string,
  targetFile: string,
  options: { force: boolean; actor: Actor; now?: Date },
): Promise<RestoreResult> {
  const source = path.resolve(fromDir);
  const target = path.resolve(targetFile);
  const manifest = readBackupManifest(source);
  const newest = Math.max(...migrations.map((m) => m.version));
  if (manifest.schemaVersion > newest)
    throw new AdminError(
      `${source} was made by a newer portal (schema version ${manifest.schemaVersion}; this one knows up to ${newest}). Restore it with that version.`,
    );
  const exists = existsSync(target);
  if (exists && !options.force)
    throw new AdminError(
      `${target} already exists. Restoring would replace it: stop the portal, then run restore again with --force (the current database is kept as ${path.basename(target)}.replaced-<time>).`,
    );
  // Opening it is how to know no other process has it (DuckDB's lock); closing checkpoints its WAL.
  if (exists) await (await openAdminStore(target)).close();

  const temporary = `${target}.restoring-${process.pid}`;
  removeDatabaseFiles(temporary);
  let result: Omit<RestoreResult, 'replacedFile'>;
  try {
    const store = await Store.open(temporary);
    try {
      await store.write((tx) => tx.run(`IMPORT DATABASE ${sqlPath(source)}`));
      const restored = await tableFingerprints((sql) => store.all(sql));
      const problems = fingerprintDifferences(manifest.tables, restored);
      if (problems.length > 0)
        throw new AdminError(
          `The restored database does not match the backup's manifest, so ${target} was left as it was:\n  ${problems.join('\n  ')}`,
        );
      const migrationsApplied = await migrate(store);
      await store.write((tx) =>
        recordAudit(tx, options.actor, 'database.restore', source, {
          backup_created_at: manifest.createdAt,
          schema_version: manifest.schemaVersion,
          migrations_applied: migrationsApplied,
        }),
      );
      await store.checkpoint();
      result = {
        targetFile: target,
        rows: Object.fromEntries(Object.entries(restored).map(([table, f]) => [table, f.rows])),
        migrationsApplied,
      };
    } finally {
      await store.close();
    }
  } catch (error) {
    removeDatabaseFiles(temporary);
    throw error;
  }
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const replacedFile = exists ? keepReplaced(target, stamp) : null;
  renameSync(temporary, target);
  // Closing checkpoints, so there should be no log; if there is one it holds committed data.
  if (existsSync(`${temporary}.wal`)) renameSync(`${temporary}.wal`, `${target}.wal`);
  return { ...result, replacedFile };
}
