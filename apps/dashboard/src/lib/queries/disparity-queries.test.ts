import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkDatabase } from '$lib/data/network-database';
import { startNodeEngine } from '$lib/data/node-engine';
import { loadFixtureTables } from '$lib/data/testing-tables';
import { listLevel2Groups, listMeasureDefinitions, measureCountsByGroup } from './disparity-queries';
import { fixtureNetwork } from './testing-network';

let database: NetworkDatabase;

beforeAll(async () => {
  database = await loadFixtureTables(await startNodeEngine(), fixtureNetwork);
});

afterAll(() => database?.close());

describe('disparity queries', () => {
  it('gives each measure’s whole catalogue entry', async () => {
    const [pph] = await listMeasureDefinitions(database);
    expect(pph).toMatchObject({
      measure_id: 'pph_1500',
      numerator_definition: 'Maternities with blood loss >=1500 ml',
      denominator_definition: 'Maternities',
      direction: 'lower_is_better',
      target_value: 24,
      target_source: 'Network aim',
      national_baseline: 28.4,
      baseline_period: '2021-22',
    });
  });

  it('lists level-2 groups with their level-1 group, in display order', async () => {
    expect(await listLevel2Groups(database)).toEqual([
      { code: 'WHITE', level1_group: 'WHITE', is_reference: true, is_unknown: false },
      { code: 'BLACK_CARIBBEAN', level1_group: 'BLACK', is_reference: false, is_unknown: false },
      { code: 'BLACK_AFRICAN', level1_group: 'BLACK', is_reference: false, is_unknown: false },
      { code: 'UNKNOWN', level1_group: 'UNKNOWN', is_reference: false, is_unknown: true },
    ]);
  });

  it('counts every site’s months by level-2 group, latest version only, with the site total', async () => {
    const rows = await measureCountsByGroup(database, 'booking_by_10wk');
    const april = rows.filter((row) => row.site_id === 'S1' && row.period.getTime() === Date.UTC(2024, 3, 1));
    expect(
      april.map(({ ethnic_group, numerator, denominator }) => [ethnic_group, numerator, denominator]),
    ).toEqual([
      ['ALL', 62, 100], // version 2 replaces version 1
      ['BLACK_AFRICAN', 8, 20],
      ['BLACK_CARIBBEAN', 4, 10],
      ['UNKNOWN', 2, 10],
      ['WHITE', 40, 60],
    ]);
    expect(rows.filter((row) => row.site_id === 'S2')).toHaveLength(1);
    expect(await measureCountsByGroup(database, 'pph_1500')).toEqual([]);
  });
});
