// Properties that hold for any input (fast-check, fixed seeds so a failure
// reproduces): rule flags ignore the level of the data, no NaN or Infinity
// ever reaches a result, and MDC shows nothing under 13 points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makingDataCount, mdcGChart, mdcSummary, mdcTChart } from '../../src/index.js';

const improvements = fc.constantFrom('increase' as const, 'decrease' as const, 'neutral' as const);
const presets = fc.constantFrom('mdc' as const, 'ptd' as const);
/** Whole numbers keep sums exact, so adding a constant moves the mean exactly. */
const series = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 });
const withGaps = fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 6 }), {
  minLength: 1,
  maxLength: 60,
});

function everyNumberFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(everyNumberFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(everyNumberFinite);
  return true;
}

const flags = (r: ReturnType<typeof makingDataCount>) =>
  r.points.map((p) => `${p.pointType}:${p.rules?.join('+')}`);

describe('properties', () => {
  it('adding a constant changes no flag', () => {
    fc.assert(
      fc.property(
        series,
        fc.integer({ min: -1000, max: 1000 }),
        improvements,
        presets,
        (values, shift, improvement, rules) => {
          const before = makingDataCount({ values, improvement, rules });
          const after = makingDataCount({ values: values.map((v) => v + shift), improvement, rules });
          expect(flags(after)).toEqual(flags(before));
        },
      ),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it("mirroring the data and the direction keeps improvement and concern ('mdc')", () => {
    const mirror = { increase: 'decrease', decrease: 'increase', neutral: 'neutral' } as const;
    fc.assert(
      fc.property(
        series,
        fc.constantFrom('increase' as const, 'decrease' as const),
        (values, improvement) => {
          const before = makingDataCount({ values, improvement });
          const after = makingDataCount({ values: values.map((v) => -v), improvement: mirror[improvement] });
          expect(after.points.map((p) => p.pointType)).toEqual(before.points.map((p) => p.pointType));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('no NaN or Infinity in any result, missing values included', () => {
    fc.assert(
      fc.property(
        withGaps,
        improvements,
        presets,
        fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
        (values, improvement, rules, target) => {
          fc.pre(values.some((v) => v !== null));
          const chart = makingDataCount({ values, improvement, rules, target });
          expect(everyNumberFinite(chart)).toBe(true);
          expect(everyNumberFinite(mdcSummary([{ id: 'x', values, improvement, rules, target }]))).toBe(true);
          expect(everyNumberFinite(mdcGChart({ values, rules }))).toBe(true);
          expect(everyNumberFinite(mdcTChart({ daysBetween: values, rules }))).toBe(true);
          // A missing value is never flagged.
          expect(chart.points.filter((p) => p.value === null).every((p) => !p.specialCauseFlag)).toBe(true);
        },
      ),
      { seed: 99, numRuns: 300 },
    );
  });

  it("under 13 observed values 'mdc' draws no limits, flags nothing and shows no icon", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
        improvements,
        (values, improvement) => {
          const chart = makingDataCount({ values, improvement, target: 0 });
          expect(chart.points.every((p) => p.lpl === null && p.upl === null && !p.specialCauseFlag)).toBe(
            true,
          );
          expect(chart.groups.every((g) => g.variationIcon === null && g.assurance === null)).toBe(true);
        },
      ),
      { seed: 13, numRuns: 200 },
    );
  });

  it('a constant series: zero moving range, limits on the mean, nothing flagged', () => {
    for (const rules of ['mdc', 'ptd'] as const) {
      const chart = makingDataCount({
        values: Array(24).fill(7.5),
        improvement: 'increase',
        rules,
        target: 7.5,
      });
      expect(chart.groups[0]).toMatchObject({ mean: 7.5, lpl: 7.5, upl: 7.5, variation: 'common_cause' });
      expect(chart.points.every((p) => !p.specialCauseFlag && p.relativeToMean === 0)).toBe(true);
    }
  });
});
