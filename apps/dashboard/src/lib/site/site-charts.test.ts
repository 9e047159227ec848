import { describe, expect, it } from 'vitest';
import type { MonthlyCountRow } from '$lib/queries/network-queries';
import { defaultChartKind, monthlySeries, rebasePositions, siteChart } from './site-charts';

const months = Array.from({ length: 30 }, (_, i) =>
  new Date(Date.UTC(2023, i, 1)).toISOString().slice(0, 10),
);
const booking = {
  default_chart: 'p',
  multiplier: 100,
  unit_label: '%',
  direction: 'higher_is_better' as const,
  min_denominator_for_display: 20,
};
// Booking rises from about 50% to about 65% after month 15.
const rows: MonthlyCountRow[] = months.flatMap((month, i) => [
  {
    period: new Date(`${month}T00:00:00Z`),
    ethnic_group: 'ALL',
    numerator: (i < 15 ? 50 : 65) + (i % 3) - 1,
    denominator: 100,
  },
  ...(i === 4
    ? []
    : [
        {
          period: new Date(`${month}T00:00:00Z`),
          ethnic_group: 'BLACK',
          numerator: 5,
          denominator: i === 7 ? 12 : 25,
        },
      ]),
]);

describe('monthlySeries', () => {
  it('aligns a group to the site’s months, with gaps for missing and too-small months', () => {
    const black = monthlySeries(rows, 'BLACK', months, booking);
    expect(black.values[4]).toBeNull(); // not submitted
    expect(black.values[7]).toBeNull(); // 12 < 20 women: not shown
    expect(black.hiddenSmall).toBe(1);
    expect(black.values[0]).toBe(20);
    expect(black.dates).toHaveLength(30);
  });
});

describe('rebasePositions', () => {
  it('recalculates limits at an adopted change with 12 months either side, not at a PDSA cycle', () => {
    const changes = [
      { date: '2023-06-01', label: 'PDSA 1', kind: 'pdsa' as const },
      { date: '2024-04-01', label: 'Change adopted', kind: 'change_idea' as const },
    ];
    expect(rebasePositions(months, changes)).toEqual([16]);
    expect(rebasePositions(months, [{ date: '2024-10-01', label: 'Too late', kind: 'change_idea' }])).toEqual(
      [],
    );
  });
});

describe('siteChart', () => {
  const series = monthlySeries(rows, 'ALL', months, booking);
  const changes = [{ date: '2024-04-01', label: 'Change adopted', kind: 'change_idea' as const }];

  it('draws the catalogue’s p chart in two parts split at the change', () => {
    const chart = siteChart(defaultChartKind(booking), series, booking, 65, changes);
    expect(chart.kind).toBe('spc');
    if (chart.kind === 'mdc') throw new Error('expected a control chart');
    expect(chart.result.chart).toBe('p');
    expect(chart.result.parts).toHaveLength(2);
    expect(chart.result.points[15]?.part).toBe(2);
    expect(chart.result.points[0]?.y).toBeCloseTo(49, 6);
  });

  it('gives Making Data Count a rebase group per period and an improvement signal after the change', () => {
    const chart = siteChart('mdc', series, booking, 65, changes);
    if (chart.kind !== 'mdc') throw new Error('expected an MDC chart');
    expect(chart.result.groups).toHaveLength(2);
    expect(chart.result.points[20]?.rebaseGroup).toBe(1);
    expect(chart.dates[0]).toBe('2023-01-01');
  });

  it('gives a run chart a median and no limits', () => {
    const chart = siteChart('run', series, booking, null, []);
    if (chart.kind === 'mdc') throw new Error('expected a run chart');
    expect(chart.result.points[0]?.ucl).toBeNull();
    expect(chart.result.parts).toHaveLength(1);
  });
});
