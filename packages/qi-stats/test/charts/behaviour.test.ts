/**
 * Hand-worked behaviour of controlChart beyond the conformance vectors:
 * subgrouping by x, missing values, parts vs freeze, screening off, the
 * "why" fields.
 */
import { describe, expect, it } from 'vitest';
import { controlChart } from '../../src/index.js';

describe('subgroups (x)', () => {
  it('observations sharing a key form one subgroup, in key order', () => {
    const chart = controlChart({ chart: 'xbar', x: [2, 1, 2, 1], y: [10, 1, 20, 3] });
    expect(chart.points.map((p) => p.x)).toEqual([1, 2]);
    expect(chart.points.map((p) => p.y)).toEqual([2, 15]);
  });
  it('string keys sort by code point (ISO months in time order)', () => {
    const chart = controlChart({ chart: 'i', x: ['2024-02', '2024-01', '2024-03'], y: [2, 1, 3] });
    expect(chart.points.map((p) => p.x)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(chart.points.map((p) => p.y)).toEqual([1, 2, 3]);
  });
  it('p chart aggregates Σy / Σn per subgroup', () => {
    const chart = controlChart({ chart: 'p', x: ['a', 'a', 'b'], y: [1, 3, 2], n: [10, 30, 20] });
    expect(chart.points.map((p) => p.y)).toEqual([0.1, 0.1]);
    expect(chart.points.map((p) => p.n)).toEqual([40, 20]);
  });
  it('a subgroup of one has no sd: s chart point and limits are null', () => {
    const chart = controlChart({ chart: 's', x: [1, 1, 2, 3, 3], y: [1, 3, 5, 2, 6] });
    expect(chart.points[1]).toMatchObject({ y: null, ucl: null, lcl: null });
  });
});

describe('missing values are skipped, never zero', () => {
  it('a missing count on a c chart stays missing and leaves the centre line alone', () => {
    const chart = controlChart({ chart: 'c', y: [4, null, 6] });
    expect(chart.points[1]?.y).toBeNull();
    expect(chart.points[0]?.cl).toBe(5);
  });
  it('a missing row on a p chart has no n and no limits', () => {
    const chart = controlChart({ chart: 'p', y: [1, null, 3], n: [10, 10, 10] });
    expect(chart.points[1]).toMatchObject({ y: null, n: null, ucl: null, lcl: null, sigmaSignal: false });
    expect(chart.points[0]?.cl).toBeCloseTo(0.2, 12);
  });
  it('an I chart does not bridge a gap with a moving range', () => {
    // Ranges: |3−1| = 2, then none across the gap, then |9−7| = 2 → AMR 2.
    const chart = controlChart({ chart: 'i', y: [1, 3, null, 7, 9], screenMovingRanges: false });
    expect(chart.points[0]?.ucl).toBeCloseTo(5 + (3 * 2) / 1.128, 12);
  });
});

describe('parts, freeze and exclude', () => {
  it('freeze: limits from the baseline, runs analysis over every included point', () => {
    const chart = controlChart({ chart: 'run', y: [1, 2, 3, 4, 10, 11, 12, 13], freeze: 4 });
    expect(chart.points[7]?.cl).toBe(2.5);
    expect(chart.points.map((p) => p.baseline)).toEqual([true, true, true, true, false, false, false, false]);
    expect(chart.parts[0]?.nObs).toBe(8);
    expect(chart.parts[0]?.longestRunAt).toEqual({ start: 3, end: 8, side: 'above', length: 6 });
  });
  it('freeze is ignored when parts are given (as qicharts2)', () => {
    const chart = controlChart({ chart: 'run', y: [1, 2, 3, 4, 10, 11, 12, 13], part: 4, freeze: 2 });
    expect(chart.points.every((p) => p.baseline)).toBe(true);
    expect(chart.points.map((p) => p.cl)).toEqual([2.5, 2.5, 2.5, 2.5, 11.5, 11.5, 11.5, 11.5]);
    expect(chart.parts.map((p) => [p.start, p.end])).toEqual([
      [1, 4],
      [5, 8],
    ]);
  });
  it('exclude leaves a point out of the centre line and the runs analysis but keeps it plotted', () => {
    const chart = controlChart({ chart: 'run', y: [1, 2, 100, 3, 4], exclude: 3 });
    expect(chart.points[0]?.cl).toBe(2.5);
    expect(chart.points[2]).toMatchObject({ y: 100, include: false });
    expect(chart.parts[0]?.nObs).toBe(4);
  });
});

describe('moving-range screening', () => {
  // Ranges 1 ×7 and 18: AMR 3.125, screened AMR 1.
  const y = [1, 2, 1, 2, 1, 2, 1, 2, 20];
  const mean = 32 / 9;
  it('on by default (qicharts2 attached)', () => {
    expect(controlChart({ chart: 'i', y }).points[0]?.ucl).toBeCloseTo(mean + 3 / 1.128, 12);
  });
  it('off on request', () => {
    expect(controlChart({ chart: 'i', y, screenMovingRanges: false }).points[0]?.ucl).toBeCloseTo(
      mean + (3 * 3.125) / 1.128,
      12,
    );
  });
});

describe('why a chart signals', () => {
  it('long run: reason and location', () => {
    // Twelve points, six below then six above the median: 1 crossing (< 3).
    const chart = controlChart({ chart: 'run', y: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
    expect(chart.parts[0]).toMatchObject({
      runsSignal: true,
      runsSignalReasons: ['few-crossings'],
      longestRunAt: { start: 1, end: 6, side: 'below', length: 6 },
      runsMethod: 'anhoej',
    });
    expect(chart.signals.runsSignalParts).toEqual([1]);
  });
  it('an MR chart never reports a runs signal, though it reports the run', () => {
    const chart = controlChart({
      chart: 'mr',
      y: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60, 70, 80],
    });
    expect(chart.parts[0]?.runsSignal).toBe(false);
    expect(chart.parts[0]?.runsSignalReasons).toEqual([]);
    expect(chart.parts[0]?.longestRunAt).not.toBeNull();
  });
});
