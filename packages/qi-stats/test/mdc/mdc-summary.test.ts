// mdcSummary: one row per series, worked by hand from the MDC-DOC examples
// (./mdc-doc-cases.ts) and the published rules.
import { describe, expect, it } from 'vitest';
import { mdcSummary } from '../../src/index.js';
import { mdcDocCase } from './mdc-doc-cases.js';

function monthly(count: number, from = 2022): string[] {
  return Array.from({ length: count }, (_, i) => {
    const year = from + Math.floor(i / 12);
    return `${year}-${String((i % 12) + 1).padStart(2, '0')}-01`;
  });
}

describe('mdcSummary', () => {
  it('reads the latest value, latest period, icons and recent flags of each series', () => {
    const assurance = mdcDocCase('Summary icons - assurance - high is good').values;
    const variation = mdcDocCase('Summary icons - variation - High is good').values;
    const rows = mdcSummary([
      {
        id: 'a',
        label: 'Assurance example',
        values: assurance,
        dates: monthly(30),
        improvement: 'increase',
        target: 40,
      },
      { id: 'b', values: variation, improvement: 'increase' },
      { id: 'c', values: mdcDocCase('Number of points - 12').values, improvement: 'increase', target: 10 },
    ]);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    // a: 30 months Jan 2022 – Jun 2024; latest 23 (Jun 2024). Mean 755/30 = 25.17,
    // LPL 13.33, UPL 37.00 (MDC-DOC). Target 40 ≥ UPL, high is good: fail.
    expect(rows[0]).toMatchObject({
      label: 'Assurance example',
      latestValue: 23,
      latestDate: '2024-06-01',
      latestPosition: 30,
      assurance: 'consistent_fail',
      variation: 'common_cause',
      variationIcon: 'common_cause',
    });
    expect(rows[0]?.mean).toBeCloseTo(755 / 30, 12);
    // Jan–Jun 2024 = p25–p30: p25–p28 end the shift p16–p28 above the mean (blue).
    expect([
      rows[0]?.flaggedLast6Months,
      rows[0]?.improvementLast6Months,
      rows[0]?.concernLast6Months,
    ]).toEqual([4, 4, 0]);
    // b: last point 45 above the UPL: improvement, high; last six p13–p18: p15 and p18 blue.
    expect(rows[1]).toMatchObject({
      latestValue: 45,
      variationIcon: 'improvement_high',
      flaggedLast6Months: 2,
    });
    expect(rows[1]?.latestDate).toBeNull();
    // c: 12 points — no limits, no icons.
    expect(rows[2]).toMatchObject({
      lpl: null,
      upl: null,
      variation: null,
      variationIcon: null,
      assurance: null,
    });
  });

  it('six calendar months, not six points, when dates are given', () => {
    // Quarterly data: the last six months hold the last two quarters.
    const values = mdcDocCase('Summary icons - assurance - high is good').values;
    const dates = Array.from({ length: 30 }, (_, i) => {
      const month = i * 3;
      return `${2017 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    });
    // Latest 2024-04-01; after 2023-10-01: 2024-01-01 (p29) and 2024-04-01 (p30), both grey.
    const [row] = mdcSummary([{ id: 'q', values, dates, improvement: 'increase' }]);
    expect(row?.flaggedLast6Months).toBe(0);
  });

  it('skips a missing latest value', () => {
    const [row] = mdcSummary([
      { id: 'm', values: [...mdcDocCase('Process limits - 15').values, null], improvement: 'increase' },
    ]);
    expect([row?.latestValue, row?.latestPosition, row?.n]).toEqual([18, 15, 16]);
  });
});
