import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QiStatsInputError } from '../../src/errors.js';
import { ihiRunChart } from '../../src/index.js';

// Every expected value below is worked out by hand in the comments, from the
// rules as Perla, Provost & Murray (BMJ Qual Saf 2011;20:46–51) state them,
// never copied from the code's output.

describe('ihiRunChart: the doc example', () => {
  it('finds two shifts and too few runs', () => {
    // values   3 4 3 5 4 3 | 8 9 7 8 9 8
    // sorted   3 3 3 4 4 5 7 8 8 8 9 9 -> median = (5 + 7) / 2 = 6
    // sides    - - - - - - | + + + + + +  -> 2 runs, 12 useful points
    // Table 1, n = 12: 3 to 11 runs expected; 2 < 3 -> too few runs.
    // Both runs are 6 long -> two shifts.
    // Steps: + - + - - + + - + + -: never 4 steps the same way -> no trend.
    // I chart: mean 71/12 = 5.92; moving ranges 1 1 2 1 1 5 1 2 1 1 1, mean
    // 17/11 = 1.545 (5 < 3.267 x 1.545 = 5.05 is kept); sigma 1.37; limits
    // 1.81 to 10.03 -> no astronomical candidate.
    expect(ihiRunChart([3, 4, 3, 5, 4, 3, 8, 9, 7, 8, 9, 8])).toEqual({
      median: 6,
      nUseful: 12,
      runs: 2,
      runsLimits: { lower: 3, upper: 11 },
      shifts: [
        [1, 2, 3, 4, 5, 6],
        [7, 8, 9, 10, 11, 12],
      ],
      trends: [],
      astronomical: [],
    });
  });
});

describe('ihiRunChart: shifts', () => {
  it('skips points on the median inside a shift: they neither break nor add', () => {
    // pos      1 2 3 4 5 6 7 8 9 10 11 12 13 14
    // value    2 3 8 6 7 5 9 6 7  1  2  5  3  4
    // sorted   1 2 2 3 3 4 5 5 6 6 7 7 8 9 -> 7th and 8th are 5 and 5 -> median 5
    // side     - - + + + 0 + + +  -  -  0  -  -
    // Useful points 12; runs: {1,2} below, {3,4,5,7,8,9} above, {10,11,13,14} below.
    // The run above has 6 useful points (position 6 is on the median and is
    // skipped, not a break) -> one shift, listed without position 6.
    // 3 runs, Table 1 n = 12: 3 to 11 -> 3 is not too few.
    // Trend: the longest monotone stretch is 1 2 5 (positions 10-12) -> none.
    const result = ihiRunChart([2, 3, 8, 6, 7, 5, 9, 6, 7, 1, 2, 5, 3, 4]);
    expect(result.median).toBe(5);
    expect(result.nUseful).toBe(12);
    expect(result.runs).toBe(3);
    expect(result.runsLimits).toEqual({ lower: 3, upper: 11 });
    expect(result.shifts).toEqual([[3, 4, 5, 7, 8, 9]]);
    expect(result.trends).toEqual([]);
    expect(result.astronomical).toEqual([]);
  });

  it('does not call 5 useful points a shift even when they span 6 positions', () => {
    // pos     1 2 3 4 5 6 7 8 9 10 11
    // value   8 7 5 6 8 9 1 2 3  4  5
    // sorted  1 2 3 4 5 5 6 7 8 8 9 -> median = 6th of 11 = 5
    // side    + + 0 + + + - - -  -  0
    // The run above has 5 useful points (1 2 4 5 6) over 6 positions: no
    // shift. The run below has 4. 9 useful points, 2 runs.
    // Trend: 1 2 3 4 5 at positions 7-11 rise -> one trend (it ends on the
    // median: the trend rule does not look at the median).
    const result = ihiRunChart([8, 7, 5, 6, 8, 9, 1, 2, 3, 4, 5]);
    expect(result.median).toBe(5);
    expect(result.nUseful).toBe(9);
    expect(result.runs).toBe(2);
    expect(result.shifts).toEqual([]);
    expect(result.trends).toEqual([[7, 8, 9, 10, 11]]);
  });
});

describe('ihiRunChart: trends', () => {
  it('ignores a repeated value: it neither adds nor breaks', () => {
    // 5 6 6 7 8 9 4: counting 5 6 7 8 9 (the second 6 ignored) -> 5 points up.
    expect(ihiRunChart([5, 6, 6, 7, 8, 9, 4]).trends).toEqual([[1, 2, 4, 5, 6]]);
  });

  it('does not let a repeated value make 4 points into 5', () => {
    // 1 2 2 3 4 counts as 1 2 3 4: four points, no trend.
    expect(ihiRunChart([1, 2, 2, 3, 4]).trends).toEqual([]);
  });

  it('finds a falling trend that starts with a tie', () => {
    // 9 9 8 7 6 5: the first 9 counts, the second is ignored -> 9 8 7 6 5.
    expect(ihiRunChart([9, 9, 8, 7, 6, 5]).trends).toEqual([[1, 3, 4, 5, 6]]);
  });

  it('lets a rise and a fall share their turning point', () => {
    // 1 2 3 4 5 up to the peak at position 5, then 5 4 3 2 1 down from it.
    expect(ihiRunChart([1, 2, 3, 4, 5, 4, 3, 2, 1]).trends).toEqual([
      [1, 2, 3, 4, 5],
      [5, 6, 7, 8, 9],
    ]);
  });

  it('reads a trend across a missing value', () => {
    // 1 2 . 3 4 5: the gap is skipped -> 5 points up at positions 1 2 4 5 6.
    expect(ihiRunChart([1, 2, null, 3, 4, 5]).trends).toEqual([[1, 2, 4, 5, 6]]);
  });
});

describe('ihiRunChart: number of runs', () => {
  it('flags too many runs on an alternating series', () => {
    // 1 9 1 9 1 9 1 9 1 9: median (1 + 9) / 2 = 5; every point its own run ->
    // 10 runs, 10 useful points; Table 1 n = 10: 3 to 9 -> 10 > 9, too many.
    const result = ihiRunChart([1, 9, 1, 9, 1, 9, 1, 9, 1, 9]);
    expect(result.runs).toBe(10);
    expect(result.runsLimits).toEqual({ lower: 3, upper: 9 });
    expect(result.runs).toBeGreaterThan(result.runsLimits?.upper ?? Number.POSITIVE_INFINITY);
  });

  it('gives no limits below 10 useful points', () => {
    expect(ihiRunChart([1, 2, 3, 4, 5, 6, 7, 8, 9]).runsLimits).toBeNull();
  });

  it('gives no limits above the last corroborated row (26)', () => {
    // 0, 1, ..., 25: median 12.5, no value on it -> 26 useful -> Table 1 row 26.
    expect(ihiRunChart(Array.from({ length: 26 }, (_, i) => i)).runsLimits).toEqual({ lower: 9, upper: 19 });
    // 0, 1, ..., 26: median 13 is a value -> 26 useful again, still row 26.
    expect(ihiRunChart(Array.from({ length: 27 }, (_, i) => i)).nUseful).toBe(26);
    // 0, 1, ..., 27: median 13.5 -> 28 useful -> no corroborated row -> null.
    const result = ihiRunChart(Array.from({ length: 28 }, (_, i) => i));
    expect(result.nUseful).toBe(28);
    expect(result.runsLimits).toBeNull();
  });

  it('has nothing useful when every point is on the median', () => {
    expect(ihiRunChart([5, 5, 5])).toEqual({
      median: 5,
      nUseful: 0,
      runs: 0,
      runsLimits: null,
      shifts: [],
      trends: [],
      astronomical: [],
    });
  });
});

describe('ihiRunChart: missing values', () => {
  it('skips nulls (never 0) and keeps positions', () => {
    // non-missing 4 6 5 7 3 -> sorted 3 4 5 6 7 -> median 5.
    // (Were the nulls zeros: 0 0 3 4 5 6 7 -> median 4.)
    // pos 1: 4 below, 3: 6 above, 4: 5 on, 6: 7 above, 7: 3 below.
    // runs {1} {3,6} {7} -> 3 runs over 4 useful points.
    const result = ihiRunChart([4, null, 6, 5, null, 7, 3]);
    expect(result.median).toBe(5);
    expect(result.nUseful).toBe(4);
    expect(result.runs).toBe(3);
  });

  it('gives the same analysis with nulls interleaved, at mapped positions', () => {
    // Property: inserting missing values changes positions, nothing else
    // (astronomical aside: a moving range does not bridge a gap).
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (values, gaps) => {
          const withGaps: Array<number | null> = [];
          const positionOf: number[] = [];
          values.forEach((value, i) => {
            if (gaps[i]) withGaps.push(null);
            withGaps.push(value);
            positionOf.push(withGaps.length);
          });
          const plain = ihiRunChart(values);
          const gapped = ihiRunChart(withGaps);
          const map = (groups: number[][]) => groups.map((g) => g.map((p) => positionOf[p - 1]));
          expect(gapped.median).toBe(plain.median);
          expect(gapped.nUseful).toBe(plain.nUseful);
          expect(gapped.runs).toBe(plain.runs);
          expect(gapped.runsLimits).toEqual(plain.runsLimits);
          expect(gapped.shifts).toEqual(map(plain.shifts));
          expect(gapped.trends).toEqual(map(plain.trends));
        },
      ),
    );
  });
});

describe('ihiRunChart: baseline', () => {
  it('freezes the median on the first k values and extends it', () => {
    // 1 2 3 4 5 6 | 10 11 12 13 14 15, baseline 6 -> median of 1..6 = 3.5.
    // sides: - - - + + + + + + + + + -> runs {1,2,3} {4..12}: 2 runs, the
    // second (9 points) a shift. Table 1 n = 12: 3 to 11 -> too few.
    // One trend: all 12 values rise.
    // I chart on the baseline: mean 3.5, moving ranges all 1 -> sigma 1/1.128
    // = 0.887, limits 0.84 to 6.16 -> positions 7-12 (10 to 15) are candidates.
    const result = ihiRunChart([1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15], { baseline: 6 });
    expect(result).toEqual({
      median: 3.5,
      nUseful: 12,
      runs: 2,
      runsLimits: { lower: 3, upper: 11 },
      shifts: [[4, 5, 6, 7, 8, 9, 10, 11, 12]],
      trends: [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
      astronomical: [7, 8, 9, 10, 11, 12],
    });
  });

  it('counts the baseline in non-missing values', () => {
    // null 1 2 3 10, baseline 3 -> the first three values are 1 2 3 -> median 2.
    expect(ihiRunChart([null, 1, 2, 3, 10], { baseline: 3 }).median).toBe(2);
  });
});

describe('ihiRunChart: astronomical candidates', () => {
  it('nominates a point far outside I-chart limits', () => {
    // 10 12 9 11 13 10 12 9 11 40: mean 137/10 = 13.7.
    // moving ranges 2 3 2 2 3 2 3 2 29, mean 48/9 = 5.33; 29 >= 3.267 x 5.33
    // = 17.4 is screened out -> mean 19/8 = 2.375 -> sigma 2.105 -> limits
    // 7.38 to 20.02 -> only 40 (position 10) is outside.
    expect(ihiRunChart([10, 12, 9, 11, 13, 10, 12, 9, 11, 40]).astronomical).toEqual([10]);
  });
});

describe('ihiRunChart: bad input', () => {
  const rejects = (run: () => unknown, field: string, rule: string, position: number | null) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(QiStatsInputError);
      const inputError = error as QiStatsInputError;
      expect([inputError.field, inputError.rule, inputError.position]).toEqual([field, rule, position]);
      return;
    }
    throw new Error('expected a QiStatsInputError');
  };

  it('rejects an empty series', () => rejects(() => ihiRunChart([]), 'values', 'no-values', null));
  it('rejects a series of nulls', () =>
    rejects(() => ihiRunChart([null, null]), 'values', 'no-values', null));
  it('rejects NaN, naming its position', () =>
    rejects(() => ihiRunChart([1, 2, Number.NaN]), 'values', 'non-finite-value', 3));
  it('rejects Infinity', () =>
    rejects(() => ihiRunChart([Number.POSITIVE_INFINITY]), 'values', 'non-finite-value', 1));
  it('rejects a baseline of 0', () =>
    rejects(() => ihiRunChart([1, 2, 3], { baseline: 0 }), 'baseline', 'baseline-out-of-range', null));
  it('rejects a fractional baseline', () =>
    rejects(() => ihiRunChart([1, 2, 3], { baseline: 2.5 }), 'baseline', 'baseline-out-of-range', null));
  it('rejects a baseline longer than the non-missing values', () =>
    rejects(() => ihiRunChart([1, null, 2], { baseline: 3 }), 'baseline', 'baseline-out-of-range', null));
});
