import { describe, expect, it } from 'vitest';
import {
  exactPoissonLimits,
  funnelLimits,
  gapOverTime,
  proportionInterval,
  riskRatio,
  rollingSums,
} from '../../src/index.js';

describe('rollingSums', () => {
  it('runs its doc example', () => {
    const sums = rollingSums(
      [
        { period: '2025-01', events: 2, denominator: 100 },
        { period: '2025-02', events: 4, denominator: 120 },
        { period: '2025-03', events: 3, denominator: 110 },
      ],
      3,
    );
    expect(sums.at(-1)).toEqual({
      period: '2025-03',
      startPeriod: '2025-01',
      window: 3,
      events: 9,
      denominator: 330,
      monthsPresent: 3,
      complete: true,
    });
    expect(sums[0]).toMatchObject({ events: 2, monthsPresent: 1, complete: false, startPeriod: '2024-11' });
  });

  it('sums sites within a month and keeps windows calendar-based across gaps and year ends', () => {
    const sums = rollingSums(
      [
        { period: '2024-11', events: 1, denominator: 10 },
        { period: '2024-12', events: 1, denominator: 10 },
        { period: '2024-12', events: 2, denominator: 30 },
        { period: '2025-03', events: 5, denominator: 50 },
      ],
      3,
    );
    expect(sums.map((s) => s.period)).toEqual(['2024-11', '2024-12', '2025-03']);
    expect(sums[1]).toMatchObject({ events: 4, denominator: 50 });
    // 2025-03's window is Jan-Mar 2025: November and December have left it.
    expect(sums[2]).toMatchObject({ events: 5, denominator: 50, monthsPresent: 1, complete: false });
  });

  it('gives 12-month sums equal to the plain total of the last 12 months', () => {
    const points = Array.from({ length: 30 }, (_, i) => ({
      period: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      events: (i * 7) % 11,
      denominator: 100 + i,
    }));
    const sums = rollingSums(points, 12);
    const last = points.slice(-12);
    expect(sums.at(-1)?.events).toBe(last.reduce((s, p) => s + p.events, 0));
    expect(sums.at(-1)?.denominator).toBe(last.reduce((s, p) => s + p.denominator, 0));
    expect(sums.filter((s) => s.complete)).toHaveLength(19);
  });

  it('rejects bad periods and windows', () => {
    expect(() => rollingSums([{ period: '2025-13', events: 1, denominator: 1 }], 3)).toThrow(
      /invalid-period/,
    );
    expect(() => rollingSums([], 0)).toThrow(/invalid-window/);
  });
});

describe('gapOverTime', () => {
  const months = ['2025-01', '2025-02', '2025-03'];
  const rows = months.flatMap((period) => [
    { period, group: 'White', events: 10, denominator: 1000 },
    { period, group: 'Black', events: 6, denominator: 300 },
  ]);

  it('runs its doc example: RR of 3-month sums with the Katz interval', () => {
    const last = gapOverTime(rows, { group: 'Black', window: 3 }).at(-1);
    const katz = riskRatio({ events: 30, denominator: 3000 }, { events: 18, denominator: 900 });
    expect(last).toMatchObject({ period: '2025-03', complete: true, groupEvents: 18, referenceEvents: 30 });
    expect(last?.value).toBeCloseTo(2, 12);
    expect(last?.lower).toBeCloseTo(katz.lower as number, 12);
    expect(last?.upper).toBeCloseTo(katz.upper as number, 12);
  });

  it('gives a reason, not an error, in windows where riskRatio would throw (no events)', () => {
    const none = months.flatMap((period) => [
      { period, group: 'White', events: 0, denominator: 1000 },
      { period, group: 'Black', events: 2, denominator: 300 },
    ]);
    expect(() => riskRatio({ events: 0, denominator: 3000 }, { events: 6, denominator: 900 })).toThrow(
      /zero-reference-events/,
    );
    expect(gapOverTime(none, { group: 'Black', window: 3 }).at(-1)).toMatchObject({
      value: null,
      lower: null,
      upper: null,
      reason: 'reference group has no events: the risk ratio is undefined',
    });
  });

  it('gives the difference series, and null values with a reason where a window has no data', () => {
    const gappy = [
      ...rows,
      { period: '2025-06', group: 'Black', events: 1, denominator: 20 },
      { period: '2025-06', group: 'White', events: 0, denominator: 0 },
    ];
    const series = gapOverTime(gappy, { group: 'Black', window: 1, measure: 'difference' });
    expect(series.map((p) => p.period)).toEqual([...months, '2025-06']);
    expect(series[0]?.value).toBeCloseTo(1, 12);
    expect(series.at(-1)).toMatchObject({ value: null, reason: 'reference denominator is 0' });
  });
});

describe('funnelLimits', () => {
  const data = [
    { label: 'A', events: 10232, denominator: 15232 },
    { label: 'B', events: 12321, denominator: 16123 },
    { label: 'C', events: 15123, denominator: 17932 },
    { label: 'D', events: 13213, denominator: 18475 },
  ];

  it('runs its doc example (PHEindicatormethods phe_funnel_significance example data)', () => {
    const result = funnelLimits(data, { statistic: 'proportion' });
    expect(result.points.map((p) => p.significance)).toEqual([
      'Low (0.001)',
      'High (0.001)',
      'High (0.001)',
      'Low (0.001)',
    ]);
    expect(result.baseline).toBeCloseTo((50889 / 67762) * 100, 10);
    expect(result.curve).toHaveLength(100);
  });

  it('places proportion limits where a Wilson interval just touches the benchmark (inverse Wilson)', () => {
    const result = funnelLimits(data, { statistic: 'proportion' });
    const average = 50889 / 67762;
    for (const at of [result.curve[10], result.curve[60], result.curve[99]]) {
      if (!at) throw new Error('missing curve point');
      const n = at.denominator;
      // A site exactly on the 99.8% upper limit has a Wilson 99.8% lower limit equal to the average.
      const x = (at.upper998 / 100) * n;
      const z = 3.090232306167813;
      const lower = (2 * x + z * z - z * Math.sqrt(z * z + 4 * x * (1 - x / n))) / (2 * (n + z * z));
      expect(lower).toBeCloseTo(average, 9);
      expect(at.lower95).toBeGreaterThan(at.lower998);
      expect(at.upper95).toBeLessThan(at.upper998);
    }
    // And the limits narrow as the denominator grows.
    expect((result.curve[99]?.upper95 ?? 0) < (result.curve[10]?.upper95 ?? 0)).toBe(true);
    expect(proportionInterval(1, 2).lower).toBeGreaterThan(0);
  });

  it('places rate limits where an exact Poisson interval just touches the expected count', () => {
    const sites = [
      { label: 'A', events: 3, denominator: 900 },
      { label: 'B', events: 25, denominator: 5000 },
      { label: 'C', events: 60, denominator: 6000 },
    ];
    const result = funnelLimits(sites, { statistic: 'rate', multiplier: 1000 });
    const theta = 88 / 11900;
    const at = result.curve[50];
    if (!at) throw new Error('missing curve point');
    const upperCount = (at.upper95 / 1000) * at.denominator;
    expect(exactPoissonLimits(Math.round(upperCount)).lower / at.denominator).toBeCloseTo(theta, 2);
    expect(result.points.find((p) => p.label === 'C')?.significance).toBe('High (0.025)');
    expect(result.points.find((p) => p.label === 'A')?.significance).toBe('Not significant');
  });
});
