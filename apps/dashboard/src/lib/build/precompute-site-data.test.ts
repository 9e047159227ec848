import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureTableBytes } from '$lib/data/testing-tables';
import type { DisparityNetworkBundle, MeasureCountsBundle } from '$lib/disparity/disparity-bundle';
import { fixtureNetwork } from '$lib/queries/testing-network';
import type { NetworkBundle, SiteBundle } from '$lib/site/site-bundle';
import { disparityNetworkFile } from './precompute-disparity-data';
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

    // The Disparity explorer's and Measure page's files, from the same database.
    const disparity = JSON.parse(
      readFileSync(path.join(dataDir, disparityNetworkFile), 'utf8'),
    ) as DisparityNetworkBundle;
    expect(disparity.months).toEqual(['2024-04', '2024-05']);
    expect(disparity.level2.map((group) => group.code)).toContain('BLACK_CARIBBEAN');
    expect(disparity.measureFiles.booking_by_10wk).toMatch(
      /^disparity\/booking_by_10wk\.[0-9a-f]{12}\.json$/,
    );
    const booking = JSON.parse(
      readFileSync(path.join(dataDir, disparity.measureFiles.booking_by_10wk ?? ''), 'utf8'),
    ) as MeasureCountsBundle;
    expect(booking.counts).toContainEqual(['S1', '2024-04', 'BLACK_CARIBBEAN', 4, 10]);
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
