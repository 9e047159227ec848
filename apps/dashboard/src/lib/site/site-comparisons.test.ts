import { describe, expect, it } from 'vitest';
import { gapToReference, networkFunnel } from './site-comparisons';

const groups = [
  { code: 'WHITE', label: 'White', is_reference: true, is_unknown: false },
  { code: 'BLACK', label: 'Black or Black British', is_reference: false, is_unknown: false },
  { code: 'MIXED', label: 'Mixed', is_reference: false, is_unknown: false },
  { code: 'UNKNOWN', label: 'Not known', is_reference: false, is_unknown: true },
];
const month = (m: number) => new Date(Date.UTC(2025, m, 1));
const counts = [
  { period: month(0), ethnic_group: 'WHITE', numerator: 30, denominator: 1000 },
  { period: month(1), ethnic_group: 'WHITE', numerator: 30, denominator: 1000 },
  { period: month(0), ethnic_group: 'BLACK', numerator: 12, denominator: 200 },
  { period: month(1), ethnic_group: 'BLACK', numerator: 12, denominator: 200 },
  { period: month(0), ethnic_group: 'MIXED', numerator: 0, denominator: 40 },
  { period: month(0), ethnic_group: 'UNKNOWN', numerator: 5, denominator: 50 },
  { period: month(5), ethnic_group: 'BLACK', numerator: 90, denominator: 100 }, // outside the window
];

describe('gapToReference', () => {
  const gap = gapToReference(counts, ['2025-01-01', '2025-02-01'], groups);

  it('gives each group’s risk ratio against White over the window', () => {
    expect(gap?.rows).toHaveLength(1);
    expect(gap?.rows[0]?.label).toBe('Black or Black British');
    expect(gap?.rows[0]?.ratio.value).toBeCloseTo(24 / 400 / (60 / 2000), 10); // 2.0
    expect(gap?.rows[0]?.ratio.lower).toBeLessThan(2);
    expect(gap?.rows[0]?.events).toBe(24);
  });

  it('says why a group with no events has no interval, and leaves out unknown ethnicity', () => {
    expect(gap?.missing).toEqual([{ group: 'Mixed', reason: expect.stringContaining('no events') }]);
  });
});

describe('networkFunnel', () => {
  it('puts every site on the funnel on the measure’s scale', () => {
    const funnel = networkFunnel(
      [
        { site_id: 'S1', display_name: 'Site A', events: 300, denominator: 10000 },
        { site_id: 'S2', display_name: 'Site B', events: 200, denominator: 5000 },
        { site_id: 'S3', display_name: 'Site C', events: 0, denominator: 0 },
      ],
      { multiplier: 1000 },
    );
    expect(funnel?.points.map((point) => point.label)).toEqual(['Site A', 'Site B']);
    expect(funnel?.baseline).toBeCloseTo((500 / 15000) * 1000, 6);
    expect(funnel?.points[1]?.value).toBeCloseTo(40, 6);
  });
});
