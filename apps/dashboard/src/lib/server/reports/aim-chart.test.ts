import { describe, expect, it } from 'vitest';
import { testReference } from '../testing/qi-test-store.ts';
import { aimChart, annotationFitsAim, measureRow, reportWindow } from './aim-chart.ts';

const booking = testReference.measures.find((measure) => measure.measure_id === 'booking_by_10wk');
if (!booking) throw new Error('booking_by_10wk missing from the catalogue');

describe('reportWindow', () => {
  it('covers the 24 months ending with the report month', () => {
    const window = reportWindow('2026-03');
    expect([window.from, window.to, window.months.length]).toEqual(['2024-04', '2026-03', 24]);
    expect(window.months.at(-2)).toBe('2026-02');
  });
});

describe('annotationFitsAim', () => {
  it('keeps site-wide notes and notes for the aim’s groups only', () => {
    expect(annotationFitsAim(null, ['BLACK'])).toBe(true);
    expect(annotationFitsAim('ALL', ['BLACK'])).toBe(true);
    expect(annotationFitsAim('ASIAN;BLACK', ['BLACK', 'MIXED'])).toBe(true);
    expect(annotationFitsAim('ASIAN', ['BLACK'])).toBe(false);
    expect(annotationFitsAim('ASIAN', ['ALL'])).toBe(true);
  });
});

describe('aimChart', () => {
  const months = reportWindow('2026-03').months;
  // 24 months at 50% then a rise to 75% for the last 8: a shift above the mean.
  const pooled = months.map((period, index) => ({
    period,
    numerator: index < 16 ? 20 + (index % 3) : 30 + (index % 2),
    denominator: 40,
  }));

  it('draws a Making Data Count chart with the aim’s target and notes', () => {
    const notes = [{ date: '2025-08-01', label: 'PDSA 1: Phone ten referrals.', kind: 'pdsa' as const }];
    const { chart, problem } = aimChart(pooled, months, booking, 70, notes);
    expect(problem).toBeNull();
    expect(chart?.kind).toBe('mdc');
    expect(chart?.dates).toHaveLength(24);
    expect(chart?.dates[0]).toBe('2024-04-01');
    expect(chart?.result.points[0]?.value).toBeCloseTo(50, 9);
    expect(chart?.result.points.at(-1)?.value).toBeCloseTo(77.5, 9);
    // With a target the last period has an assurance verdict, and the rise is an improvement.
    expect(chart?.result.groups.at(-1)?.assurance).not.toBeNull();
    expect(chart?.result.points.at(-1)?.pointType).toBe('special_cause_improvement');
  });

  it('says why there is no chart when no month has enough women', () => {
    const tiny = months.map((period) => ({ period, numerator: 1, denominator: 3 }));
    const result = aimChart(tiny, months, booking, 70, []);
    expect(result.chart).toBeNull();
    expect(result.problem).toBe('No month from 2024-04 to 2026-03 has enough data for this group to chart.');
    expect(result.hiddenSmall).toBe(24);
  });

  it('gives the chart components the catalogue measure', () => {
    expect(measureRow(booking)).toMatchObject({
      measure_id: 'booking_by_10wk',
      unit_label: '%',
      multiplier: 100,
    });
  });
});
