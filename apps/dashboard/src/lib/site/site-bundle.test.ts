import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkDatabase } from '$lib/data/network-database';
import { startNodeEngine } from '$lib/data/node-engine';
import { loadFixtureTables } from '$lib/data/testing-tables';
import { siteMonthlyCounts } from '$lib/queries/network-queries';
import { fixtureNetwork } from '$lib/queries/testing-network';
import { buildSiteBundles, siteMeasureRows, siteTargetsFromBundle, siteTotalRows } from './site-bundle';

let database: NetworkDatabase;
beforeAll(async () => {
  database = await loadFixtureTables(await startNodeEngine(), fixtureNetwork);
});
afterAll(() => database?.close());

describe('buildSiteBundles', () => {
  it('gives the Site page exactly what the queries give, for every site', async () => {
    const { network, sites } = await buildSiteBundles(database);
    expect(network.sites.map((site) => site.site_id)).toEqual(['S1', 'S2']);
    expect(network.lastYear).toMatchObject({ from: '2023-06-01', to: '2024-05-01' });
    expect(network.lastYear?.byMeasure.booking_by_10wk).toHaveLength(2);
    const s1 = sites.find((bundle) => bundle.site.site_id === 'S1');
    if (!s1) throw new Error('no bundle for S1');
    const fromBundle = siteMeasureRows(s1, 'booking_by_10wk');
    expect(fromBundle.counts).toEqual(await siteMonthlyCounts(database, 'S1', 'booking_by_10wk'));
    expect(fromBundle.annotations.map((row) => row.text)).toEqual([
      'New maternity record',
      'PDSA 1: phone referrals',
    ]);
    expect(fromBundle.aims[0]).toMatchObject({
      target_value: 65,
      target_period: new Date('2026-03-01T00:00:00Z'),
    });
    expect(siteTotalRows(s1).map((row) => row.numerator)).toEqual([62, 70]);
    expect(siteTargetsFromBundle(s1)).toEqual(new Map());
  });

  it('survives a JSON round trip (what the browser fetches)', async () => {
    const { sites } = await buildSiteBundles(database);
    const s1 = JSON.parse(JSON.stringify(sites[0]));
    expect(siteMeasureRows(s1, 'booking_by_10wk').counts[0]?.period).toEqual(
      new Date('2024-04-01T00:00:00Z'),
    );
  });
});
