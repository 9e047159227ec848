/**
 * Loads the committed demo dataset into DuckDB (native, @duckdb/node-api, DuckDB 1.4.3 like the
 * browser's DuckDB-WASM 1.32) from CSV and from Arrow IPC, and checks that rates by ethnic group
 * are where the generator's cited base rates put them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_MODELS } from '../src/generator/base-rates.js';
import { repoDataDir } from '../src/node.js';

const DEMO = path.join(repoDataDir(), 'demo');
let connection: DuckDBConnection;

async function rowsOf(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  // Never reach out for extensions (toolchain.md §6): fail fast instead.
  await connection.run('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  await connection.run(`CREATE TABLE submissions_csv AS SELECT * FROM read_csv('${path.join(DEMO, 'submissions.csv')}',
    header = true, columns = {'site_id': 'VARCHAR', 'period': 'VARCHAR', 'measure_id': 'VARCHAR', 'ethnic_category': 'VARCHAR',
    'numerator': 'INTEGER', 'denominator': 'INTEGER', 'version': 'TINYINT'})`);
  await connection.run(
    `CREATE TABLE ethnic_categories AS SELECT * FROM read_csv('${path.join(DEMO, 'ethnic_categories.csv')}', all_varchar = true)`,
  );

  // Native DuckDB has no built-in Arrow IPC reader, so the Arrow file is decoded with
  // apache-arrow (as the browser does before insertArrowFromIPCStream) and appended.
  const arrow = tableFromIPC(readFileSync(path.join(DEMO, 'submissions.arrow')));
  await connection.run(`CREATE TABLE submissions_arrow (site_id VARCHAR, period VARCHAR, measure_id VARCHAR,
    ethnic_category VARCHAR, numerator INTEGER, denominator INTEGER, version TINYINT)`);
  const appender = await connection.createAppender('submissions_arrow');
  const cols = [
    'site_id',
    'period',
    'measure_id',
    'ethnic_category',
    'numerator',
    'denominator',
    'version',
  ].map((c) => arrow.getChild(c));
  for (let i = 0; i < arrow.numRows; i++) {
    const [site, period, measure, category, numerator, denominator, version] = cols.map((c) => c?.get(i));
    appender.appendVarchar(String(site));
    appender.appendVarchar(new Date(Number(period)).toISOString().slice(0, 7));
    appender.appendVarchar(String(measure));
    appender.appendVarchar(String(category));
    appender.appendInteger(Number(numerator));
    appender.appendInteger(Number(denominator));
    appender.appendTinyInt(Number(version));
    appender.endRow();
  }
  appender.closeSync();
});

afterAll(() => connection?.closeSync());

/** Pooled rate per measure and level-1 group over all sites and months, latest versions only (sum, then divide). */
const RATES_BY_GROUP = (table: string) => `
  WITH latest AS (
    SELECT * FROM ${table} QUALIFY version = max(version) OVER (PARTITION BY site_id, period)
  )
  SELECT measure_id, e.level1_group AS grp,
         CAST(sum(numerator) AS DOUBLE) / sum(denominator) AS rate,
         CAST(sum(denominator) AS DOUBLE) AS denominator
  FROM latest JOIN ethnic_categories e ON e.code = latest.ethnic_category AND e.level = 'nhs2001'
  GROUP BY ALL ORDER BY measure_id, grp`;

describe('the demo dataset in DuckDB', () => {
  it('loads the same rows from CSV and from Arrow IPC', async () => {
    const [counts] = await rowsOf(`SELECT
      (SELECT CAST(count(*) AS INTEGER) FROM submissions_csv) AS csv,
      (SELECT CAST(count(*) AS INTEGER) FROM submissions_arrow) AS arrow,
      (SELECT CAST(count(*) AS INTEGER) FROM (SELECT * FROM submissions_csv EXCEPT ALL SELECT * FROM submissions_arrow)) AS differ`);
    expect(counts).toEqual({ csv: 115248, arrow: 115248, differ: 0 });
  });

  it('has rates by ethnic group within the intended ranges (the cited base rates, allowing for site effects and chance)', async () => {
    const rates = await rowsOf(RATES_BY_GROUP('submissions_arrow'));
    let checked = 0;
    for (const model of MEASURE_MODELS) {
      for (const [group, intended] of Object.entries(model.rate)) {
        const row = rates.find((r) => r.measure_id === model.measure_id && r.grp === group);
        expect(row, `${model.measure_id} ${group}`).toBeDefined();
        const rate = Number(row?.rate);
        const events = intended * Number(row?.denominator);
        // Sampling error (4 SE of a Poisson count) plus site effects: 7 sites with SD 0.15 on
        // the logit scale move a pooled rate by about 10%; improvement stories add a few points.
        const tolerance = 4 / Math.sqrt(Math.max(events, 1)) + 0.15;
        expect(
          Math.abs(rate / intended - 1),
          `${model.measure_id} ${group}: ${rate} vs ${intended}`,
        ).toBeLessThan(tolerance);
        checked++;
      }
    }
    expect(checked).toBe(MEASURE_MODELS.length * 6);
  });

  it('shows the published disparities: stillbirth, neonatal death, booking and breastfeeding', async () => {
    const rates = await rowsOf(RATES_BY_GROUP('submissions_csv'));
    const rate = (measure: string, group: string) =>
      Number(rates.find((r) => r.measure_id === measure && r.grp === group)?.rate);
    // MBRRACE-UK: Black stillbirth rate over twice White, Asian about 1.6x.
    expect(rate('stillbirth_rate', 'BLACK') / rate('stillbirth_rate', 'WHITE')).toBeGreaterThan(1.6);
    expect(rate('stillbirth_rate', 'ASIAN') / rate('stillbirth_rate', 'WHITE')).toBeGreaterThan(1.2);
    expect(rate('stillbirth_rate', 'WHITE') * 1000).toBeGreaterThan(2.4);
    expect(rate('stillbirth_rate', 'WHITE') * 1000).toBeLessThan(4.2);
    expect(rate('neonatal_mortality', 'ASIAN')).toBeGreaterThan(rate('neonatal_mortality', 'WHITE'));
    expect(rate('booking_by_10wk', 'WHITE') - rate('booking_by_10wk', 'BLACK')).toBeGreaterThan(0.08);
    expect(rate('breastmilk_first_feed', 'BLACK')).toBeGreaterThan(rate('breastmilk_first_feed', 'WHITE'));
    expect(rate('smoking_at_booking', 'WHITE')).toBeGreaterThan(5 * rate('smoking_at_booking', 'ASIAN'));
  });

  it('records ethnicity for about 93% of deliveries, improving over time', async () => {
    const rows =
      await rowsOf(`SELECT substr(period, 1, 4) AS year, CAST(sum(numerator) AS DOUBLE) / sum(denominator) AS recorded
      FROM submissions_csv WHERE measure_id = 'ethnicity_recorded' AND version = 1 GROUP BY 1 ORDER BY 1`);
    const first = Number(rows[0]?.recorded);
    const last = Number(rows.at(-1)?.recorded);
    expect(first).toBeGreaterThan(0.9);
    expect(first).toBeLessThan(0.97);
    expect(last).toBeGreaterThan(first);
  });

  it('reads the QI tables and the manifest lists every file with its hash', async () => {
    await connection.run(
      `CREATE TABLE annotations AS SELECT * FROM read_csv('${path.join(DEMO, 'annotations.csv')}', all_varchar = true)`,
    );
    const [n] = await rowsOf(
      `SELECT CAST(count(*) AS INTEGER) AS n FROM annotations WHERE kind = 'change_idea'`,
    );
    expect(n?.n).toBe(7);
    const manifest = JSON.parse(readFileSync(path.join(DEMO, 'manifest.json'), 'utf8')) as {
      tables: { file: string; sha256: string }[];
    };
    expect(manifest.tables.map((t) => t.file)).toContain('submissions.arrow');
    expect(manifest.tables.every((t) => /^[0-9a-f]{64}$/.test(t.sha256))).toBe(true);
  });
});
