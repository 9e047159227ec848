import { describe, expect, it } from 'vitest';
import { IHI_RUNS_TABLE, ihiRunsLimits } from '../../src/index.js';
import { astronomicalCandidates } from '../../src/rules/ihi-astronomical.js';
import { runsAboutMedian, shiftsFromRuns } from '../../src/rules/ihi-runs.js';
import { trends } from '../../src/rules/ihi-trends.js';

describe('ihiRunsLimits (Perla et al. 2011, Table 1)', () => {
  it('runs its doc example', () => {
    expect(ihiRunsLimits(20)).toEqual({ lower: 6, upper: 16 });
    expect(ihiRunsLimits(9)).toBeNull();
    expect(ihiRunsLimits(40)).toBeNull();
  });

  it('holds exactly the corroborated rows 10-26', () => {
    // Typed in again here from shared/spec/spc-rules.md §1.2, so that a typo
    // in the data file shows up as a difference between two copies.
    const lower = [3, 3, 3, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 9];
    const upper = [9, 10, 11, 11, 12, 12, 13, 13, 14, 15, 16, 16, 17, 17, 18, 18, 19];
    const expected = Object.fromEntries(lower.map((l, i) => [10 + i, [l, upper[i]]]));
    expect(IHI_RUNS_TABLE).toEqual(expected);
  });

  it('returns null outside the shipped rows, never a guess', () => {
    for (const n of [0, 1, 5, 9, 27, 30, 60, 100, 10.5, -3]) expect(ihiRunsLimits(n)).toBeNull();
  });

  it('widens (never narrows) as n grows, as a runs table must', () => {
    for (let n = 11; n <= 26; n++) {
      const previous = ihiRunsLimits(n - 1);
      const current = ihiRunsLimits(n);
      expect(current?.lower).toBeGreaterThanOrEqual(previous?.lower ?? Number.NaN);
      expect(current?.upper).toBeGreaterThanOrEqual(previous?.upper ?? Number.NaN);
    }
  });
});

describe('IHI rule helpers: doc examples', () => {
  const at = (values: number[]) => values.map((value, i) => ({ position: i + 1, value }));

  it('runsAboutMedian skips the point on the median', () => {
    expect(runsAboutMedian(at([1, 5, 3, 6]), 3)).toEqual([
      { side: -1, positions: [1] },
      { side: 1, positions: [2, 4] },
    ]);
  });

  it('shiftsFromRuns keeps runs of 6 or more useful points', () => {
    expect(
      shiftsFromRuns([
        { side: 1, positions: [1, 2, 3, 5, 6, 7] },
        { side: -1, positions: [8] },
      ]),
    ).toEqual([[1, 2, 3, 5, 6, 7]]);
  });

  it('trends ignores the repeated value', () => {
    expect(trends(at([1, 2, 2, 3, 4, 5]))).toEqual([[1, 2, 4, 5, 6]]);
  });

  it('astronomicalCandidates nominates the outlier', () => {
    const points = at([10, 12, 9, 11, 13, 10, 12, 9, 11, 40]);
    expect(astronomicalCandidates(points, points)).toEqual([10]);
  });

  it('astronomicalCandidates has nothing to judge against without variation', () => {
    expect(astronomicalCandidates(at([5, 5, 5, 9]), at([5, 5, 5]))).toEqual([]);
    expect(astronomicalCandidates(at([5]), at([5]))).toEqual([]);
  });
});
