// A constant series has no variation at all, so no rule may flag it, whatever
// the value. Floating-point sums can put the mean a hair off the value (13 ×
// 1.1 / 13 = 1.0999999999999999), which used to put every point "above the
// mean" and "outside" limits equal to the mean: false special causes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makingDataCount } from '../../src/index.js';

describe('constant series', () => {
  it('flags nothing for 20 points of 1.1 under either preset', () => {
    for (const rules of ['mdc', 'ptd'] as const) {
      const chart = makingDataCount({ values: new Array(20).fill(1.1), improvement: 'increase', rules });
      expect(chart.groups[0]?.mean).toBe(1.1);
      expect(chart.points.every((point) => point.pointType === 'common_cause')).toBe(true);
    }
  });

  it('flags nothing for any constant value and length', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom('mdc' as const, 'ptd' as const),
        (value, length, rules) => {
          const chart = makingDataCount({
            values: new Array(length).fill(value),
            improvement: 'decrease',
            rules,
          });
          expect(chart.points.filter((point) => point.specialCauseFlag)).toEqual([]);
        },
      ),
      { seed: 20261126, numRuns: 300 },
    );
  });
});
