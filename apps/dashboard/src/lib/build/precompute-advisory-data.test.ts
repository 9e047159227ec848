import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureTableBytes } from '$lib/data/testing-tables';
import { type NetworkOverviewFile, publishedCounts } from '$lib/overview/network-overview';
import { fixtureNetwork } from '$lib/queries/testing-network';
import { advisoryIndexFile, precomputeAdvisoryData } from './precompute-advisory-data';

const prepareData = path.resolve(__dirname, '../../../scripts/prepare-data.mjs');

describe('precomputeAdvisoryData (the build step behind the Network overview)', () => {
  it('writes one content-hashed, disclosure-controlled file and the index that names it', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'demo-'));
    for (const [name, columns] of Object.entries(fixtureNetwork)) {
      writeFileSync(path.join(from, `${name}.arrow`), fixtureTableBytes(columns).bytes);
    }
    const dataDir = mkdtempSync(path.join(tmpdir(), 'static-data-'));
    execFileSync(process.execPath, [prepareData, '--from', from, '--to', dataDir], { stdio: 'pipe' });

    const { file } = await precomputeAdvisoryData(dataDir);
    expect(file).toMatch(/^advisory\/network-overview\.[0-9a-f]{12}\.json$/);
    expect(JSON.parse(readFileSync(path.join(dataDir, advisoryIndexFile), 'utf8'))).toEqual({ file });
    expect(readdirSync(path.join(dataDir, 'advisory')).sort()).toEqual([
      'index.json',
      path.basename(file ?? ''),
    ]);
    const text = readFileSync(path.join(dataDir, file ?? ''), 'utf8');
    const overview = JSON.parse(text) as NetworkOverviewFile;
    const booking = overview.measures.find((entry) => entry.measure.measure_id === 'booking_by_10wk');
    // April 2024: 92 of 150 across both sites → 90 of 150; May 2024 (S1 only): 70 of 110.
    expect(booking?.series?.numerator).toEqual([90, 70]);
    expect(booking?.series?.denominator).toEqual([150, 110]);
    // The fixture is full of small counts: none survives.
    expect(publishedCounts(overview).every((value) => value === null || value === 0 || value >= 10)).toBe(
      true,
    );
    expect(text).not.toMatch(/"site_id"/);
  });

  it('writes nothing when the data have no submissions', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'static-data-'));
    execFileSync(process.execPath, [prepareData, '--from', path.join(dataDir, 'none'), '--to', dataDir], {
      stdio: 'pipe',
    });
    expect(await precomputeAdvisoryData(dataDir)).toEqual({ file: null, bytes: 0 });
    expect(readdirSync(dataDir)).toEqual(['manifest.json']);
  });
});
