/**
 * The fast paths of controlChart give exactly the results of the general
 * ones: keys that already ascend (no Map, no sort), one part (no copies),
 * constant limits (one number per part), a runs analysis without exclusions
 * (no compacted copies). Each is checked against the same data sent down
 * the general path, e.g. the same rows shuffled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChartType, type ControlChartInput, controlChart, runsAnalysis } from '../../src/index.js';

const RUNS = Number(process.env.QI_PROPERTY_RUNS ?? 60);

/** Deterministic shuffle (a permutation by a multiplier prime to the length). */
function shuffled<T>(values: ReadonlyArray<T>, seed: number): T[] {
  const length = values.length;
  let step = (seed % Math.max(length, 1)) + 1;
  while (gcd(step, length) !== 1) step += 1;
  return values.map((_, k) => values[(k * step + seed) % length] as T);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The same rows in another order: y, n and x permuted together. */
function permuteRows(input: ControlChartInput, seed: number): ControlChartInput {
  const rows = input.y.map((y, k) => ({ y, n: input.n?.[k] ?? null, x: input.x?.[k] as string | number }));
  const order = shuffled(rows, seed);
  return {
    ...input,
    y: order.map((row) => row.y),
    n: input.n ? order.map((row) => row.n) : input.n,
    x: order.map((row) => row.x),
  };
}

const charts: ChartType[] = ['run', 'i', 'mr', 'xbar', 's', 't', 'c', 'g', 'p', 'pp', 'u', 'up'];

describe('fast paths match the general path', () => {
  it('strictly ascending keys (one observation per subgroup) = the same rows shuffled', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...charts.filter((chart) => chart !== 'xbar' && chart !== 's')),
        fc.array(fc.option(fc.integer({ min: 1, max: 60 }), { nil: null, freq: 8 }), {
          minLength: 2,
          maxLength: 40,
        }),
        fc.integer({ min: 0, max: 1000 }),
        (chart, values, seed) => {
          fc.pre(values.some((value) => value !== null));
          const n = values.map((value) => (value === null ? null : value + 40));
          const input: ControlChartInput = {
            chart,
            y: values,
            n: ['p', 'pp', 'u', 'up'].includes(chart) ? n : null,
            x: values.map((_, k) => `2024-${String(k).padStart(3, '0')}`),
            multiply: 100,
          };
          expect(controlChart(input)).toEqual(controlChart(permuteRows(input, seed)));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('ascending keys with repeats (consecutive subgroups) = the same rows shuffled', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ChartType>('xbar', 's', 'i', 'p'),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 20 }),
        fc.integer({ min: 0, max: 1000 }),
        (chart, sizes, seed) => {
          const x = sizes.flatMap((size, group) => Array.from({ length: size }, () => group * 10));
          const y = x.map((key, k) => ((key * 7 + k * 13) % 23) + 1);
          const input: ControlChartInput = { chart, y, x, n: chart === 'p' ? y.map((v) => v + 30) : null };
          expect(controlChart(input)).toEqual(controlChart(permuteRows(input, seed)));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('default keys are the keys 1..N given explicitly', () => {
    const y = [5, 3, null, 8, 1, 9, 2, 7, 4, 6, 3, 8];
    for (const chart of ['run', 'i', 'mr', 'c', 'g'] as ChartType[]) {
      const explicit = controlChart({ chart, y, x: y.map((_, k) => k + 1), exclude: [4], part: 6 });
      expect(controlChart({ chart, y, exclude: [4], part: 6 })).toEqual(explicit);
    }
  });

  it('a −0 key is reported as 0, as the general path (a Map) has always done', () => {
    const chart = controlChart({ chart: 'i', y: [1, 2, 3], x: [-0, 1, 2] });
    expect(Object.is(chart.points[0]?.x, 0)).toBe(true);
  });

  it('runsAnalysis: firstPosition gives the positions it stands for', () => {
    const values = [1, 1, 3, 3, 3, 1, 2, 3, 0, 0];
    const shifted = runsAnalysis(values, 2, { firstPosition: 41 });
    const explicit = runsAnalysis(values, 2, { positions: values.map((_, k) => k + 41) });
    expect(shifted).toEqual(explicit);
    expect(shifted.longestRunAt).toEqual({ start: 43, end: 45, side: 'above', length: 3 });
  });
});
