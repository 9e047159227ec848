import { describe, expect, it } from 'vitest';
import { type Migration, migrate, migrations } from './migrations.ts';
import { Store } from './store.ts';

const TABLES = [
  'accounts',
  'aims',
  'annotations',
  'audit_log',
  'change_ideas',
  'pdsa_cycles',
  'report_comments',
  'reports',
  'schema_migrations',
  'sessions',
  'submission_rows',
  'submission_versions',
];

async function tables(store: Store): Promise<string[]> {
  const rows = await store.all<{ table_name: string }>(
    "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name",
  );
  return rows.map((row) => row.table_name);
}

describe('migrate', () => {
  it('matches its documented example: applies every migration once, then nothing', async () => {
    const store = await Store.open(':memory:');
    const versions = migrations.map((m) => m.version).sort((a, b) => a - b);
    expect(await migrate(store)).toEqual(versions);
    expect(await migrate(store)).toEqual([]);
    expect(await migrate(store)).toEqual([]);
    expect(await tables(store)).toEqual(expect.arrayContaining(TABLES));
    const recorded = await store.all<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(recorded.map((r) => r.version)).toEqual(versions);
    await store.close();
  });

  it('has unique, increasing version numbers', () => {
    const versions = migrations.map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.every((v) => Number.isInteger(v) && v > 0)).toBe(true);
  });

  it('applies only the new migrations, in version order, whatever order they are listed in', async () => {
    const store = await Store.open(':memory:');
    const first: Migration = { version: 1, description: 'a', sql: ['CREATE TABLE a (x INTEGER)'] };
    const third: Migration = { version: 3, description: 'c', sql: ['ALTER TABLE b ADD COLUMN y INTEGER'] };
    const second: Migration = { version: 2, description: 'b', sql: ['CREATE TABLE b (x INTEGER)'] };
    expect(await migrate(store, [first])).toEqual([1]);
    expect(await migrate(store, [third, first, second])).toEqual([2, 3]);
    expect(
      await store.all(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = 'b' ORDER BY column_index",
      ),
    ).toEqual([{ column_name: 'x' }, { column_name: 'y' }]);
    await store.close();
  });

  it('rolls a failing migration back whole and does not record it', async () => {
    const store = await Store.open(':memory:');
    const broken: Migration = {
      version: 1,
      description: 'half good',
      sql: ['CREATE TABLE good (x INTEGER)', 'CREATE TABLE oops (x NOT_A_TYPE)'],
    };
    await expect(migrate(store, [broken])).rejects.toThrow();
    expect(await tables(store)).toEqual(['schema_migrations']);
    expect(await store.all('SELECT * FROM schema_migrations')).toEqual([]);
    await store.close();
  });

  it('enforces in the schema that site roles, and only they, name a site', async () => {
    const store = await Store.open(':memory:');
    await migrate(store);
    const insert = (role: string, site: string | null) =>
      store.write((tx) =>
        tx.run("INSERT INTO accounts VALUES (?, ?, 'N', ?, ?, 'hash', false, now(), now())", [
          `${role}-${site}`,
          `${role}-${site}@x.uk`,
          role,
          site,
        ]),
      );
    await expect(insert('site_lead', null)).rejects.toThrow(/CHECK/i);
    await expect(insert('faculty', 'S1')).rejects.toThrow(/CHECK/i);
    await expect(insert('superuser', null)).rejects.toThrow(/CHECK/i);
    await insert('site_lead', 'S1');
    await insert('faculty', null);
    expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM accounts'))?.n).toBe(2);
    await store.close();
  });
});
