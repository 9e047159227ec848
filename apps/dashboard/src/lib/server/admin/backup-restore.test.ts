import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../auth/accounts.ts';
import { recordAudit } from '../db/audit-log.ts';
import { migrations } from '../db/migrations.ts';
import { Store } from '../db/store.ts';
import { demoStore, knownSiteIds, migratedStore, tempFolder, testActor } from '../testing/temp-portal.ts';
import { AdminError, DatabaseInUseError } from './admin-errors.ts';
import { backupDatabase } from './backup-database.ts';
import {
  BACKUP_MANIFEST_FILE,
  type BackupManifest,
  fingerprintDifferences,
  readBackupManifest,
  tableFingerprints,
} from './backup-manifest.ts';
import { restoreDatabase } from './restore-database.ts';

const folder = tempFolder();
const sourceFile = path.join(folder.dir, 'source.duckdb');
const backupDir = path.join(folder.dir, 'backups', 'first');
let manifest: BackupManifest;

async function tables(store: Store): Promise<string[]> {
  const rows = await store.all<{ table_name: string }>(
    "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name",
  );
  return rows.map((row) => row.table_name);
}

beforeAll(async () => {
  const store = await demoStore(sourceFile);
  // Text a CSV round trip could mangle: commas, quotes, new lines, formulas, empty vs missing.
  await createAccount(
    store,
    testActor,
    {
      email: 'tricky@site-c.nhs.uk',
      displayName: '=HYPERLINK("https://evil.example","x"), "quoted"\nsecond line',
      role: 'site_data_entry',
      siteId: 'S3',
      password: 'a long test password',
    },
    knownSiteIds,
  );
  await store.write(async (tx) => {
    await tx.run(
      "INSERT INTO annotations VALUES ('ANN-EMPTY', 'S1', '2025-01', NULL, '', 'note', 'empty groups, missing measure')",
    );
    await tx.run(
      "INSERT INTO reports VALUES ('S1', '2025-01', '# March\n\nA, b; \"c\"', 'draft', NULL, now(), NULL)",
    );
  });
  manifest = await backupDatabase(store, backupDir, testActor);
  await store.close();
});

afterAll(() => folder.remove());

describe('backupDatabase', () => {
  it('writes DuckDB’s CSV export and a manifest of every table', async () => {
    const files = readdirSync(backupDir).sort();
    expect(files).toContain(BACKUP_MANIFEST_FILE);
    expect(files).toContain('schema.sql');
    expect(files).toContain('load.sql');
    const store = await Store.open(sourceFile);
    try {
      const names = await tables(store);
      expect(Object.keys(manifest.tables).sort()).toEqual(names);
      for (const name of names) expect(files).toContain(`${name}.csv`);
      expect(manifest.schemaVersion).toBe(Math.max(...migrations.map((m) => m.version)));
      expect(manifest.duckdbVersion).toBe('v1.4.3');
      // The backup's own audit entry is inside the backup (same transaction).
      const audited = await store.one<{ n: number }>(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'database.backup'",
      );
      expect(audited?.n).toBe(1);
      expect(manifest.tables.audit_log?.rows).toBe(
        (await store.one<{ n: number }>('SELECT count(*) AS n FROM audit_log'))?.n,
      );
      expect(manifest.tables.accounts?.rows).toBe(3 + 2 * knownSiteIds.size + 1);
    } finally {
      await store.close();
    }
    expect(readBackupManifest(backupDir)).toEqual(manifest);
  });

  it('refuses a folder that is not empty, and leaves it as it was', async () => {
    const store = await Store.open(sourceFile);
    try {
      await expect(backupDatabase(store, backupDir, testActor)).rejects.toThrow(
        /already exists and is not empty/,
      );
      expect(readBackupManifest(backupDir).createdAt).toBe(manifest.createdAt);
      expect(readdirSync(path.dirname(backupDir))).toEqual(['first']);
    } finally {
      await store.close();
    }
  });
});

describe('restoreDatabase', () => {
  it('round trip: every table has the same rows, the first rows read back equal', async () => {
    const target = path.join(folder.dir, 'restored', 'portal.duckdb');
    const result = await restoreDatabase(backupDir, target, { force: false, actor: testActor });
    expect(result.replacedFile).toBeNull();
    expect(result.migrationsApplied).toEqual([]);
    expect(existsSync(`${target}.wal`)).toBe(false);
    expect(readdirSync(path.dirname(target))).toEqual(['portal.duckdb']);

    const source = await Store.open(sourceFile);
    const restored = await Store.open(target);
    try {
      const names = await tables(source);
      expect(await tables(restored)).toEqual(names);
      for (const name of names) {
        const query = `SELECT * FROM "${name}" ORDER BY ALL LIMIT 5`;
        const count = `SELECT count(*) AS n FROM "${name}"`;
        const extra = name === 'audit_log' ? 1 : 0; // the restore's own entry
        expect((await restored.one<{ n: number }>(count))?.n, name).toBe(
          ((await source.one<{ n: number }>(count))?.n ?? 0) + extra,
        );
        if (name !== 'audit_log') expect(await restored.all(query), name).toEqual(await source.all(query));
      }
      // Every cell, not just the first rows: the checksums match apart from the new audit entry.
      const before = await tableFingerprints((sql) => source.all(sql));
      const after = await tableFingerprints((sql) => restored.all(sql));
      const logged = manifest.tables.audit_log?.rows ?? 0;
      expect(logged).toBe(1 + (3 + 2 * knownSiteIds.size) + 1 + 1); // seed, demo accounts, tricky, backup
      expect(fingerprintDifferences(before, after)).toEqual([
        `audit_log: the backup has ${logged} rows, the restored database ${logged + 1}.`,
      ]);
      const tricky = await restored.one<{ display_name: string }>(
        "SELECT display_name FROM accounts WHERE email = 'tricky@site-c.nhs.uk'",
      );
      expect(tricky?.display_name).toBe('=HYPERLINK("https://evil.example","x"), "quoted"\nsecond line');
      const empty = await restored.one<{ measure_id: string | null; ethnic_groups: string | null }>(
        "SELECT measure_id, ethnic_groups FROM annotations WHERE annotation_id = 'ANN-EMPTY'",
      );
      expect(empty).toEqual({ measure_id: null, ethnic_groups: '' });
      const last = await restored.one<{ action: string; email: string }>(
        'SELECT action, email FROM audit_log ORDER BY audit_id DESC LIMIT 1',
      );
      expect(last).toEqual({ action: 'database.restore', email: 'test:vitest' });
      // Sequences carry on after the restored ids (no primary key clash on the next write).
      await restored.write((tx) => recordAudit(tx, testActor, 'test.after_restore', null));
      const ids = await restored.all<{ audit_id: number }>(
        'SELECT audit_id FROM audit_log ORDER BY audit_id',
      );
      expect(new Set(ids.map((r) => r.audit_id)).size).toBe(ids.length);
    } finally {
      await source.close();
      await restored.close();
    }
  });

  it('refuses to replace an existing database without force, and changes nothing', async () => {
    const target = path.join(folder.dir, 'existing.duckdb');
    const store = await migratedStore(target);
    await store.close();
    const before = readFileSync(target);
    await expect(restoreDatabase(backupDir, target, { force: false, actor: testActor })).rejects.toThrow(
      /already exists.*--force/s,
    );
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(folder.dir).filter((f) => f.startsWith('existing'))).toEqual(['existing.duckdb']);
  });

  it('with force, replaces it and keeps the old database beside it', async () => {
    const target = path.join(folder.dir, 'forced.duckdb');
    const store = await migratedStore(target);
    await store.close();
    const result = await restoreDatabase(backupDir, target, {
      force: true,
      actor: testActor,
      now: new Date('2026-05-01T09:00:00Z'),
    });
    expect(result.replacedFile).toBe(`${target}.replaced-2026-05-01T09-00-00-000Z`);
    const old = await Store.open(result.replacedFile as string);
    const restored = await Store.open(target);
    try {
      expect((await old.one<{ n: number }>('SELECT count(*) AS n FROM accounts'))?.n).toBe(0);
      expect((await restored.one<{ n: number }>('SELECT count(*) AS n FROM accounts'))?.n).toBe(
        manifest.tables.accounts?.rows,
      );
    } finally {
      await old.close();
      await restored.close();
    }
  });

  it('refuses a database another process has open (the running portal)', async () => {
    const target = path.join(folder.dir, 'busy.duckdb');
    (await migratedStore(target)).close();
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         await DuckDBInstance.create(${JSON.stringify(target)});
         console.log('open'); setTimeout(() => {}, 60000);`,
      ],
      { cwd: path.resolve(__dirname, '../../../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk) => String(chunk).includes('open') && resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      const attempt = restoreDatabase(backupDir, target, { force: true, actor: testActor });
      await expect(attempt).rejects.toBeInstanceOf(DatabaseInUseError);
      await expect(attempt).rejects.toThrow(/Stop the portal first, or use the admin page/);
      expect(readdirSync(folder.dir).filter((f) => f.startsWith('busy.duckdb'))).toEqual(['busy.duckdb']);
    } finally {
      holder.kill();
    }
  });

  it('refuses a backup whose files no longer match its manifest, leaving the target as it was', async () => {
    const tampered = path.join(folder.dir, 'backups', 'tampered');
    const store = await Store.open(sourceFile);
    await backupDatabase(store, tampered, testActor);
    await store.close();
    const csv = path.join(tampered, 'aims.csv');
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    writeFileSync(csv, `${lines.slice(0, -1).join('\n')}\n`);
    const target = path.join(folder.dir, 'not-made.duckdb');
    await expect(restoreDatabase(tampered, target, { force: false, actor: testActor })).rejects.toThrow(
      /aims: the backup has \d+ rows, the restored database \d+\./,
    );
    expect(readdirSync(folder.dir).filter((f) => f.startsWith('not-made'))).toEqual([]);

    // Same number of rows, one cell changed: the checksum notices.
    writeFileSync(csv, lines.join('\n').replace('Reduce', 'Raise').concat('\n'));
    await expect(restoreDatabase(tampered, target, { force: false, actor: testActor })).rejects.toThrow(
      /aims: same number of rows \(\d+\) but different contents/,
    );
  });

  it('refuses a folder that is not a backup, or one from a newer portal', async () => {
    const target = path.join(folder.dir, 'never.duckdb');
    await expect(
      restoreDatabase(path.join(folder.dir, 'backups'), target, { force: false, actor: testActor }),
    ).rejects.toThrow(/is not a portal backup: it has no portal-backup\.json/);
    const newer = path.join(folder.dir, 'backups', 'newer');
    const store = await Store.open(sourceFile);
    await backupDatabase(store, newer, testActor);
    await store.close();
    const file = path.join(newer, BACKUP_MANIFEST_FILE);
    writeFileSync(file, JSON.stringify({ ...readBackupManifest(newer), schemaVersion: 999 }));
    await expect(restoreDatabase(newer, target, { force: false, actor: testActor })).rejects.toThrow(
      /made by a newer portal \(schema version 999/,
    );
    writeFileSync(file, '{ not json');
    expect(() => readBackupManifest(newer)).toThrow(AdminError);
    expect(() => readBackupManifest(newer)).toThrow(/is not valid JSON/);
    expect(existsSync(target)).toBe(false);
  });
});

describe('fingerprintDifferences', () => {
  it('matches its documented example and names missing and extra tables', () => {
    expect(
      fingerprintDifferences(
        { accounts: { rows: 3, checksum: '9' } },
        { accounts: { rows: 2, checksum: '7' } },
      ),
    ).toEqual(['accounts: the backup has 3 rows, the restored database 2.']);
    expect(
      fingerprintDifferences({ a: { rows: 1, checksum: '1' } }, { b: { rows: 1, checksum: '1' } }),
    ).toEqual([
      'a: in the backup but missing from the restored database.',
      'b: in the restored database but not in the backup.',
    ]);
    expect(
      fingerprintDifferences({ a: { rows: 1, checksum: '1' } }, { a: { rows: 1, checksum: '1' } }),
    ).toEqual([]);
  });
});
