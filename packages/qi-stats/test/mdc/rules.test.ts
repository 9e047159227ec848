// The run rules on their own, against the wording of MDC-DOC and the
// NHSRplotthedots 0.2.2 source (hand-worked sequences).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type MdcRule, makingDataCount } from '../../src/index.js';
import { markShift } from '../../src/mdc/rules/shift.js';
import { markTrend } from '../../src/mdc/rules/trend.js';
import { markTwoInThree } from '../../src/mdc/rules/two-in-three.js';

describe('shift', () => {
  it('a point exactly on the mean breaks the run (MDC-DOC; ptd `vp[[i]] != 0`)', () => {
    const out = new Int8Array(7);
    markShift([1, 1, 1, 0, 1, 1, 1], 6, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('flags every point of a run longer than the minimum, below as −1', () => {
    const out = new Int8Array(9);
    markShift([1, -1, -1, -1, -1, -1, -1, -1, 1], 7, out);
    expect(Array.from(out)).toEqual([0, -1, -1, -1, -1, -1, -1, -1, 0]);
  });
});

describe('trend', () => {
  it('an equal value is a pause that breaks the trend (MDC-DOC "trend – pauses")', () => {
    const up = new Uint8Array(7);
    const down = new Uint8Array(7);
    markTrend([1, 2, 3, 3, 4, 5, 6], 6, up, down);
    expect(Array.from(up)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('a turning point belongs to both trends', () => {
    const up = new Uint8Array(11);
    const down = new Uint8Array(11);
    markTrend([1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1], 6, up, down);
    expect(Array.from(up)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(down)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('respects the range it is given', () => {
    const up = new Uint8Array(8);
    const down = new Uint8Array(8);
    markTrend([1, 2, 3, 4, 5, 6, 7, 8], 6, up, down, 3, 8);
    expect(Array.from(up)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]); // only 5 points in [3, 8)
  });
});

describe('two in three', () => {
  it('needs all three on one side of the mean (NHSRplotthedots issue #143)', () => {
    const out = new Int8Array(3);
    markTwoInThree([1, -1, 1], [1, 1, 0], out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });

  it('flags only the points beyond two sigma, not the third', () => {
    const out = new Int8Array(5);
    markTwoInThree([-1, -1, -1, -1, 1], [0, 1, 0, 1, 0], out);
    expect(Array.from(out)).toEqual([0, -1, 0, -1, 0]);
  });
});

describe('MdcPoint.rules is typed by MdcRule', () => {
  it('names only the four rules, and the type says so (checked by tsc)', () => {
    const chart = makingDataCount({
      values: [45, 29, 20, 22, 25, 20, 27, 24, 22, 23, 20, 26, 20, 15, 5],
      improvement: 'increase',
    });
    // A type error unless MdcPoint.rules is MdcRule[] (tsc -p tsconfig.json covers the tests).
    expectTypeOf(chart.points[0]?.rules).toEqualTypeOf<MdcRule[] | undefined>();
    const fired: MdcRule[] = chart.points.flatMap((p) => p.rules ?? []);
    const names: ReadonlyArray<string> = ['outside_limits', 'shift', 'trend', 'two_in_three'];
    expect(fired.length).toBeGreaterThan(0);
    expect(fired.every((rule) => names.includes(rule))).toBe(true);
  });
});
