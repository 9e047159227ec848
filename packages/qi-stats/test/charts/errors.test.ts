/**
 * Bad input to controlChart: each gives a QiStatsInputError naming the field,
 * the 1-based position (null when the whole field is at fault) and the rule.
 */
import { describe, expect, it } from 'vitest';
import { type ControlChartInput, controlChart, QiStatsInputError } from '../../src/index.js';

function errorOf(input: unknown): QiStatsInputError {
  try {
    controlChart(input as ControlChartInput);
  } catch (error) {
    expect(error).toBeInstanceOf(QiStatsInputError);
    return error as QiStatsInputError;
  }
  throw new Error('expected controlChart to throw');
}

function expectError(input: unknown, field: string, position: number | null, rule: string): void {
  const error = errorOf(input);
  expect({ field: error.field, position: error.position, rule: error.rule }).toEqual({
    field,
    position,
    rule,
  });
  expect(error.message).toContain(rule);
}

describe('controlChart rejects bad input', () => {
  it('the QiStatsInputError @example in errors.ts', () => {
    const error = errorOf({ chart: 'p', y: [5, 12], n: [10, 10] });
    expect(error.field).toBe('y');
    expect(error.position).toBe(2);
    expect(error.rule).toBe('count-exceeds-denominator');
    expect(error.value).toBe(12);
  });

  it('unknown chart type', () => {
    expectError({ chart: 'np', y: [1, 2] }, 'chart', null, 'unknown-chart-type');
  });

  it('empty series and all-missing series', () => {
    expectError({ chart: 'i', y: [] }, 'y', null, 'empty-series');
    expectError({ chart: 'i', y: [null, null] }, 'y', null, 'all-missing');
    expectError({ chart: 'i' }, 'y', null, 'not-an-array');
  });

  it('non-finite numbers (NaN is not a way to write "missing")', () => {
    expectError({ chart: 'i', y: [1, Number.NaN, 3] }, 'y', 2, 'non-finite');
    expectError({ chart: 'i', y: [1, 2, Number.POSITIVE_INFINITY] }, 'y', 3, 'non-finite');
    expectError({ chart: 'p', y: [1, 2], n: [10, Number.POSITIVE_INFINITY] }, 'n', 2, 'non-finite');
    expectError({ chart: 'i', y: [1, '2'] }, 'y', 2, 'not-a-number');
  });

  it('count above its denominator on p and p′ charts', () => {
    expectError({ chart: 'p', y: [1, 11, 3], n: [10, 10, 10] }, 'y', 2, 'count-exceeds-denominator');
    expectError({ chart: 'pp', y: [1, 2, 31], n: [10, 10, 30.5] }, 'y', 3, 'count-exceeds-denominator');
    // A rate may exceed 1 per unit: not an error on a u chart.
    expect(() => controlChart({ chart: 'u', y: [11, 12], n: [10, 10] })).not.toThrow();
  });

  it('negative counts', () => {
    for (const chart of ['p', 'pp', 'u', 'up'] as const) {
      expectError({ chart, y: [1, -1], n: [10, 10] }, 'y', 2, 'negative-count');
    }
    expectError({ chart: 'c', y: [3, 2, -1] }, 'y', 3, 'negative-count');
    expectError({ chart: 'g', y: [-3, 2] }, 'y', 1, 'negative-count');
    // Measurements may be negative.
    expect(() => controlChart({ chart: 'i', y: [-1, -2, 3] })).not.toThrow();
  });

  it('denominators: negative, zero or missing where a count is present, absent altogether', () => {
    expectError({ chart: 'p', y: [1, 2], n: [10, -10] }, 'n', 2, 'negative-denominator');
    expectError({ chart: 'u', y: [1, 2], n: [0, 10] }, 'n', 1, 'zero-denominator');
    expectError({ chart: 'p', y: [1, 2, 3], n: [10, null, 10] }, 'n', 2, 'missing-denominator');
    expectError({ chart: 'p', y: [1, 2] }, 'n', null, 'missing-denominators');
    expectError({ chart: 'up', y: [1, 2], n: [null, null] }, 'n', null, 'missing-denominators');
    // A missing count with a zero or missing denominator is just a missing row.
    expect(() => controlChart({ chart: 'p', y: [1, null, null, 3], n: [10, 0, null, 10] })).not.toThrow();
  });

  it('a denominator on a chart that takes none', () => {
    expectError({ chart: 'c', y: [1, 2], n: [10, 10] }, 'n', null, 'denominator-not-used');
    expectError({ chart: 'xbar', y: [1, 2], n: [10, 10] }, 'n', null, 'denominator-not-used');
  });

  it('non-positive times on a t chart', () => {
    expectError({ chart: 't', y: [3, 0, 2] }, 'y', 2, 'non-positive-time');
    expectError({ chart: 't', y: [3, 2, -1] }, 'y', 3, 'non-positive-time');
  });

  it('lengths of y, n and x must match', () => {
    expectError({ chart: 'p', y: [1, 2, 3], n: [10, 10] }, 'n', null, 'length-mismatch');
    expectError({ chart: 'xbar', y: [1, 2, 3], x: [1, 1] }, 'x', null, 'length-mismatch');
  });

  it('subgroup keys: present, finite, one type', () => {
    expectError({ chart: 'i', y: [1, 2, 3], x: [1, null, 3] }, 'x', 2, 'missing-key');
    expectError({ chart: 'i', y: [1, 2, 3], x: [1, '2', 3] }, 'x', 2, 'mixed-key-types');
    expectError({ chart: 'i', y: [1, 2], x: [1, Number.NaN] }, 'x', 2, 'non-finite');
  });

  it('part out of range or not a whole number (positions are subgroups, after grouping by x)', () => {
    const y = [1, 2, 3, 4, 5, 6];
    expectError({ chart: 'i', y, part: 6 }, 'part', null, 'out-of-range');
    expectError({ chart: 'i', y, part: 0 }, 'part', null, 'out-of-range');
    expectError({ chart: 'i', y, part: [2, 9] }, 'part', 2, 'out-of-range');
    expectError({ chart: 'i', y, part: 2.5 }, 'part', null, 'not-an-integer');
    // Three subgroups only: part 3 is past the last break point.
    expectError({ chart: 'xbar', y, x: [1, 1, 2, 2, 3, 3], part: 3 }, 'part', null, 'out-of-range');
  });

  it('freeze and exclude out of range', () => {
    const y = [1, 2, 3, 4, 5, 6];
    expectError({ chart: 'i', y, freeze: 7 }, 'freeze', null, 'out-of-range');
    expectError({ chart: 'i', y, freeze: 0 }, 'freeze', null, 'out-of-range');
    expectError({ chart: 'i', y, freeze: [3] }, 'freeze', null, 'not-a-number');
    expectError({ chart: 'i', y, exclude: [1, 7] }, 'exclude', 2, 'out-of-range');
    expectError({ chart: 'i', y, exclude: -1 }, 'exclude', null, 'out-of-range');
  });

  it('multiply, method and screenMovingRanges', () => {
    expectError({ chart: 'i', y: [1, 2], multiply: 0 }, 'multiply', null, 'non-positive-multiplier');
    expectError({ chart: 'i', y: [1, 2], multiply: Number.NaN }, 'multiply', null, 'non-positive-multiplier');
    expectError({ chart: 'i', y: [1, 2], method: 'ihi' }, 'method', null, 'unknown-method');
    expectError(
      { chart: 'i', y: [1, 2], screenMovingRanges: 'yes' },
      'screenMovingRanges',
      null,
      'not-a-boolean',
    );
  });
});
