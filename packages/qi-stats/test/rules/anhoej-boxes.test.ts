/**
 * Best box and cut box (Anhøj & Wentzel-Larsen 2020), with the bounds of
 * qicharts2's `crsignal()` (anhoej/qicharts2 R/helper.functions.R). Cases are
 * worked by hand from the rules in cut-box.ts and the table rows quoted here.
 */
import { describe, expect, it } from 'vitest';
import { controlChart } from '../../src/index.js';
import {
  BOX_MAX_N,
  BOX_MIN_N,
  bestBoxSignal,
  boxBounds,
  cutBoxSignal,
  runsAnalysis,
} from '../../src/rules/index.js';

describe('boxBounds (table copied from qicharts2 crsignal)', () => {
  it('@example and spot checks against the R source', () => {
    expect(boxBounds(10)).toEqual({ n: 10, cb: 2, lb: 6, cbord: 3, lbord: 5 });
    expect(boxBounds(11)).toEqual({ n: 11, cb: 3, lb: 7, cbord: 4, lbord: 6 });
    expect(boxBounds(12)).toEqual({ n: 12, cb: 3, lb: 6, cbord: null, lbord: null });
    expect(boxBounds(22)).toEqual({ n: 22, cb: 6, lb: 7, cbord: 7, lbord: 6 });
    expect(boxBounds(49)).toEqual({ n: 49, cb: 19, lb: 10, cbord: 21, lbord: 9 });
    expect(boxBounds(100)).toEqual({ n: 100, cb: 41, lb: 10, cbord: 42, lbord: 9 });
    expect(boxBounds(9)).toBeNull();
    expect(boxBounds(101)).toBeNull();
  });

  it('is complete and internally consistent for every n from 10 to 100', () => {
    for (let n = BOX_MIN_N; n <= BOX_MAX_N; n++) {
      const b = boxBounds(n);
      expect(b).not.toBeNull();
      if (b === null) continue;
      expect(Number.isInteger(b.cb) && Number.isInteger(b.lb)).toBe(true);
      // cbord and lbord are both present or both absent; the borderline cells lie inside the best box.
      expect(b.cbord === null).toBe(b.lbord === null);
      if (b.cbord !== null && b.lbord !== null) {
        expect(b.cbord).toBeGreaterThan(b.cb);
        expect(b.lbord).toBeLessThan(b.lb);
      }
    }
  });
});

describe('bestBoxSignal', () => {
  it('@example: n = 10 with one crossing', () => {
    expect(bestBoxSignal({ nUseful: 10, crossings: 1, longestRun: 5 })).toEqual(['few-crossings']);
  });
  it('n = 10 (cb 2, lb 6): the box is c ≥ 2 and l ≤ 6', () => {
    expect(bestBoxSignal({ nUseful: 10, crossings: 2, longestRun: 6 })).toEqual([]);
    expect(bestBoxSignal({ nUseful: 10, crossings: 2, longestRun: 7 })).toEqual(['long-run']);
    expect(bestBoxSignal({ nUseful: 10, crossings: 1, longestRun: 7 })).toEqual([
      'long-run',
      'few-crossings',
    ]);
  });
  it('undefined outside 10–100', () => {
    expect(bestBoxSignal({ nUseful: 9, crossings: 4, longestRun: 2 })).toBeNull();
  });
});

describe('cutBoxSignal', () => {
  it('@example: n = 10, c = 2, l = 6 is in a cut corner', () => {
    expect(cutBoxSignal({ nUseful: 10, crossings: 2, longestRun: 6 })).toEqual(['borderline']);
  });
  it('n = 10 (cb 2, lb 6, cbord 3, lbord 5): each way back into the box', () => {
    // c ≥ cb + 1 and l ≤ lb − 1
    expect(cutBoxSignal({ nUseful: 10, crossings: 3, longestRun: 5 })).toEqual([]);
    // c = cb and l ≤ lbord
    expect(cutBoxSignal({ nUseful: 10, crossings: 2, longestRun: 5 })).toEqual([]);
    // c ≥ cbord and l ≤ lb
    expect(cutBoxSignal({ nUseful: 10, crossings: 3, longestRun: 6 })).toEqual([]);
    // outside the best box altogether
    expect(cutBoxSignal({ nUseful: 10, crossings: 1, longestRun: 4 })).toEqual(['few-crossings']);
  });
  it('n = 22 (cb 6, lb 7, cbord 7, lbord 6): c = 6 with a run of 7 is cut', () => {
    expect(cutBoxSignal({ nUseful: 22, crossings: 6, longestRun: 7 })).toEqual(['borderline']);
    expect(cutBoxSignal({ nUseful: 22, crossings: 6, longestRun: 6 })).toEqual([]);
    expect(cutBoxSignal({ nUseful: 22, crossings: 7, longestRun: 7 })).toEqual([]);
  });
  it('n = 12 has no borderline cells: the cut box is the best box', () => {
    expect(cutBoxSignal({ nUseful: 12, crossings: 3, longestRun: 6 })).toEqual([]);
    expect(cutBoxSignal({ nUseful: 12, crossings: 3, longestRun: 7 })).toEqual(['long-run']);
  });
});

describe('methods differ where the tables say they should', () => {
  // Ten points: five below then five above the median 5.5 → 1 crossing, longest run 5.
  const stepped = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  // Alternating in pairs: - - + + - - + + - +  → crossings 6, longest run 2.
  it('anhoej vs bestbox on ten useful points', () => {
    const anhoej = runsAnalysis(stepped, 5.5);
    expect(anhoej.crossings).toBe(1);
    expect(anhoej.crossingsMin).toBe(2);
    expect(anhoej.runsSignal).toBe(true);
    expect(runsAnalysis(stepped, 5.5, { method: 'bestbox' }).runsSignal).toBe(true);
  });
  it('n = 10, c = 2, l = 6: random for Anhøj and best box, a signal for the cut box', () => {
    // below ×6, above ×2, below ×2 → runs 6, 2, 2: crossings 2, longest 6
    const values = [1, 1, 1, 1, 1, 1, 9, 9, 1, 1];
    expect(runsAnalysis(values, 5).runsSignal).toBe(false);
    expect(runsAnalysis(values, 5, { method: 'bestbox' }).runsSignal).toBe(false);
    const cut = runsAnalysis(values, 5, { method: 'cutbox' });
    expect(cut.runsSignal).toBe(true);
    expect(cut.reasons).toEqual(['borderline']);
    expect(cut.method).toBe('cutbox');
  });
  it('falls back to anhoej below 10 useful points, as qicharts2 does', () => {
    const result = runsAnalysis([1, 9, 1, 9, 1, 9], 5, { method: 'cutbox' });
    expect(result.method).toBe('anhoej');
  });
  it('controlChart passes the method through and reports it per part', () => {
    const chart = controlChart({ chart: 'run', y: [1, 1, 1, 1, 1, 1, 9, 9, 1, 1, 5], method: 'cutbox' });
    // The median is 1: only the two 9s and the 5 are useful, so n = 3 → anhoej.
    expect(chart.parts[0]?.runsMethod).toBe('anhoej');
    // I chart, mean 2.6 → below ×6, above ×2, below ×2: c = 2, l = 6, n = 10.
    const spread = controlChart({ chart: 'i', y: [1, 1, 1, 1, 1, 1, 9, 9, 1, 1], method: 'cutbox' });
    expect(spread.parts[0]).toMatchObject({
      runsMethod: 'cutbox',
      runsSignal: true,
      runsSignalReasons: ['borderline'],
    });
  });
});
