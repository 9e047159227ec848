/** runsAnalysis: run lengths, crossings and where the longest run is, worked by hand. */
import { describe, expect, it } from 'vitest';
import { runsAnalysis } from '../../src/rules/index.js';

describe('runsAnalysis', () => {
  it('@example: twelve rising points around their median', () => {
    const result = runsAnalysis([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 6.5);
    expect(result.longestRun).toBe(6);
    expect(result.crossings).toBe(1);
    expect(result.runsSignal).toBe(true);
    expect(result.reasons).toEqual(['few-crossings']);
    expect(result.longestRunAt).toEqual({ start: 1, end: 6, side: 'below', length: 6 });
  });

  it('points on the centre line and missing points neither break nor extend a run', () => {
    // sides: + + (on) + null - - ; useful: + + + - -  → runs 3 and 2, one crossing
    const result = runsAnalysis([2, 3, 1, 4, null, 0, -1], 1);
    expect(result.nObs).toBe(7);
    expect(result.nUseful).toBe(5);
    expect(result.longestRun).toBe(3);
    expect(result.crossings).toBe(1);
    expect(result.longestRunAt).toEqual({ start: 1, end: 4, side: 'above', length: 3 });
  });

  it('reports the earliest of equally long runs, at the positions given', () => {
    const result = runsAnalysis([1, 1, 3, 3], 2, { positions: [10, 11, 13, 14] });
    expect(result.longestRunAt).toEqual({ start: 10, end: 11, side: 'below', length: 2 });
  });

  it('nothing useful: all statistics null, no signal', () => {
    const result = runsAnalysis([5, 5, null], 5);
    expect(result).toMatchObject({
      nObs: 3,
      nUseful: 0,
      longestRun: null,
      longestRunMax: null,
      crossings: null,
      crossingsMin: null,
      runsSignal: false,
      longestRunAt: null,
    });
  });

  it('a per-point centre line is honoured', () => {
    const result = runsAnalysis([1, 1, 1, 1], [0, 0, 2, 2]);
    expect(result.longestRunAt).toEqual({ start: 1, end: 2, side: 'above', length: 2 });
    expect(result.crossings).toBe(1);
  });
});
