import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readReferenceTables } from '@maternity-qi/network-data/node';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { audienceTables, readStagedTables, STAGED_TABLES, type StagedTables } from './audience-tables';

function staging(overrides: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aud-staged-'));
  const texts: Record<string, string> = {
    submissions:
      'site_id,period,measure_id,ethnic_category,numerator,denominator,version\nS1,2025-01,pph_1500,ALL,4,100,1\nS2,2025-01,pph_1500,ALL,,,1\n',
    submission_log: 'site_id,period,version,submitted_on,note\nS1,2025-01,1,2025-02-10,\n',
    aims: 'aim_id,site_id,measure_id,ethnic_groups,statement,baseline_value,target_value,target_period\n',
    change_ideas: 'change_idea_id,aim_id,primary_driver,title,site_id\n',
    pdsa_cycles: 'pdsa_id,change_idea_id,cycle,start_period,end_period,plan,study,act,do_notes,site_id\n',
    annotations: 'annotation_id,site_id,period,measure_id,ethnic_groups,kind,text\n',
    ...overrides,
  };
  for (const [table, text] of Object.entries(texts)) writeFileSync(path.join(dir, `${table}.csv`), text);
  return dir;
}

describe('readStagedTables', () => {
  it('reads every table, with empty fields as null', () => {
    const staged = readStagedTables(staging());
    expect(Object.keys(staged)).toEqual([...STAGED_TABLES]);
    expect(staged.submissions[1]).toMatchObject({ site_id: 'S2', numerator: null, denominator: null });
    expect(staged.submission_log[0]?.note).toBeNull();
  });

  it('names the file and line of a malformed export', () => {
    expect(() => readStagedTables(staging({ aims: 'aim_id,site_id\nAIM-1,S1,extra\n' }))).toThrow(
      /aims\.csv line 2: 3 fields where the header has 2/,
    );
    expect(() => readStagedTables(staging({ annotations: 'annotation_id\n"unterminated\n' }))).toThrow(
      /annotations\.csv line 2/,
    );
  });
});

describe('audienceTables', () => {
  const reference = readReferenceTables();
  const staged: StagedTables = readStagedTables(staging());

  it("keeps a site's rows only, and only its own line of the sites table", () => {
    const tables = audienceTables(staged, reference, { kind: 'site', siteId: 'S2' });
    const submissions = tableFromIPC(tables.get('submissions') as Uint8Array);
    expect(submissions.toArray().map((row) => [row.site_id, row.numerator])).toEqual([['S2', null]]);
    expect(tableFromIPC(tables.get('submission_log') as Uint8Array).numRows).toBe(0);
    const sites = tableFromIPC(tables.get('sites') as Uint8Array).toArray();
    expect(sites.map((row) => row.site_id)).toEqual(['S2']);
    expect(tableFromIPC(tables.get('measures') as Uint8Array).numRows).toBe(reference.measures.length);
  });

  it('writes the demo network’s column types, so the browser’s SQL is the same', () => {
    const submissions = tableFromIPC(
      audienceTables(staged, reference, { kind: 'network' }).get('submissions') as Uint8Array,
    );
    expect(submissions.schema.fields.map((field) => `${field.name}: ${field.type}`)).toEqual([
      'site_id: Dictionary<Int16, Utf8>',
      'period: Date32<DAY>',
      'measure_id: Dictionary<Int16, Utf8>',
      'ethnic_category: Dictionary<Int16, Utf8>',
      'numerator: Int32',
      'denominator: Int32',
      'version: Int8',
    ]);
  });

  it('gives the advisory group no table of submissions or QI activity', () => {
    expect([...audienceTables(staged, reference, { kind: 'advisory' }).keys()].sort()).toEqual([
      'ethnic_categories',
      'measures',
      'regions',
      'sites',
    ]);
  });
});
