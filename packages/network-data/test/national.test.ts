import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readNationalProviders, repoDataDir, writeNationalNetwork } from '../src/node.js';

describe('national-scale variant', () => {
  const providers = readNationalProviders(
    path.join(repoDataDir(), 'national-context', 'provider-ethnic-mix.csv'),
    path.join(repoDataDir(), 'trust-regions.csv'),
  );

  it('has every English provider with at least 500 deliveries, pseudonymised', () => {
    expect(providers.length).toBe(122);
    expect(providers[0]?.site_id).toBe('T001');
    // 120 months x 19 measures x 19 categories per provider: about 5 million rows in all.
    expect(providers.length * 120 * (18 * 19 + 1)).toBeGreaterThan(5_000_000);
  });

  it('streams one Arrow batch per provider with shared dictionaries, and the same rows as CSV', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'national-'));
    const result = writeNationalNetwork(dir, providers.slice(0, 3), { months: 3 });
    expect(result.rows).toBe(3 * 3 * (18 * 19 + 1));
    const table = tableFromIPC(readFileSync(path.join(dir, 'submissions.arrow')));
    expect(table.numRows).toBe(result.rows);
    expect(table.batches).toHaveLength(3);
    expect(table.getChild('site_id')?.get(result.rows - 1)).toBe('T003');
    const csvLines = readFileSync(path.join(dir, 'submissions.csv'), 'utf8').trimEnd().split('\n');
    expect(csvLines).toHaveLength(result.rows + 1);
    const last = table.get(result.rows - 1)?.toJSON();
    expect(csvLines.at(-1)).toBe(
      [
        last?.site_id,
        '2016-06',
        last?.measure_id,
        last?.ethnic_category,
        last?.numerator,
        last?.denominator,
        1,
      ].join(','),
    );
  });
});
