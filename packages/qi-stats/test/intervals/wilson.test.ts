import { describe, expect, it } from 'vitest';
import { QiStatsInputError } from '../../src/errors.js';
import { proportionInterval, wilsonLimits } from '../../src/intervals/index.js';

describe('proportionInterval (Wilson)', () => {
  it('reproduces Newcombe (1998) Stat Med 17:857, Table I: 81/263 -> 0.2553 to 0.3662', () => {
    const result = proportionInterval(81, 263);
    expect(result.value).toBeCloseTo(81 / 263, 12);
    expect(result.lower).toBeCloseTo(0.2553, 4);
    expect(result.upper).toBeCloseTo(0.3662, 4);
  });

  it('reproduces Newcombe (1998) Table I: 15/148 -> 0.0624 to 0.1605 and 0/20 -> 0 to 0.1611', () => {
    const a = proportionInterval(15, 148);
    expect(a.lower).toBeCloseTo(0.0624, 4);
    expect(a.upper).toBeCloseTo(0.1605, 4);
    const b = proportionInterval(0, 20);
    expect(b.lower).toBe(0);
    expect(b.upper).toBeCloseTo(0.1611, 4);
  });

  it('gives an upper limit of exactly 1 when every woman has the outcome', () => {
    expect(proportionInterval(20, 20).upper).toBe(1);
  });

  it('runs its doc example', () => {
    const limits = wilsonLimits(81, 263, 1.959963984540054);
    expect(limits.lower).toBeCloseTo(0.2553, 4);
    expect(limits.upper).toBeCloseTo(0.3662, 4);
  });

  it('rejects bad input with the shared error', () => {
    const rule = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(QiStatsInputError);
        return (error as QiStatsInputError).rule;
      }
      return 'no error';
    };
    expect(rule(() => proportionInterval(-1, 10))).toBe('negative-count');
    expect(rule(() => proportionInterval(1.5, 10))).toBe('non-integer-count');
    expect(rule(() => proportionInterval(11, 10))).toBe('count-exceeds-denominator');
    expect(rule(() => proportionInterval(0, 0))).toBe('non-positive-denominator');
    expect(rule(() => proportionInterval(Number.NaN, 10))).toBe('not-finite');
    expect(rule(() => proportionInterval(1, 10, 1))).toBe('level-out-of-range');
    expect(rule(() => proportionInterval(1, 10, 0))).toBe('level-out-of-range');
  });
});
