// T and G charts as NHS England's "SPC Charts SQL Query" v2.6 defines them
// (step 4e; shared/spec/spc-rules.md §3.6). Expected values are the SQL's
// formulas worked by hand on inputs chosen to make the arithmetic plain.
import { describe, expect, it } from 'vitest';
import { makingDataCount, mdcGChart, mdcTChart } from '../../src/index.js';

const P = 3.6;
/** The NHSE SQL's G-chart centre factor, 0.693 as written there (not ln 2). */
const SQL_G_FACTOR = 693 / 1000;

describe('mdcTChart (time between events)', () => {
  // Transformed times u alternate 2, 3: ū = 2.5, every moving range is 1.
  const u = [2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3];
  const days = u.map((x) => x ** P);

  it('limits are the back-transformed XmR limits of y^(1/3.6); no LPL when the bracket is negative', () => {
    const group = mdcTChart({ daysBetween: days }).groups[0];
    expect(group?.mean).toBeCloseTo(2.5 ** P, 9);
    expect(group?.upl).toBeCloseTo((2.5 + 2.66) ** P, 9);
    expect(group?.lpl).toBeNull(); // 2.5 − 2.66 < 0
    const point = mdcTChart({ daysBetween: days }).points[0];
    expect(point?.upperTwoSigma).toBeCloseTo((2.5 + (2.66 * 2) / 3) ** P, 9);
    expect(point?.lowerTwoSigma).toBeCloseTo((2.5 - (2.66 * 2) / 3) ** P, 9);
    expect(mdcTChart({ daysBetween: days }).points.every((p) => p.pointType === 'common_cause')).toBe(true);
  });

  it('a constant series flags nothing, as makingDataCount (rules judged on the transformed scale)', () => {
    // ū^3.6 for a series of 27s is 27.000000000000014, not 27: judged on the
    // back-transformed scale every point would fall below the mean and the limits.
    const chart = mdcTChart({ daysBetween: Array(13).fill(27) });
    expect(chart.groups[0]?.mean).toBeCloseTo(27, 9);
    expect(chart.groups[0]?.variation).toBe('common_cause');
    const xmr = makingDataCount({ values: Array(13).fill(27), improvement: 'increase' });
    for (const [i, point] of chart.points.entries()) {
      expect(point.pointType).toBe('common_cause');
      expect(point.rules).toEqual([]);
      expect(point.specialCauseFlag).toBe(false);
      expect(point.outsideLimits).toBe(false);
      expect(point.relativeToMean).toBe(xmr.points[i]?.relativeToMean);
    }
    for (const days of [1, 2, 5, 7, 30, 365, 1000]) {
      const constant = mdcTChart({ daysBetween: Array(20).fill(days) });
      expect(constant.points.every((p) => p.pointType === 'common_cause' && p.rules?.length === 0)).toBe(
        true,
      );
    }
  });

  it('moving ranges run across a recalculation; means stay per period', () => {
    const second = [5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6];
    const chart = mdcTChart({ daysBetween: [...u, ...second].map((x) => x ** P), rebase: 15 });
    // Period 2: ū = 5.5; its first moving range is |5 − 3| = 2, the other 13 are 1.
    expect(chart.groups[1]?.mean).toBeCloseTo(5.5 ** P, 9);
    expect(chart.groups[1]?.upl).toBeCloseTo((5.5 + (2.66 * 15) / 14) ** P, 9);
    expect(chart.groups[1]?.lpl).toBeCloseTo((5.5 - (2.66 * 15) / 14) ** P, 9);
    expect(chart.groups[0]?.upl).toBeCloseTo((2.5 + 2.66) ** P, 9);
  });

  it('days come from event dates (leap year), one point per interval dated at its closing event', () => {
    const chart = mdcTChart({ eventDates: ['2024-01-01', '2024-01-31', '2024-03-01', '2024-03-01'] });
    expect(chart.points.map((p) => [p.value, p.date])).toEqual([
      [30, '2024-01-31'],
      [30, '2024-03-01'],
      [0, '2024-03-01'],
    ]);
    expect(chart.groups[0]?.upl).toBeNull(); // 3 points: under the MDC minimum of 13
  });

  it('a rising run of intervals is a trend, an improvement by default (longer between adverse events)', () => {
    const chart = mdcTChart({ daysBetween: [10, 12, 10, 12, 10, 12, 10, 12, 13, 14, 15, 16, 17, 18] });
    // p7 (10) < p8 (12) < … < p14 (18): eight rising points.
    expect(chart.points.map((p) => p.rules?.includes('trend'))).toEqual([
      ...Array(6).fill(false),
      ...Array(8).fill(true),
    ]);
    expect(chart.points[13]?.pointType).toBe('special_cause_improvement');
    expect(chart.groups[0]?.assurance).toBeNull();
  });

  it('rejects bad input', () => {
    expect(() => mdcTChart({ eventDates: ['2024-01-01'] })).toThrow(/too-few-events/);
    expect(() => mdcTChart({ eventDates: ['2024-02-01', '2024-01-01'] })).toThrow(/dates-not-ascending/);
    expect(() => mdcTChart({ eventDates: ['2024-01-01', '2024-02-30'] })).toThrow(/malformed-date/);
    expect(() => mdcTChart({ daysBetween: [3, -1] })).toThrow(/below-minimum/);
  });
});

describe('mdcGChart (opportunities between events)', () => {
  it('UPL = m + 3√(m(m+1)), centre 0.693 m, no LPL or sigma lines', () => {
    const chart = mdcGChart({ values: Array(13).fill(99) });
    expect(chart.groups[0]?.upl).toBeCloseTo(99 + 3 * Math.sqrt(99 * 100), 9);
    expect(chart.groups[0]?.mean).toBeCloseTo(SQL_G_FACTOR * 99, 12);
    expect(chart.groups[0]?.lpl).toBeNull();
    expect(chart.points[0]?.upperTwoSigma).toBeNull();
    // The SQL judges the shift against 0.693 m: a constant series sits above it.
    expect(chart.points.every((p) => p.rules?.join() === 'shift')).toBe(true);
  });

  it('shifts are judged against 0.693 × the mean', () => {
    // m = 437/14 = 31.21, centre 21.63, UPL 31.21 + 3√(31.21 × 32.21) = 126.4.
    const values = [50, 60, 40, 55, 45, 50, 5, 4, 6, 3, 5, 4, 50, 60];
    const chart = mdcGChart({ values });
    expect(chart.groups[0]?.mean).toBeCloseTo((SQL_G_FACTOR * 437) / 14, 12);
    expect(chart.points.slice(0, 6).every((p) => p.pointType === 'special_cause_improvement')).toBe(true);
    expect(chart.points.slice(6, 12).every((p) => p.pointType === 'special_cause_concern')).toBe(true);
    expect(chart.points.slice(12).every((p) => p.pointType === 'common_cause')).toBe(true);
  });

  it('fewer than 13 points: no limits and no flags under MDC', () => {
    const chart = mdcGChart({ values: [5, 500, 5, 5] });
    expect(chart.groups[0]?.upl).toBeNull();
    expect(chart.points.every((p) => !p.specialCauseFlag)).toBe(true);
  });
});
