/**
 * Textbook sanity values: Montgomery, Introduction to Statistical Quality
 * Control, as reproduced by qicharts2's own reference tests
 * (tests/testthat/test_montgomery.R) and quoted in shared/spec/spc-rules.md §2.
 * Data sets as printed in Montgomery (6th ed.).
 */
import { describe, expect, it } from 'vitest';
import { controlChart } from '../../src/index.js';

describe('Montgomery examples (spc-rules.md §2 sanity values)', () => {
  it('Example 6.5, I chart, freeze 20: CL 300.5, AMR 7.789, UCL 321.22, LCL 279.78', () => {
    // Cost of processing mortgage loan applications, weeks 1-20.
    const cost = [
      310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304,
    ];
    const chart = controlChart({ chart: 'i', y: cost, freeze: 20 });
    const point = chart.points[0];
    expect(point?.cl).toBeCloseTo(300.5, 10);
    // AMR = 148 / 19 = 7.789; no range reaches 3.267 · AMR, so screening changes nothing.
    expect(point?.ucl).toBeCloseTo(300.5 + (3 * (148 / 19)) / 1.128, 10);
    expect(point?.ucl).toBeCloseTo(321.22, 2);
    expect(point?.lcl).toBeCloseTo(279.78, 2);
  });

  it('Example 7.3, c chart excluding samples 6 and 20: CL 19.67, UCL 32.97, LCL 6.36', () => {
    // Nonconformities in 26 samples of 100 printed circuit boards.
    const count = [
      21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15,
    ];
    const chart = controlChart({ chart: 'c', y: count, exclude: [6, 20] });
    const point = chart.points[0];
    expect(point?.cl).toBeCloseTo(472 / 24, 10);
    expect(point?.ucl).toBeCloseTo(32.97, 2);
    expect(point?.lcl).toBeCloseTo(6.36, 2);
    // The excluded points are still plotted and still tested against the limits.
    expect(chart.points[5]).toMatchObject({ y: 5, include: false });
    expect(chart.points[19]).toMatchObject({ y: 39, include: false, sigmaSignal: true });
    expect(chart.signals.outsideLimits).toEqual([6, 20]);
    expect(chart.signals.belowLowerLimit).toEqual([6]);
    expect(chart.signals.aboveUpperLimit).toEqual([20]);
  });

  it('Example 7.6, T chart: CL 430.04, UCL 6937.9, LCL 0', () => {
    // Hours between failures of a valve.
    const hours = [
      286, 948, 536, 124, 816, 729, 4, 143, 431, 8, 2837, 596, 81, 227, 603, 492, 1199, 1214, 2831, 96,
    ];
    const point = controlChart({ chart: 't', y: hours }).points[0];
    expect(point?.cl).toBeCloseTo(430.04, 2);
    expect(point?.ucl).toBeCloseTo(6937.9, 1);
    expect(point?.lcl).toBe(0);
  });
});
