/**
 * Random valid controlChart inputs (fast-check) for the property tests:
 * every chart type, with missing values, subgroups, parts, freezes,
 * exclusions, methods, screening and multiply.
 */
import fc from 'fast-check';
import type { ChartType, ControlChartInput } from '../../src/index.js';

export const CHARTS: ChartType[] = ['run', 'i', 'mr', 'xbar', 's', 't', 'p', 'pp', 'c', 'u', 'up', 'g'];
// Raise with QI_PROPERTY_RUNS=1000 for a longer search.
export const RUNS = Number(process.env.QI_PROPERTY_RUNS ?? 60);

/** One observation's value for a chart type, and a denominator where the chart needs one. */
function observation(chart: ChartType): fc.Arbitrary<{ y: number; n: number | null }> {
  switch (chart) {
    case 'p':
    case 'pp':
      return fc
        .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 400 }))
        .map(([y, extra]) => ({ y, n: Math.max(1, y + extra) }));
    case 'u':
    case 'up':
      return fc
        .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 400 }))
        .map(([y, n]) => ({ y, n }));
    case 'c':
    case 'g':
      return fc.integer({ min: 0, max: 80 }).map((y) => ({ y, n: null }));
    case 't':
      return fc.integer({ min: 1, max: 100000 }).map((y) => ({ y: y / 100, n: null }));
    default:
      return fc.integer({ min: -100000, max: 100000 }).map((y) => ({ y: y / 100, n: null }));
  }
}

export interface Generated {
  input: ControlChartInput;
  subgroups: number;
}

/** A valid input: values (some missing), subgroup keys, and optional part / freeze / exclude / method / screening. */
export const validInput: fc.Arbitrary<Generated> = fc
  .constantFrom(...CHARTS)
  .chain((chart) => {
    const grouped = chart === 'xbar' || chart === 's';
    const sizes = grouped
      ? fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 25 })
      : fc.integer({ min: 2, max: 40 }).map((m) => new Array<number>(m).fill(1));
    return sizes.chain((groupSizes) => {
      const total = groupSizes.reduce((a, b) => a + b, 0);
      const m = groupSizes.length;
      return fc.record({
        chart: fc.constant(chart),
        groupSizes: fc.constant(groupSizes),
        observations: fc.array(observation(chart), { minLength: total, maxLength: total }),
        // About one value in four missing.
        missing: fc.array(
          fc.integer({ min: 0, max: 3 }).map((v) => v === 0),
          { minLength: total, maxLength: total },
        ),
        part: fc.option(fc.integer({ min: 1, max: m - 1 }), { nil: null }),
        freeze: fc.option(fc.integer({ min: 1, max: m }), { nil: null }),
        exclude: fc.uniqueArray(fc.integer({ min: 1, max: m }), { maxLength: Math.min(3, m) }),
        method: fc.constantFrom('anhoej' as const, 'bestbox' as const, 'cutbox' as const),
        screenMovingRanges: fc.boolean(),
        multiply: fc.constantFrom(1, 100, 1000, 0.5),
      });
    });
  })
  .map((g) => {
    const x = g.groupSizes.flatMap((size, k) => new Array<number>(size).fill(k + 1));
    const y: Array<number | null> = g.observations.map((o, k) => (g.missing[k] ? null : o.y));
    // Keep at least one value present.
    if (!y.some((v) => v !== null)) y[0] = g.observations[0]?.y ?? 1;
    const needsN = ['p', 'pp', 'u', 'up'].includes(g.chart);
    const n = needsN ? g.observations.map((o, k) => (y[k] === null ? null : o.n)) : null;
    const input: ControlChartInput = {
      chart: g.chart,
      y,
      n,
      x,
      part: g.part,
      freeze: g.freeze,
      exclude: g.exclude,
      method: g.method,
      screenMovingRanges: g.screenMovingRanges,
      multiply: g.multiply,
    };
    return { input, subgroups: g.groupSizes.length };
  });
