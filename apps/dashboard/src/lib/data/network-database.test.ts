import { DateDay, Int32, Int64, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError } from './data-error';
import type { DataManifest } from './manifest';
import { NetworkDatabase, type StartupProgress } from './network-database';
import { startNodeEngine } from './node-engine';
import type { SqlEngine } from './sql-engine';

/** Site × month × group rows shaped like the network's `submission_value` table. */
function submissionFixture() {
  const months = [Date.UTC(2024, 3, 1), Date.UTC(2024, 4, 1), Date.UTC(2024, 5, 1)];
  const site: string[] = [];
  const period: Date[] = [];
  const group: string[] = [];
  const numerator: bigint[] = [];
  const denominator: number[] = [];
  for (const s of ['SITE_A', 'SITE_B']) {
    for (const [m, month] of months.entries()) {
      for (const [g, code] of ['WHITE', 'BLACK'].entries()) {
        site.push(s);
        period.push(new Date(month));
        group.push(code);
        numerator.push(BigInt(10 + m + g));
        denominator.push(100 + 10 * g);
      }
    }
  }
  return new Table({
    site_id: vectorFromArray(site, new Utf8()),
    period: vectorFromArray(period, new DateDay()),
    ethnic_group: vectorFromArray(group, new Utf8()),
    numerator: vectorFromArray(numerator, new Int64()),
    denominator: vectorFromArray(denominator, new Int32()),
  });
}

const files = new Map<string, Uint8Array>();
const manifestUrl = 'http://127.0.0.1/data/manifest.json';
const fetchFixture = async (url: string, onBytes: (n: number) => void) => {
  const bytes = files.get(url);
  if (!bytes) throw new DataError('download', url, 'the server answered 404 Not Found');
  onBytes(bytes.byteLength);
  return bytes;
};

function manifestOf(entries: { table: string; file: string; rows: number }[]): DataManifest {
  return {
    preparedAt: '2026-11-26T00:00:00Z',
    source: 'test fixture',
    tables: entries.map((entry) => ({
      ...entry,
      bytes: files.get(new URL(entry.file, manifestUrl).href)?.byteLength ?? 0,
      sha256: '0',
    })),
  };
}

let engine: SqlEngine;
let database: NetworkDatabase;
const progress: StartupProgress[] = [];

beforeAll(async () => {
  const table = submissionFixture();
  files.set('http://127.0.0.1/data/submission_value.aaaa.arrow', tableToIPC(table, 'stream'));
  files.set('http://127.0.0.1/data/submission_copy.bbbb.arrow', tableToIPC(table, 'file'));
  engine = await startNodeEngine();
  database = await NetworkDatabase.load(
    engine,
    manifestOf([
      { table: 'submission_value', file: 'submission_value.aaaa.arrow', rows: 12 },
      { table: 'submission_copy', file: 'submission_copy.bbbb.arrow', rows: 12 },
    ]),
    manifestUrl,
    fetchFixture,
    (p) => progress.push(p),
  );
});

afterAll(async () => {
  await database?.close();
});

describe('NetworkDatabase.load', () => {
  it('creates a table from each Arrow file, stream or file format', async () => {
    expect(database.tables.map((t) => t.table)).toEqual(['submission_value', 'submission_copy']);
    const [counts] = await database.query<{ a: number; b: number }>(
      'SELECT (SELECT count(*) FROM submission_value) AS a, (SELECT count(*) FROM submission_copy) AS b',
    );
    expect(counts).toEqual({ a: 12, b: 12 });
  });

  it('reports progress up to ready', () => {
    expect(progress.at(-1)).toEqual({ stage: 'ready', message: 'Data loaded', fraction: 1 });
    expect(progress.some((p) => p.message.includes('submission_copy'))).toBe(true);
  });

  it('refuses a file whose row count differs from the manifest, naming table and counts', async () => {
    await expect(
      NetworkDatabase.load(
        engine,
        manifestOf([{ table: 'stale', file: 'submission_value.aaaa.arrow', rows: 13 }]),
        manifestUrl,
        fetchFixture,
      ),
    ).rejects.toThrow(
      /stale from submission_value\.aaaa\.arrow\): the file holds 12 rows but the manifest lists 13/,
    );
  });

  it('says which file could not be downloaded', async () => {
    const failure = NetworkDatabase.load(
      engine,
      manifestOf([{ table: 'missing', file: 'missing.cccc.arrow', rows: 1 }]),
      manifestUrl,
      fetchFixture,
    );
    await expect(failure).rejects.toBeInstanceOf(DataError);
    await expect(failure).rejects.toThrow(/Downloading a data file failed .*missing\.cccc\.arrow.*404/);
  });

  it('says which table could not be loaded when the bytes are not Arrow', async () => {
    files.set('http://127.0.0.1/data/broken.dddd.arrow', new TextEncoder().encode('site_id,period\n'));
    await expect(
      NetworkDatabase.load(
        engine,
        manifestOf([{ table: 'broken', file: 'broken.dddd.arrow', rows: 1 }]),
        manifestUrl,
        fetchFixture,
      ),
    ).rejects.toThrow(
      /Loading a data file into the database failed \(broken from broken\.dddd\.arrow\): the file holds no Arrow IPC table/,
    );
  });
});

describe('NetworkDatabase.query', () => {
  it('returns counts and sums as numbers, never BigInt', async () => {
    const rows = await database.query<{ site_id: string; events: number; births: number }>(
      `SELECT site_id, sum(numerator) AS events, sum(denominator) AS births
       FROM submission_value GROUP BY site_id ORDER BY site_id`,
    );
    expect(rows).toEqual([
      { site_id: 'SITE_A', events: 69, births: 630 },
      { site_id: 'SITE_B', events: 69, births: 630 },
    ]);
    expect(typeof rows[0]?.events).toBe('number');
    expect(() => JSON.stringify(rows)).not.toThrow();
  });

  it('returns months as Dates at UTC midnight on the first of the month', async () => {
    const rows = await database.query<{ period: Date }>(
      'SELECT DISTINCT period FROM submission_value ORDER BY period',
    );
    expect(rows.map((r) => r.period.toISOString())).toEqual([
      '2024-04-01T00:00:00.000Z',
      '2024-05-01T00:00:00.000Z',
      '2024-06-01T00:00:00.000Z',
    ]);
  });

  it('returns DECIMAL and TIMESTAMP values as numbers and Dates', async () => {
    const [row] = await database.query<{ rate: number; at: Date; n: number | null }>(
      "SELECT 1.25::DECIMAL(10,2) AS rate, TIMESTAMP '2024-04-01 12:30:00' AS at, NULL::BIGINT AS n",
    );
    expect(row).toEqual({ rate: 1.25, at: new Date('2024-04-01T12:30:00Z'), n: null });
  });

  it('binds parameters instead of splicing them into the SQL', async () => {
    const sql = 'SELECT count(*) AS n FROM submission_value WHERE site_id = ? AND ethnic_group = ?';
    expect(await database.query(sql, ['SITE_A', 'BLACK'])).toEqual([{ n: 3 }]);
    expect(await database.query(sql, ["SITE_A' OR '1'='1", 'BLACK'])).toEqual([{ n: 0 }]);
  });

  it('reports the column names and kinds of a result', async () => {
    const result = await database.run('SELECT period, site_id, numerator FROM submission_value LIMIT 1');
    expect(result.columns.map((c) => [c.name, c.kind])).toEqual([
      ['period', 'date'],
      ['site_id', 'string'],
      ['numerator', 'number'],
    ]);
  });

  it('wraps SQL errors with the query and DuckDB’s reason', async () => {
    await expect(database.query('SELECT * FROM no_such_table')).rejects.toThrow(
      /Running a query failed \(SELECT \* FROM no_such_table\): .*no_such_table.*does not exist/s,
    );
  });

  it('never fetches extensions: Parquet fails fast instead of reaching the internet', async () => {
    await expect(database.query("SELECT * FROM read_parquet('x.parquet')")).rejects.toThrow(
      /read_parquet.*not in the catalog/s,
    );
  });

  it('lets SQL read no file, URL or extension once loaded, and keeps it that way', async () => {
    await expect(database.query("SELECT * FROM read_csv('/etc/hostname')")).rejects.toThrow(
      /file system operations are disabled/,
    );
    await expect(database.query('LOAD json')).rejects.toThrow(/Loading external extensions is disabled/);
    await expect(database.query('SET enable_external_access = true')).rejects.toThrow(
      /configuration has been locked/,
    );
  });
});
