import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Row } from '../db/store.ts';
import { AdminError } from './admin-errors.ts';

/** The file in a backup folder that says what the backup holds. */
export const BACKUP_MANIFEST_FILE = 'portal-backup.json';

/** A table's size and content fingerprint: what a restore must reproduce exactly. */
export interface TableFingerprint {
  rows: number;
  /** Sum of DuckDB's hash of every row, as text: equal content gives an equal sum. */
  checksum: string;
}

/** What a backup folder holds, written beside DuckDB's export (schema.sql, load.sql, CSVs). */
export interface BackupManifest {
  format: 'maternity-qi-portal-backup';
  formatVersion: 1;
  /** The newest migration applied to the database that was backed up. */
  schemaVersion: number;
  /** ISO 8601, UTC. */
  createdAt: string;
  createdBy: string;
  duckdbVersion: string;
  sourceFile: string;
  tables: Record<string, TableFingerprint>;
}

/** Reads rows inside whatever transaction or connection the caller has. */
export type QueryRows = (sql: string) => Promise<Row[]>;

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Row count and content checksum of every table in the database, read through `query` (pass
 * a transaction's `all` so the figures describe the same snapshot as the export).
 *
 * @example
 * ```ts
 * await store.write((tx) => tableFingerprints((sql) => tx.all(sql)));
 * // => { accounts: { rows: 17, checksum: '1234…' }, audit_log: { rows: 18, checksum: '…' }, … }
 * ```
 */
export async function tableFingerprints(query: QueryRows): Promise<Record<string, TableFingerprint>> {
  const tables = await query(
    "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name",
  );
  const result: Record<string, TableFingerprint> = {};
  for (const { table_name } of tables) {
    const name = String(table_name);
    const [row] = await query(
      `SELECT count(*) AS n, CAST(coalesce(sum(hash(t)), 0) AS VARCHAR) AS checksum FROM ${quoteIdentifier(name)} AS t`,
    );
    result[name] = { rows: Number(row?.n ?? 0), checksum: String(row?.checksum ?? '0') };
  }
  return result;
}

/**
 * How a restored database differs from its manifest, one sentence per table; empty when
 * every table has the same rows.
 *
 * @example
 * ```ts
 * fingerprintDifferences({ accounts: { rows: 3, checksum: '9' } }, { accounts: { rows: 2, checksum: '7' } });
 * // => ['accounts: the backup has 3 rows, the restored database 2.']
 * ```
 */
export function fingerprintDifferences(
  expected: Record<string, TableFingerprint>,
  actual: Record<string, TableFingerprint>,
): string[] {
  const problems: string[] = [];
  for (const [table, want] of Object.entries(expected)) {
    const got = actual[table];
    if (!got) problems.push(`${table}: in the backup but missing from the restored database.`);
    else if (got.rows !== want.rows)
      problems.push(`${table}: the backup has ${want.rows} rows, the restored database ${got.rows}.`);
    else if (got.checksum !== want.checksum)
      problems.push(`${table}: same number of rows (${want.rows}) but different contents.`);
  }
  for (const table of Object.keys(actual))
    if (!(table in expected)) problems.push(`${table}: in the restored database but not in the backup.`);
  return problems;
}

/**
 * Reads and checks a backup folder's manifest; the error says what is wrong with it.
 *
 * @example
 * ```ts
 * readBackupManifest('/backups/portal-2026-05-01').schemaVersion; // => 1
 * ```
 */
export function readBackupManifest(dir: string): BackupManifest {
  const file = path.join(dir, BACKUP_MANIFEST_FILE);
  if (!existsSync(file))
    throw new AdminError(`${dir} is not a portal backup: it has no ${BACKUP_MANIFEST_FILE}.`);
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AdminError(`${file} is not valid JSON (${(error as Error).message}).`);
  }
  if (manifest.format !== 'maternity-qi-portal-backup' || manifest.formatVersion !== 1)
    throw new AdminError(`${file} is not a version 1 portal backup manifest.`);
  if (!Number.isInteger(manifest.schemaVersion))
    throw new AdminError(`${file}: schemaVersion must be a whole number.`);
  const tables = manifest.tables;
  if (!tables || typeof tables !== 'object')
    throw new AdminError(`${file}: tables must list every table's rows and checksum.`);
  for (const [table, fingerprint] of Object.entries(tables)) {
    if (!Number.isInteger(fingerprint?.rows) || typeof fingerprint?.checksum !== 'string')
      throw new AdminError(`${file}: table ${table} needs whole-number rows and a checksum.`);
    if (!existsSync(path.join(dir, `${table}.csv`)))
      throw new AdminError(`${dir}: ${table}.csv is missing (the manifest lists ${fingerprint.rows} rows).`);
  }
  for (const part of ['schema.sql', 'load.sql'])
    if (!existsSync(path.join(dir, part))) throw new AdminError(`${dir}: ${part} is missing.`);
  return manifest as BackupManifest;
}
