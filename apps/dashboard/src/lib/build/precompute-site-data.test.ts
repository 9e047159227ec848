import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureTableBytes } from '$lib/data/testing-tables';
import { fixtureNetwork } from '$lib/queries/testing-network';
import type { NetworkBundle, SiteBundle } from '$lib/site/site-bundle';
import { networkBundleFile, precomputeSiteData } from './precompute-site-data';

const prepareData = path.resolve(__dirname, '../../../scripts/prepare-data.mjs');

describe('precomputeSiteData (the build step behind the Site page)', () => {
  it('writes the network bundle and one content-hashed file per site from the prepared tables', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'demo-'));
    for (const [name, columns] of Object.entries(fixtureNetwork)) {
      writeFileSync(path.join(from, `${name}.arrow`), fixtureTableBytes(columns).bytes);
    }
    const dataDir = mkdtempSync(path.join(tmpdir(), 'static-data-'));
    execFileSync(process.execPath, [prepareData, '--from', from, '--to', dataDir], { stdio: 'pipe' });

    expect(await precomputeSiteData(dataDir)).toMatchObject({ sites: 2 });
    const network = JSON.parse(readFileSync(path.join(dataDir, networkBundleFile), 'utf8')) as NetworkBundle;
    expect(Object.keys(network.siteFiles).sort()).toEqual(['S1', 'S2']);
    expect(network.siteFiles.S1).toMatch(/^site\/S1\.[0-9a-f]{12}\.json$/);
    expect(readdirSync(path.join(dataDir, 'site'))).toHaveLength(2);
    const s1 = JSON.parse(readFileSync(path.join(dataDir, network.siteFiles.S1 ?? ''), 'utf8')) as SiteBundle;
    expect(s1.counts).toContainEqual(['booking_by_10wk', '2024-04-01', 'BLACK', 12, 30]);
  });

  it('writes nothing when the data have no submissions', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'static-data-'));
    execFileSync(process.execPath, [prepareData, '--from', path.join(dataDir, 'none'), '--to', dataDir], {
      stdio: 'pipe',
    });
    expect(await precomputeSiteData(dataDir)).toEqual({ sites: 0, bytes: 0 });
    expect(readdirSync(dataDir)).toEqual(['manifest.json']);
  });
});
