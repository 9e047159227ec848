import { describe, expect, it } from 'vitest';
import {
  chooseWindow,
  comparisonGroups,
  completenessRows,
  groupFunnel,
  groupOptions,
  groupRateRows,
  impactRanking,
  level2Label,
  networkDisparity,
  periodWindows,
  ratioForest,
  siteGroupCounts,
  siteRates,
  summaryRows,
} from './disparity-view';
import { testCounts, testGroups, testLevel2, testSites } from './testing-disparity';

const pph = {
  name: 'PPH ≥1500 ml',
  multiplier: 1000,
  direction: 'lower_is_better' as const,
  unit_label: 'per 1,000',
};
const months = ['2024-04', '2024-05'];
const level1 = groupOptions('level1', testGroups, testLevel2);
const level2 = groupOptions('level2', testGroups, testLevel2);

describe('periodWindows', () => {
  const all = Array.from(
    { length: 15 },
    (_, i) => `${2023 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`,
  );

  it('offers the latest 3 and 12 months, then financial years newest first', () => {
    const windows = periodWindows(all);
    expect(all[0]).toBe('2023-04');
    expect(windows.map((window) => window.value)).toEqual(['3', '12', 'fy2024', 'fy2023']);
    expect(windows[0]).toEqual({
      value: '3',
      label: 'Latest 3 months (Apr 2024 to Jun 2024)',
      months: ['2024-04', '2024-05', '2024-06'],
    });
    expect(windows[1]?.months).toHaveLength(12);
    expect(windows[2]?.label).toBe('Financial year 2024/25 (3 months: Apr 2024 to Jun 2024)');
    expect(windows[3]).toMatchObject({ label: 'Financial year 2023/24' });
    expect(windows[3]?.months.at(-1)).toBe('2024-03');
  });

  it('falls back to the latest 12 months for a value it does not know', () => {
    const windows = periodWindows(all);
    expect(chooseWindow(windows, 'fy2023')?.value).toBe('fy2023');
    expect(chooseWindow(windows, 'nonsense')?.value).toBe('12');
    expect(periodWindows([])).toEqual([]);
  });
});

describe('siteGroupCounts', () => {
  it('sums level-2 groups into level-1 groups over the window, without the site total', () => {
    const bySite = siteGroupCounts(testCounts, months, 'level1', testLevel2);
    expect(bySite.get('S1')).toEqual([
      { group: 'WHITE', events: 30, denominator: 2000 }, // March is outside the window
      { group: 'ASIAN', events: 10, denominator: 500 },
      { group: 'BLACK', events: 45, denominator: 400 },
      { group: 'UNKNOWN', events: 5, denominator: 100 },
    ]);
  });

  it('keeps level-2 groups apart at level 2', () => {
    const bySite = siteGroupCounts(testCounts, months, 'level2', testLevel2);
    expect(bySite.get('S1')?.map((row) => row.group)).toEqual([
      'WHITE',
      'INDIAN',
      'BLACK_CARIBBEAN',
      'BLACK_AFRICAN',
      'UNKNOWN',
    ]);
    expect(level2Label('BLACK_CARIBBEAN')).toBe('Black Caribbean');
    expect(level2.find((group) => group.code === 'UNKNOWN')?.label).toBe('Not stated / not known');
  });
});

describe('networkDisparity and what the charts show', () => {
  const bySite = siteGroupCounts(testCounts, months, 'level1', testLevel2);
  const disparity = networkDisparity(bySite, testSites, level1, pph);
  if (!disparity) throw new Error('expected a disparity');

  it('pools every site for the network, excluding unknown ethnicity but reporting it', () => {
    expect(disparity.sites.map(({ site }) => site.site_id)).toEqual(['S1', 'S2']);
    expect(disparity.network.total).toMatchObject({ events: 109, denominator: 3800 });
    expect(disparity.network.completeness).toMatchObject({ unknownDenominator: 200, knownDenominator: 3800 });
    expect(completenessRows(disparity).map((row) => [row.site, row.known?.toFixed(1)])).toEqual([
      ['Site A (London)', '96.7'],
      ['Site B (Midlands)', '90.0'],
      ['Network', '95.0'],
    ]);
  });

  it('gives each site × group a rate with an interval and a reading against White', () => {
    const rows = groupRateRows(disparity, level1);
    const black = rows.find((row) => row.site === 'Site A (London)' && row.groupCode === 'BLACK');
    expect(black).toMatchObject({
      group: 'Black or Black British',
      rate: 112.5,
      category: 'higher',
      assessment: 'worse',
    });
    expect(black?.excess).toBeCloseTo(39, 6); // 45 − 400 × 15/1000
    expect(rows.find((row) => row.isReference)?.category).toBe('reference');
    expect(rows.filter((row) => row.site === 'Network')).toHaveLength(3);
  });

  it('compares only known, non-reference groups present in the window', () => {
    expect(comparisonGroups(disparity, level1).map((group) => group.code)).toEqual(['ASIAN', 'BLACK']);
  });

  it('makes forest rows per site and a pooled network row, saying why a site has none', () => {
    const forest = ratioForest(disparity, 'ASIAN');
    expect(forest.rows.map((row) => [row.label, row.pooled])).toEqual([
      ['Site A (London)', false],
      ['Network', true],
    ]);
    expect(forest.missing).toEqual([
      { site: 'Site B (Midlands)', reason: 'no women in this group in the window' },
    ]);
    const black = ratioForest(disparity, 'BLACK').rows[0];
    expect(black?.ratio.value).toBeCloseTo(112.5 / 15, 6);
  });

  it('ranks sites by excess events, turning the sign for measures where higher is better', () => {
    const ranked = impactRanking(disparity, pph);
    expect(ranked.map((row) => [row.rank, row.site])).toEqual([
      [1, 'Site A (London)'],
      [2, 'Site B (Midlands)'],
    ]);
    expect(ranked[0]?.excess).toBeCloseTo(2.5 + 39, 6); // Asian 10 − 500 × 1.5%, Black 45 − 400 × 1.5%
    expect(ranked[0]?.lower).toBeLessThan(ranked[0]?.excess ?? 0);
    const reached = impactRanking(disparity, { direction: 'higher_is_better' });
    expect(reached[0]?.site).toBe('Site B (Midlands)');
    expect(reached.find((row) => row.site === 'Site A (London)')?.excess).toBeLessThan(0);
  });

  it('lists HEAT’s 15 summary measures in users’ words', () => {
    const rows = summaryRows(disparity.network, level1);
    expect(rows).toHaveLength(15);
    expect(rows[0]?.measure).toBe('Difference (D)');
    expect(rows[0]?.estimate).toBeGreaterThan(0);
    expect(rows.map((row) => row.note).join(' ')).not.toMatch(/\bBLACK\b|\bWHITE\b/);
  });

  it('puts the sites on a funnel for one group, or for all women', () => {
    const funnel = groupFunnel(bySite, testSites, 'BLACK', pph);
    expect(funnel?.points.map((point) => [point.label, point.events, point.denominator])).toEqual([
      ['Site A (London)', 45, 400],
      ['Site B (Midlands)', 4, 100],
    ]);
    expect(groupFunnel(bySite, testSites, 'ASIAN', pph)).toBeNull();
  });

  it('returns null when no site has data in the window', () => {
    expect(networkDisparity(new Map(), testSites, level1, pph)).toBeNull();
  });
});

describe('siteRates', () => {
  it('gives each site’s submitted total over the window with a Wilson interval, and the network’s', () => {
    const { sites, network } = siteRates(testCounts, months, testSites, pph);
    expect(sites.map((row) => [row.site, row.events, row.denominator, row.rate])).toEqual([
      ['Site A (London)', 150, 3000, 50],
      ['Site B (Midlands)', 40, 1000, 40],
    ]);
    expect(sites[0]?.lower).toBeLessThan(50);
    expect(sites[0]?.upper).toBeGreaterThan(50);
    expect(network).toMatchObject({ site: 'Network', events: 190, denominator: 4000, rate: 47.5 });
  });
});
