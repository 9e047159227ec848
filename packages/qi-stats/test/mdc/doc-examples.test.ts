// Runs the @example of every documented function in src/mdc, so the
// documentation cannot drift from the code.
import { describe, expect, it } from 'vitest';
import { makingDataCount, mdcGChart, mdcSummary, mdcTChart } from '../../src/index.js';
import { assuranceOf } from '../../src/mdc/assurance.js';
import { chartPeriods } from '../../src/mdc/chart-groups.js';
import { conflictSide, pointTypeOf } from '../../src/mdc/classify-point.js';
import { averageMovingRange } from '../../src/mdc/moving-range.js';
import { MDC_PRESET, resolveMdcSettings } from '../../src/mdc/presets.js';
import { processLimits } from '../../src/mdc/process-limits.js';
import { markShift } from '../../src/mdc/rules/shift.js';
import { markTrend } from '../../src/mdc/rules/trend.js';
import { markTwoInThree } from '../../src/mdc/rules/two-in-three.js';
import { findSpecialCauses } from '../../src/mdc/special-cause.js';
import { variationIcon } from '../../src/mdc/variation.js';

describe('doc comment examples', () => {
  it('makingDataCount', () => {
    const chart = makingDataCount({
      values: [45, 29, 20, 22, 25, 20, 27, 24, 22, 23, 20, 26, 20, 15, 5],
      improvement: 'increase',
    });
    expect(chart.points[0]?.pointType).toBe('special_cause_improvement');
    expect(chart.points[14]?.pointType).toBe('special_cause_concern');
    expect(chart.groups[0]?.variationIcon).toBe('concern_low');
  });

  it('mdcSummary', () => {
    const rows = mdcSummary([
      {
        id: 'pph',
        label: 'PPH ≥ 1.5 l',
        improvement: 'decrease',
        target: 30,
        values: [
          16, 24, 22, 19, 19, 18, 24, 25, 18, 17, 16, 25, 15, 23, 19, 35, 32, 35, 31, 27, 33, 28, 38, 35, 30,
          28, 29, 27, 24, 23,
        ],
      },
    ]);
    expect(rows[0]?.assurance).toBe('inconsistent');
    expect(rows[0]?.variationIcon).toBe('common_cause');
    expect(rows[0]?.flaggedLast6Months).toBe(4);
  });

  it('mdcTChart and mdcGChart', () => {
    expect(mdcTChart({ daysBetween: Array(13).fill(27) }).groups[0]?.mean).toBeCloseTo(27, 9);
    expect(mdcTChart({ daysBetween: Array(13).fill(27) }).points.every((p) => p.rules?.length === 0)).toBe(
      true,
    );
    const t = mdcTChart({
      daysBetween: [30, 21, 35, 26, 18, 40, 24, 31, 28, 22, 33, 25, 29, 12, 10, 14, 11, 9, 13],
    });
    expect(t.groups[0]?.mean).toBeCloseTo(21.25, 2);
    expect(t.groups[0]?.lpl).toBeCloseTo(6.9, 2);
    expect(t.groups[0]?.upl).toBeCloseTo(50.0, 2);
    expect(t.points[18]?.pointType).toBe('special_cause_concern');
    expect(t.points[18]?.rules).toEqual(['shift']);
    expect(t.groups[0]?.variationIcon).toBe('concern_low');
    const g = mdcGChart({ values: Array(13).fill(99) });
    expect(g.groups[0]?.upl).toBeCloseTo(397.496, 3);
    expect(g.groups[0]?.mean).toBeCloseTo(68.607, 9);
    // Documented: a constant series is a shift at every point against 0.693 × m (NHSE SQL).
    expect(g.points.every((p) => p.rules?.join() === 'shift')).toBe(true);
    expect(g.points[0]?.pointType).toBe('special_cause_improvement');
    expect(g.groups[0]?.variationIcon).toBe('improvement_high');
  });

  it('building blocks', () => {
    expect(resolveMdcSettings({ rules: 'ptd', shiftLength: 6 }).shiftLength).toBe(6);
    expect(resolveMdcSettings({}).trendLength).toBe(6);
    expect(averageMovingRange([20, 24, 20, 26, 22], 0, 5, false)).toBe(4.5);
    expect(averageMovingRange([1, 2, null, 4, 6], 0, 5, false)).toBe(1.5);
    const limits = processLimits([20, 24, 20, 26, 22, 16, 18, 16, 31, 28, 34, 26, 30, 19, 18], 0, 15, false);
    expect(limits?.upl?.toFixed(2)).toBe('37.64');

    const shift = new Int8Array(8);
    markShift([1, 1, 1, 1, 1, 1, 0, -1], 6, shift);
    expect(Array.from(shift)).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
    const up = new Uint8Array(7);
    const down = new Uint8Array(7);
    markTrend([11, 14, 18, 20, 22, 23, 18], 6, up, down);
    expect(Array.from(up)).toEqual([1, 1, 1, 1, 1, 1, 0]);
    const two = new Int8Array(4);
    markTwoInThree([1, 1, 1, -1], [1, 0, 1, 0], two);
    expect(Array.from(two)).toEqual([1, 0, 1, 0]);

    expect(pointTypeOf(1, 'decrease')).toBe('special_cause_concern');
    expect(pointTypeOf(-1, 'neutral')).toBe('special_cause_neutral_low');
    expect(conflictSide(true, true, 'decrease', 1)).toBe(-1);
    expect(conflictSide(true, false, 'decrease', 1)).toBe(1);
    expect(variationIcon('special_cause_concern', -1)).toBe('concern_low');
    expect(variationIcon('common_cause', 0)).toBe('common_cause');
    expect(assuranceOf(40, 'increase', 13.33, 37, 'inclusive')).toBe('consistent_fail');
    expect(assuranceOf(37, 'increase', 13.33, 37, 'strict')).toBe('inconsistent');
    expect(chartPeriods(30, [16], 12, MDC_PRESET)).toEqual([
      { start: 0, end: 15, baselineEnd: 12 },
      { start: 15, end: 30, baselineEnd: 30 },
    ]);

    const found = findSpecialCauses(
      {
        values: [1, 9, 2],
        periods: [{ start: 0, end: 3, centre: 3, upl: 8, lpl: -2, upperTwoSigma: 6, lowerTwoSigma: 0 }],
      },
      {
        shiftLength: 6,
        trendLength: 6,
        crossGroups: true,
        conflict: 'improvement-wins',
        improvement: 'increase',
        evaluate: true,
      },
    );
    expect(Array.from(found.side)).toEqual([0, 1, 0]);
  });
});
