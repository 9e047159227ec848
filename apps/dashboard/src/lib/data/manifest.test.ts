import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';

const good = {
  preparedAt: '2026-11-26T07:00:00Z',
  source: 'Synthetic demo data',
  tables: [
    { table: 'submission_value', file: 'submission_value.3f9a1c2e.arrow', bytes: 10, rows: 2, sha256: 'ab' },
  ],
};

describe('parseManifest', () => {
  it('accepts a well-formed manifest', () => {
    expect(parseManifest(good, '/data/manifest.json')).toEqual(good);
  });

  it('names the field that is wrong', () => {
    const badName = { ...good, tables: [{ ...good.tables[0], table: 'Drop Table' }] };
    expect(() => parseManifest(badName, '/data/manifest.json')).toThrow(
      'Reading the list of data files failed (/data/manifest.json): tables[0].table "Drop Table" is not a lower-case SQL name',
    );
    const badRows = { ...good, tables: [{ ...good.tables[0], rows: -1 }] };
    expect(() => parseManifest(badRows, 'm')).toThrow('tables[0].rows is not a row count');
    expect(() => parseManifest([], 'm')).toThrow('"preparedAt" is missing');
  });
});
