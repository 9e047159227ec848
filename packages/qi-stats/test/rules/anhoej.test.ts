/**
 * Anhøj runs-analysis limits and signal. Critical values from qicharts2's
 * vector `anhoej.critical_values_10_100` as quoted in shared/spec/spc-rules.md
 * §1.1, and from the definitions (round(log2 n) + 3; qbinom(0.05, n − 1, ½)
 * computed here by summing binomial probabilities exactly).
 */
import { describe, expect, it } from 'vitest';
import { anhoejLimits, anhoejSignal } from '../../src/rules/index.js';

/** Smallest k with P(Bin(m, ½) ≤ k) ≥ 0.05, by exact summation (m ≤ 1000 stays in double range via logs). */
function qbinomHalf(m: number): number {
  let logChoose = 0; // log C(m, 0)
  let cumulative = 0;
  for (let k = 0; k <= m; k++) {
    if (k > 0) logChoose += Math.log((m - k + 1) / k);
    cumulative += Math.exp(logChoose - m * Math.LN2);
    if (cumulative >= 0.05) return k;
  }
  return m;
}

describe('anhoejLimits', () => {
  it.each([
    [10, 6, 2],
    [12, 7, 3],
    [20, 7, 6],
    [24, 8, 8],
    [30, 8, 10],
    [40, 8, 14],
    [100, 10, 41],
  ])('n = %i → longest run ≤ %i, crossings ≥ %i (qicharts2 critical values)', (n, runMax, crossMin) => {
    expect(anhoejLimits(n)).toEqual({ longestRunMax: runMax, crossingsMin: crossMin });
  });

  it('matches the definitions for n = 1..300', () => {
    for (let n = 1; n <= 300; n++) {
      const limits = anhoejLimits(n);
      expect(limits.longestRunMax).toBe(Math.round(Math.log2(n)) + 3);
      expect(limits.crossingsMin).toBe(qbinomHalf(n - 1));
    }
  });
});

describe('anhoejSignal', () => {
  it('@example: 5 crossings among 20 useful points is too few (minimum 6)', () => {
    expect(anhoejSignal({ nUseful: 20, crossings: 5, longestRun: 4 })).toEqual(['few-crossings']);
  });
  it('both limits are strict: a run of exactly the maximum and exactly the minimum crossings do not signal', () => {
    expect(anhoejSignal({ nUseful: 24, crossings: 8, longestRun: 8 })).toEqual([]);
    expect(anhoejSignal({ nUseful: 24, crossings: 7, longestRun: 9 })).toEqual(['long-run', 'few-crossings']);
  });
});
