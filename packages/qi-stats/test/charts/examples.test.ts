/**
 * Every @example in src/charts and src/math, run as written. Expected values
 * are worked by hand from the formulas in the doc comments (or are exact
 * identities), never copied from this code's output.
 */
import { describe, expect, it } from 'vitest';
import { reported } from '../../src/charts/chart-core.js';
import { averageMovingRange } from '../../src/charts/moving-range.js';
import { floorAtZero } from '../../src/charts/non-negative.js';
import { clampToUnit } from '../../src/charts/p-chart.js';
import { baseIndices, constantLine, type PartFrame, pick } from '../../src/charts/part-frame.js';
import { sChartFactors } from '../../src/charts/s-chart.js';
import { hasEqualSizes, pooledOrMeanSd } from '../../src/charts/subgroup-sd.js';
import { aggregateSubgroups } from '../../src/charts/subgroups.js';
import { checkInput, checkPositions } from '../../src/charts/validate-input.js';
import { a3 } from '../../src/charts/xbar-chart.js';
import { controlChart, QiStatsInputError } from '../../src/index.js';
import { c4, c5 } from '../../src/math/c4.js';
import { finiteOrNull } from '../../src/math/finite-or-null.js';
import { logGamma } from '../../src/math/log-gamma.js';
import { meanOfPresent } from '../../src/math/mean.js';
import { medianOfPresent } from '../../src/math/median.js';
import { sampleSd } from '../../src/math/sample-sd.js';
import { sumOfPresent } from '../../src/math/sum.js';

const close = (actual: number | null | undefined, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 + 1e-9 * Math.abs(expected));
};

describe('controlChart @example', () => {
  it('c chart frozen on the first six counts flags the seventh', () => {
    const chart = controlChart({ chart: 'c', y: [4, 6, 5, 3, 7, 5, 20], freeze: 6 });
    close(chart.points[0]?.cl, 5);
    close(chart.points[0]?.ucl, 5 + 3 * Math.sqrt(5));
    expect(chart.signals.outsideLimits).toEqual([7]);
  });
});

describe('chart @examples', () => {
  it('run: median centre line', () => {
    expect(controlChart({ chart: 'run', y: [3, 1, 4, 1, 5] }).points[0]?.cl).toBe(3);
  });
  it('i: 3 · AMR / 1.128', () => {
    close(controlChart({ chart: 'i', y: [1, 3, 2, 4] }).points[0]?.ucl, 2.5 + (3 * (5 / 3)) / 1.128);
  });
  it('mr: ranges and 3.267 · mean range', () => {
    const mr = controlChart({ chart: 'mr', y: [1, 3, 2, 4] });
    expect(mr.points.map((p) => p.y)).toEqual([null, 2, 1, 2]);
    close(mr.points[0]?.ucl, 3.267 * (5 / 3));
  });
  it('xbar: grand mean and A3 · s̄', () => {
    const xbar = controlChart({ chart: 'xbar', x: ['a', 'a', 'b', 'b'], y: [1, 3, 2, 6] });
    close(xbar.points[0]?.cl, 3);
    // A3(2) = 3 / (c4(2) √2) with c4(2) = √(2/π) exactly.
    const a3Of2 = 3 / (Math.sqrt(2 / Math.PI) * Math.SQRT2);
    close(xbar.points[0]?.ucl, 3 + a3Of2 * 1.5 * Math.SQRT2);
  });
  it('s: s̄ and B4 · s̄', () => {
    const s = controlChart({ chart: 's', x: ['a', 'a', 'b', 'b'], y: [1, 3, 2, 6] });
    close(s.points[0]?.cl, 1.5 * Math.SQRT2);
    const c4of2 = Math.sqrt(2 / Math.PI);
    const b4of2 = 1 + (3 * Math.sqrt(1 - c4of2 ** 2)) / c4of2;
    close(s.points[0]?.ucl, b4of2 * 1.5 * Math.SQRT2);
  });
  it('t: I chart on y^(1/3.6), back-transformed', () => {
    const t = controlChart({ chart: 't', y: [10, 100, 20, 200] });
    const [a, b, c, d] = [10, 100, 20, 200].map((v) => v ** (1 / 3.6)) as [number, number, number, number];
    const mean = (a + b + c + d) / 4;
    const amr = (Math.abs(b - a) + Math.abs(c - b) + Math.abs(d - c)) / 3;
    close(t.points[0]?.cl, mean ** 3.6);
    close(t.points[0]?.ucl, (mean + (3 * amr) / 1.128) ** 3.6);
    expect(t.points[0]?.lcl).toBe(0);
    close(t.points[0]?.cl, 54.497052015399234);
  });
  it('p: binomial limits clamped to [0, 1]', () => {
    const p = controlChart({ chart: 'p', y: [1, 2, 3], n: [10, 10, 10] });
    close(p.points[0]?.cl, 0.2);
    close(p.points[0]?.ucl, 0.2 + 3 * Math.sqrt(0.16 / 10));
    expect(p.points[0]?.lcl).toBe(0);
  });
  it('u: Poisson limits', () => {
    const u = controlChart({ chart: 'u', y: [2, 4], n: [10, 10] });
    close(u.points[0]?.cl, 0.3);
    close(u.points[0]?.ucl, 0.3 + 3 * Math.sqrt(0.03));
  });
  it('c: c̄ + 3√c̄', () => {
    close(controlChart({ chart: 'c', y: [4, 6, 5, 3, 7] }).points[0]?.ucl, 5 + 3 * Math.sqrt(5));
  });
  it('g: median centre line, mean-based limits', () => {
    const g = controlChart({ chart: 'g', y: [1, 2, 3, 10] });
    expect(g.points[0]?.cl).toBe(2.5);
    close(g.points[0]?.ucl, 4 + 3 * Math.sqrt(20));
  });
  it("pp: Laney's σ_z widens the p limits", () => {
    const pp = controlChart({ chart: 'pp', y: [10, 20, 30], n: [100, 100, 100] });
    close(pp.points[0]?.ucl, 0.2 + (3 * 0.04 * 2.5) / 1.128);
    expect(pp.points[0]?.lcl).toBe(0);
  });
  it('pooled ratio, not the mean of proportions', () => {
    close(controlChart({ chart: 'p', y: [1, 6], n: [10, 30] }).points[0]?.cl, 0.175);
  });
});

describe('helper @examples', () => {
  it('averageMovingRange with and without screening', () => {
    const values = [1, 2, 1, 2, 1, 2, 1, 2, 20];
    close(averageMovingRange(values, false), 3.125);
    close(averageMovingRange(values, true), 1);
  });
  it('floorAtZero and clampToUnit leave non-finite limits alone', () => {
    expect(floorAtZero([-1, 2, Number.NEGATIVE_INFINITY])).toEqual([0, 2, Number.NEGATIVE_INFINITY]);
    expect(clampToUnit([1.2, 0.5], 'upper')).toEqual([1, 0.5]);
    expect(clampToUnit([-0.1, 0.5], 'lower')).toEqual([0, 0.5]);
  });
  it('part-frame helpers', () => {
    const frame: PartFrame = {
      y: [1, 2, 3],
      ySum: [1, 2, 3],
      yLength: [1, 1, 1],
      yMean: [1, 2, 3],
      ySd: [Number.NaN, Number.NaN, Number.NaN],
      n: [Number.NaN, Number.NaN, Number.NaN],
      baseline: [true, true, true],
      include: [true, true, true],
    };
    expect(baseIndices({ ...frame, baseline: [true, true, false], include: [true, false, true] })).toEqual([
      0,
    ]);
    expect(pick([10, 20, 30], [0, 2])).toEqual([10, 30]);
    expect(constantLine(3, 5)).toEqual([5, 5, 5]);
  });
  it('subgroup sd: mean of sds or pooled', () => {
    close(pooledOrMeanSd([3, 3], [1, 2], true), 1.5);
    close(pooledOrMeanSd([2, 3], [1, 2], false), Math.sqrt(3));
    expect(hasEqualSizes([5, 5, 4])).toBe(false);
    expect(hasEqualSizes([5, 0, 5])).toBe(true);
  });
  it('aggregateSubgroups groups by key', () => {
    expect(aggregateSubgroups([1, 3, 5], null, ['a', 'a', 'b']).yMean).toEqual([2, 5]);
  });
  it('checkInput and checkPositions', () => {
    expect(() => checkInput({ chart: 'p', y: [5, 12], n: [10, 10] })).toThrow(QiStatsInputError);
    expect(checkPositions({ part: 12, freeze: null, exclude: [3, 1] }, 20)).toEqual({
      parts: [12],
      freeze: null,
      exclude: [1, 3],
    });
  });
  it('a3, B3/B4 and c4/c5 (Montgomery Appendix VI: c4(5) = 0.9400, A3(5) = 1.427, B4(5) = 2.089)', () => {
    expect(a3(5)).toBeCloseTo(1.427, 3);
    const factors = sChartFactors(5);
    expect(factors.b3).toBe(0);
    expect(factors.b4).toBeCloseTo(2.089, 3);
    expect(c4(5)).toBeCloseTo(0.94, 4);
    close(c4(5), 0.93998560298663);
    close(c5(5), Math.sqrt(1 - c4(5) ** 2));
    // c4(2) = √(2/π) exactly; c4(3) = √π / 2.
    close(c4(2), Math.sqrt(2 / Math.PI));
    close(c4(3), Math.sqrt(Math.PI) / 2);
    expect(Number.isNaN(c4(1))).toBe(true);
  });
  it('math helpers', () => {
    close(logGamma(5), Math.log(24));
    close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)));
    expect(finiteOrNull(Number.POSITIVE_INFINITY)).toBeNull();
    expect(finiteOrNull(Number.NaN)).toBeNull();
    expect(finiteOrNull(0)).toBe(0);
    expect(meanOfPresent([1, null, 3])).toBe(2);
    expect(Number.isNaN(meanOfPresent([null]))).toBe(true);
    expect(sumOfPresent([1, null, 3])).toBe(4);
    expect(medianOfPresent([5, null, 1, 3, 4])).toBe(3.5);
    close(sampleSd([2, 4, 4, 4, 5, 5, 7, 9]), Math.sqrt(32 / 7));
  });
});

describe('reported @example', () => {
  it('multiplies, and a non-finite value is null', () => {
    expect(reported(0.25, 100)).toBe(25);
    expect(reported(Number.NaN, 100)).toBeNull();
  });
});
