// The examples in the repository README run here, so the README cannot drift
// from the code. Expected numbers are the published ones: the MDC team's
// "SPC Charts XmR Testing" worked example (30 points, mean 25.17, LPL 13.33,
// UPL 37.00; a target of 40 with "higher is better" is a consistent fail),
// see shared/spec/spc-rules.md §3.5.
import { describe, expect, it } from 'vitest';
import { makingDataCount } from '../src/index.js';

describe('README: Making Data Count example', () => {
  const chart = makingDataCount({
    values: [
      16, 24, 22, 19, 19, 18, 24, 25, 18, 17, 16, 25, 15, 23, 19, 35, 32, 35, 31, 27, 33, 28, 38, 35, 30, 28,
      29, 27, 24, 23,
    ],
    improvement: 'increase',
    target: 40,
  });

  it('gives the published mean and process limits', () => {
    const group = chart.groups[0];
    expect(group?.mean).toBeCloseTo(25.17, 2);
    expect(group?.lpl).toBeCloseTo(13.33, 2);
    expect(group?.upl).toBeCloseTo(37.0, 2);
  });

  it('gives the published assurance: a target above the upper limit cannot be met', () => {
    expect(chart.groups[0]?.assurance).toBe('consistent_fail');
    expect(chart.groups[0]?.variation).toBe('common_cause');
  });

  it('flags the start of the shift after point 15 as improvement', () => {
    // Points 16-24 sit above the mean (a shift of 6+); 16 and 18 are beyond the
    // upper 2-sigma line (33.05) with 17 between, all above the mean: two in three.
    expect(chart.points[15]?.pointType).toBe('special_cause_improvement');
    expect(chart.points[15]?.rules).toEqual(['shift', 'two_in_three']);
  });
});
