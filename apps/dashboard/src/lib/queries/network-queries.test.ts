import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkDatabase } from '$lib/data/network-database';
import { startNodeEngine } from '$lib/data/node-engine';
import { loadFixtureTables } from '$lib/data/testing-tables';
import {
  listEthnicGroups,
  listLevel2Groups,
  listMeasures,
  listSites,
  networkMonthGroupCounts,
  networkMonthLevel2Counts,
  networkWindowTotals,
  siteAims,
  siteAnnotations,
  siteMonthlyCounts,
  siteTotals,
  siteWideTargets,
} from './network-queries';
import { fixtureNetwork } from './testing-network';

let database: NetworkDatabase;

beforeAll(async () => {
  database = await loadFixtureTables(await startNodeEngine(), fixtureNetwork);
});

afterAll(() => database?.close());

describe('network queries', () => {
  it('lists sites by name and measures with their catalogue settings', async () => {
    expect((await listSites(database)).map((site) => site.site_id)).toEqual(['S1', 'S2']);
    const [booking] = await listMeasures(database);
    expect(booking).toMatchObject({
      measure_id: 'pph_1500',
      multiplier: 1000,
      target_value: 24,
      rare_event: false,
    });
  });

  it('rolls NHS codes up to level-1 groups and uses only the latest version', async () => {
    const rows = await siteMonthlyCounts(database, 'S1', 'booking_by_10wk');
    const april = rows.filter((row) => row.period.getTime() === Date.UTC(2024, 3, 1));
    expect(
      april.map(({ ethnic_group, numerator, denominator }) => ({ ethnic_group, numerator, denominator })),
    ).toEqual([
      { ethnic_group: 'ALL', numerator: 62, denominator: 100 }, // version 2 replaces version 1
      { ethnic_group: 'BLACK', numerator: 12, denominator: 30 }, // N + M
      { ethnic_group: 'UNKNOWN', numerator: 2, denominator: 10 },
      { ethnic_group: 'WHITE', numerator: 40, denominator: 60 },
    ]);
    expect(rows.filter((row) => row.period.getTime() === Date.UTC(2024, 4, 1))).toHaveLength(1);
  });

  it('gives site totals of every measure, latest version only', async () => {
    const rows = await siteTotals(database, 'S1');
    expect(rows.map((row) => [row.measure_id, row.numerator])).toEqual([
      ['booking_by_10wk', 62],
      ['booking_by_10wk', 70],
    ]);
  });

  it('totals every site over a window of months, latest versions only', async () => {
    expect(await networkWindowTotals(database, 'booking_by_10wk', new Date(Date.UTC(2024, 3, 1)))).toEqual([
      { site_id: 'S1', display_name: 'Site A (London)', events: 132, denominator: 210 },
      { site_id: 'S2', display_name: 'Site B (Midlands)', events: 30, denominator: 50 },
    ]);
    expect(
      await networkWindowTotals(database, 'booking_by_10wk', new Date(Date.UTC(2024, 4, 1))),
    ).toHaveLength(1);
  });

  it('finds the site’s changes for the measure, including site-wide events', async () => {
    const rows = await siteAnnotations(database, 'S1', 'booking_by_10wk');
    expect(rows.map((row) => row.text)).toEqual(['New maternity record', 'PDSA 1: phone referrals']);
  });

  it('finds the site’s aims for the measure, and the level-1 groups in order', async () => {
    expect((await siteAims(database, 'S1', 'booking_by_10wk'))[0]).toMatchObject({
      target_value: 65,
      ethnic_groups: 'BLACK',
    });
    expect((await listEthnicGroups(database)).map((group) => group.code)).toEqual([
      'WHITE',
      'BLACK',
      'UNKNOWN',
    ]);
    // The only aim is for Black women, so the site has no whole-population target.
    expect(await siteWideTargets(database, 'S1')).toEqual(new Map());
  });
  it('sums the network over sites by month and group, latest versions only', async () => {
    const rows = await networkMonthGroupCounts(database);
    const april = rows.filter(
      (row) => row.measure_id === 'booking_by_10wk' && row.period.getTime() === Date.UTC(2024, 3, 1),
    );
    // S1's resubmitted total (62 of 100, version 2) plus S2's 30 of 50; S1's version 1 (60) is gone.
    expect(april.find((row) => row.ethnic_group === 'ALL')).toMatchObject({
      numerator: 92,
      denominator: 150,
    });
    expect(april.find((row) => row.ethnic_group === 'BLACK')).toMatchObject({
      numerator: 12,
      denominator: 30,
    });
    expect(april.find((row) => row.ethnic_group === 'UNKNOWN')).toMatchObject({
      numerator: 2,
      denominator: 10,
    });
    expect(rows.every((row) => typeof row.numerator === 'number')).toBe(true);
  });
  it('sums the network by level-2 group, not-stated codes as UNKNOWN, without site totals', async () => {
    const rows = await networkMonthLevel2Counts(database);
    const april = rows.filter((row) => row.period.getTime() === Date.UTC(2024, 3, 1));
    expect(april.map((row) => [row.ethnic_group, row.numerator, row.denominator])).toEqual([
      ['BLACK_AFRICAN', 8, 20],
      ['BLACK_CARIBBEAN', 4, 10],
      ['UNKNOWN', 2, 10],
      ['WHITE', 40, 60],
    ]);
    expect(await listLevel2Groups(database)).toEqual(['WHITE', 'BLACK_CARIBBEAN', 'BLACK_AFRICAN']);
  });
});
