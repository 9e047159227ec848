/**
 * Property tests (fast-check) for controlChart over every chart type, with
 * random missing values, parts, freezes, exclusions, methods and screening.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChartType,
  type ControlChartInput,
  type ControlChartResult,
  controlChart,
} from '../../src/index.js';
import { CHARTS, RUNS, validInput } from './arbitraries.js';

const LINES = ['y', 'cl', 'lcl', 'ucl', 'lcl95', 'ucl95'] as const;

function allNumbers(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'number') found.push(value);
  else if (Array.isArray(value)) for (const item of value) allNumbers(item, found);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) allNumbers(item, found);
  return found;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('controlChart properties', () => {
  it('never returns NaN or Infinity, for any valid input', () => {
    fc.assert(
      fc.property(validInput, ({ input }) => {
        const result = controlChart(input);
        for (const number of allNumbers(result)) expect(Number.isFinite(number)).toBe(true);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('lcl ≤ lcl95 ≤ cl ≤ ucl95 ≤ ucl wherever they are defined', () => {
    fc.assert(
      fc.property(validInput, ({ input }) => {
        const result = controlChart(input);
        for (const point of result.points) {
          const chain = [point.lcl, point.lcl95, point.cl, point.ucl95, point.ucl];
          for (let i = 0; i < chain.length; i++) {
            for (let j = i + 1; j < chain.length; j++) {
              const low = chain[i];
              const high = chain[j];
              if (low == null || high == null) continue;
              expect(low).toBeLessThanOrEqual(high + 1e-12 * Math.max(1, Math.abs(high)));
            }
          }
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('multiply scales y, centre line and limits and changes no flag or signal', () => {
    fc.assert(
      fc.property(validInput, fc.constantFrom(100, 1000, 10000, 0.01), ({ input }, factor) => {
        const base = controlChart({ ...input, multiply: 1 });
        const scaled = controlChart({ ...input, multiply: factor });
        expect(scaled.parts).toEqual(base.parts);
        expect(scaled.signals).toEqual(base.signals);
        base.points.forEach((point, k) => {
          const other = scaled.points[k];
          expect(other).toBeDefined();
          if (!other) return;
          for (const flag of [
            'include',
            'baseline',
            'sigmaSignal',
            'runsSignal',
            'part',
            'x',
            'n',
          ] as const) {
            expect(other[flag]).toEqual(point[flag]);
          }
          for (const line of LINES) {
            const a = point[line];
            const b = other[line];
            if (a === null) expect(b).toBeNull();
            else expect(b !== null && near(b, a * factor)).toBe(true);
          }
        });
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("a part's centre line, limits and runs analysis depend only on that part's data", () => {
    fc.assert(
      fc.property(
        validInput.filter((g) => g.input.part != null),
        fc.integer({ min: 1, max: 1000 }),
        ({ input }, seed) => {
          const breakAt = input.part as number;
          const x = input.x as number[];
          // Change every observation after the break (subgroups breakAt+1..) to other valid values.
          const changed = input.y.map((value, k) => {
            if ((x[k] as number) <= breakAt || value === null) return value;
            if (input.chart === 'p' || input.chart === 'pp')
              return Math.min(value + (seed % 5), input.n?.[k] ?? 0);
            if (input.chart === 't') return value * (1 + (seed % 7));
            return value + (seed % 11) + 1;
          });
          const before = controlChart(input);
          const after = controlChart({ ...input, y: changed });
          expect(after.parts[0]).toEqual(before.parts[0]);
          before.points.forEach((point, k) => {
            if (point.part !== 1) return;
            expect(after.points[k]).toEqual(point);
          });
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('a missing subgroup never acts like 0: inserting one changes no centre line, limit or run count', () => {
    const noMovingRange = CHARTS.filter((c) => !['i', 'mr', 't', 'pp', 'up'].includes(c));
    fc.assert(
      fc.property(
        validInput.filter(
          (g) => noMovingRange.includes(g.input.chart) && g.input.part == null && g.input.freeze == null,
        ),
        fc.nat(),
        ({ input, subgroups }, where) => {
          const plain = { ...input, exclude: null };
          const x = plain.x as number[];
          // A new subgroup key between two existing ones, holding one missing observation.
          const key = (where % subgroups) + 0.5;
          const withGap: ControlChartInput = {
            ...plain,
            y: [...plain.y, null],
            n: plain.n ? [...plain.n, null] : null,
            x: [...x, key],
          };
          const before = controlChart(plain);
          const after = controlChart(withGap);
          const inserted = after.points.find((p) => p.x === key);
          expect(inserted).toMatchObject({ y: null, sigmaSignal: false });
          expect(after.points[0]?.cl).toEqual(before.points[0]?.cl);
          const withoutGap = after.points.filter((p) => p.x !== key);
          withoutGap.forEach((point, k) => {
            expect(point.ucl).toEqual(before.points[k]?.ucl);
            expect(point.lcl).toEqual(before.points[k]?.lcl);
          });
          expect(after.parts[0]?.nUseful).toBe(before.parts[0]?.nUseful);
          expect(after.parts[0]?.longestRun).toBe(before.parts[0]?.longestRun);
          expect(after.parts[0]?.crossings).toBe(before.parts[0]?.crossings);
          expect(after.parts[0]?.nObs).toBe((before.parts[0]?.nObs ?? 0) + 1);
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('a missing value in an I chart is not a zero: replacing it by 0 changes the chart', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1000, max: 2000 }), { minLength: 5, maxLength: 30 }),
        fc.nat(),
        (values, where) => {
          const k = where % values.length;
          const withNull = values.map((v, j) => (j === k ? null : v));
          const withZero = values.map((v, j) => (j === k ? 0 : v));
          const a = controlChart({ chart: 'i', y: withNull });
          const b = controlChart({ chart: 'i', y: withZero });
          expect(a.points[k]?.y).toBeNull();
          expect(a.points[0]?.cl).not.toEqual(b.points[0]?.cl);
          // The centre line is the mean of the values present.
          const present = values.filter((_, j) => j !== k);
          expect(near(a.points[0]?.cl as number, present.reduce((s, v) => s + v, 0) / present.length)).toBe(
            true,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('the generator makes valid inputs', () => {
  it('covers every chart type', () => {
    const seen = new Set<ChartType>();
    fc.assert(
      fc.property(validInput, ({ input }) => {
        seen.add(input.chart);
        const result: ControlChartResult = controlChart(input);
        expect(result.points.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
    expect(seen.size).toBe(CHARTS.length);
  });
});
