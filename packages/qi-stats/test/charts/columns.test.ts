/**
 * controlChartColumns: the same chart as controlChart, in columns. The
 * property test compares them exactly (toEqual: every number identical,
 * nulls where `defined` is 0) on random valid inputs of every chart type,
 * with missing values, subgroups (xbar, s), parts, freezes, exclusions,
 * multiply, and keys given as strings and in shuffled row order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ControlChartColumns,
  type ControlChartInput,
  controlChart,
  controlChartColumns,
  QiStatsInputError,
} from '../../src/index.js';
import { CHARTS, RUNS, validInput } from './arbitraries.js';
import { columnPoints } from './column-point.js';

const NUMBER_COLUMNS = ['y', 'n', 'cl', 'lcl', 'ucl', 'lcl95', 'ucl95'] as const;
const FLAG_COLUMNS = ['include', 'baseline', 'sigmaSignal', 'runsSignal'] as const;

/** The same rows in another order (a permutation by a step prime to the length), keys as strings. */
function reordered(input: ControlChartInput, seed: number, stringKeys: boolean): ControlChartInput {
  const length = input.y.length;
  let step = (seed % length) + 1;
  while (gcd(step, length) !== 1) step += 1;
  const order = input.y.map((_, k) => (k * step + seed) % length);
  const key = (k: number) => {
    const x = input.x?.[k] ?? k + 1;
    return stringKeys ? `k${String(x).padStart(4, '0')}` : x;
  };
  return {
    ...input,
    y: order.map((k) => input.y[k] ?? null),
    n: input.n ? order.map((k) => input.n?.[k] ?? null) : input.n,
    x: order.map(key),
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Every column has one entry per point; no number column holds NaN or Infinity; masks and flags are 0/1. */
function checkShape(columns: ControlChartColumns): void {
  const length = columns.length;
  expect(columns.x).toHaveLength(length);
  expect(columns.part).toHaveLength(length);
  for (const name of NUMBER_COLUMNS) {
    expect(columns[name]).toBeInstanceOf(Float64Array);
    expect(columns[name]).toHaveLength(length);
    expect(columns.defined[name]).toBeInstanceOf(Uint8Array);
    expect(columns.defined[name]).toHaveLength(length);
    for (let k = 0; k < length; k++) {
      const value = columns[name][k] as number;
      expect(Number.isFinite(value)).toBe(true);
      const mark = columns.defined[name][k];
      expect(mark === 0 || mark === 1).toBe(true);
      if (mark === 0) expect(value).toBe(0);
    }
  }
  for (const name of FLAG_COLUMNS) {
    expect(columns[name]).toBeInstanceOf(Uint8Array);
    expect(columns[name]).toHaveLength(length);
  }
}

describe('controlChartColumns @example', () => {
  it('c chart frozen on the first six counts, with a missing eighth count', () => {
    const columns = controlChartColumns({ chart: 'c', y: [4, 6, 5, 3, 7, 5, 20, null], freeze: 6 });
    expect(columns.cl[0]).toBe(5);
    expect(Math.abs((columns.ucl[0] as number) - (5 + 3 * Math.sqrt(5)))).toBeLessThan(1e-12);
    expect(columns.sigmaSignal[6]).toBe(1);
    expect(columns.signals.outsideLimits).toEqual([7]);
    expect(columns.defined.y[7]).toBe(0);
    expect(columns.y[7]).toBe(0);
  });
});

describe('controlChartColumns agrees exactly with controlChart', () => {
  it('on random valid inputs of every chart type (nulls, parts, freeze, exclude, multiply, subgroups)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(validInput, fc.nat(), fc.boolean(), fc.boolean(), ({ input }, seed, shuffle, strings) => {
        const variant = shuffle || strings ? reordered(input, seed, strings) : input;
        seen.add(variant.chart);
        const columns = controlChartColumns(variant);
        const chart = controlChart(variant);
        checkShape(columns);
        expect(columns.chart).toBe(chart.chart);
        expect(columns.length).toBe(chart.points.length);
        expect(columnPoints(columns)).toEqual(chart.points);
        expect(columns.parts).toEqual(chart.parts);
        expect(columns.signals).toEqual(chart.signals);
      }),
      { numRuns: RUNS * 10 },
    );
    expect(seen.size).toBe(CHARTS.length);
  });

  it('on long series (their own buffers, not the shared small-chart buffer)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHARTS.filter((chart) => chart !== 'xbar' && chart !== 's')),
        fc.array(fc.option(fc.integer({ min: 1, max: 60 }), { nil: null, freq: 20 }), {
          minLength: 150,
          maxLength: 400,
        }),
        fc.integer({ min: 1, max: 149 }),
        (chart, values, split) => {
          fc.pre(
            values.slice(0, split).some((v) => v !== null) && values.slice(split).some((v) => v !== null),
          );
          const input: ControlChartInput = {
            chart,
            y: values,
            n: ['p', 'pp', 'u', 'up'].includes(chart)
              ? values.map((v) => (v === null ? null : v + 40))
              : null,
            part: split,
            exclude: [1],
            multiply: 100,
          };
          const columns = controlChartColumns(input);
          const chart2 = controlChart(input);
          checkShape(columns);
          expect(columnPoints(columns)).toEqual(chart2.points);
          expect(columns.parts).toEqual(chart2.parts);
          expect(columns.signals).toEqual(chart2.signals);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('controlChartColumns memory', () => {
  it("charts' columns never overlap, however many share a buffer", () => {
    const first = controlChartColumns({ chart: 'i', y: [1, 2, 3, 4, 5] });
    const charts = Array.from({ length: 300 }, (_, k) =>
      controlChartColumns({ chart: 'i', y: [k, k + 2, k + 1, k + 3, k] }),
    );
    // Writing into the last chart's columns changes no other chart.
    const last = charts.at(-1) as ControlChartColumns;
    for (const name of NUMBER_COLUMNS) last[name].fill(-1);
    expect(columnPoints(first)).toEqual(controlChart({ chart: 'i', y: [1, 2, 3, 4, 5] }).points);
    charts.slice(0, -1).forEach((columns, k) => {
      expect(columnPoints(columns)).toEqual(
        controlChart({ chart: 'i', y: [k, k + 2, k + 1, k + 3, k] }).points,
      );
    });
  });

  it('keeps working after a caller transfers (detaches) a shared buffer', () => {
    const columns = controlChartColumns({ chart: 'c', y: [4, 6, 5] });
    structuredClone(columns.y.buffer, { transfer: [columns.y.buffer] });
    expect(columns.y.buffer.byteLength).toBe(0);
    expect(columnPoints(controlChartColumns({ chart: 'c', y: [4, 6, 5] }))).toEqual(
      controlChart({ chart: 'c', y: [4, 6, 5] }).points,
    );
  });

  it("never hands back the caller's x array", () => {
    const x = ['2024-01', '2024-02', '2024-03'];
    const columns = controlChartColumns({ chart: 'c', y: [4, 6, 5], x });
    expect(columns.x).toEqual(x);
    expect(columns.x).not.toBe(x);
  });

  it('throws the same input errors as controlChart', () => {
    const bad = { chart: 'p', y: [1, 2], n: [10, null] } as ControlChartInput;
    expect(() => controlChart(bad)).toThrow(QiStatsInputError);
    expect(() => controlChartColumns(bad)).toThrow(QiStatsInputError);
  });
});
