// Bad input throws the shared QiStatsInputError naming the field, the 1-based
// position and the rule broken (src/errors.ts).
import { describe, expect, it } from 'vitest';
import { type MdcInput, makingDataCount, mdcSummary, QiStatsInputError } from '../../src/index.js';

const good: MdcInput = { values: [1, 2, 3, 4], improvement: 'increase' };

function errorOf(run: () => unknown): QiStatsInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof QiStatsInputError) return error;
    throw error;
  }
  throw new Error('expected a QiStatsInputError');
}

describe('makingDataCount input errors', () => {
  it.each([
    ['empty values', { ...good, values: [] }, 'values', null, 'empty'],
    ['NaN value', { ...good, values: [1, Number.NaN] }, 'values', 2, 'not-finite'],
    ['Infinity value', { ...good, values: [1, 2, Number.POSITIVE_INFINITY] }, 'values', 3, 'not-finite'],
    ['string value', { ...good, values: [1, '2' as unknown as number] }, 'values', 2, 'not-finite'],
    [
      'dates not ascending',
      { ...good, dates: ['2024-01-01', '2024-03-01', '2024-02-01', '2024-04-01'] },
      'dates',
      3,
      'dates-not-ascending',
    ],
    [
      'repeated date',
      { ...good, dates: ['2024-01-01', '2024-01-01', '2024-02-01', '2024-03-01'] },
      'dates',
      2,
      'dates-not-ascending',
    ],
    [
      'malformed date',
      { ...good, dates: ['2024-01-01', '2024/02/01', '2024-03-01', '2024-04-01'] },
      'dates',
      2,
      'malformed-date',
    ],
    [
      'impossible date',
      { ...good, dates: ['2023-01-01', '2023-02-29', '2023-03-01', '2023-04-01'] },
      'dates',
      2,
      'malformed-date',
    ],
    ['dates of the wrong length', { ...good, dates: ['2024-01-01'] }, 'dates', null, 'length-mismatch'],
    ['rebase at 1', { ...good, rebase: 1 }, 'rebase', null, 'rebase-out-of-range'],
    ['rebase past the end', { ...good, rebase: [2, 5] }, 'rebase', 2, 'rebase-out-of-range'],
    ['rebase not whole', { ...good, rebase: 2.5 }, 'rebase', null, 'rebase-out-of-range'],
    ['fixAfter 0', { ...good, fixAfter: 0 }, 'fixAfter', null, 'out-of-range'],
    ['fixAfter past the end', { ...good, fixAfter: 5 }, 'fixAfter', null, 'out-of-range'],
    [
      'invalid improvement',
      { ...good, improvement: 'up' as MdcInput['improvement'] },
      'improvement',
      null,
      'invalid-improvement',
    ],
    ['non-finite target', { ...good, target: Number.NaN }, 'target', null, 'not-finite'],
    ['unknown preset', { ...good, rules: 'excel' as MdcInput['rules'] }, 'rules', null, 'invalid-preset'],
    ['shift of 1', { ...good, shiftLength: 1 }, 'shiftLength', null, 'out-of-range'],
    [
      'period with no values',
      { ...good, values: [1, 2, null, null], rebase: 3 },
      'values',
      3,
      'period-without-values',
    ],
  ] as const)('%s', (_name, input, field, position, rule) => {
    const error = errorOf(() => makingDataCount(input as MdcInput));
    expect([error.field, error.position, error.rule]).toEqual([field, position, rule]);
  });

  it('mdcSummary names the series at fault', () => {
    const error = errorOf(() =>
      mdcSummary([
        { id: 'a', ...good },
        { id: 'b', ...good, values: [1, Number.NaN] },
      ]),
    );
    expect([error.field, error.position, error.rule]).toEqual(['series[1].values', 2, 'not-finite']);
  });

  it('mdcSummary states the field and the rule once in its message', () => {
    const improvement = errorOf(() =>
      mdcSummary([{ id: 'x', values: [1, 2, 3], improvement: 'up' as unknown as 'increase' }]),
    );
    expect(improvement.field).toBe('series[0].improvement');
    expect(improvement.rule).toBe('invalid-improvement');
    expect(improvement.message).toBe(
      "series[0].improvement: must be 'increase', 'decrease' or 'neutral' (series 'x') (rule: invalid-improvement)",
    );
    const values = errorOf(() =>
      mdcSummary([
        { id: 'a', ...good },
        { id: 'b', ...good, values: [1, Number.NaN] },
      ]),
    );
    expect(values.message).toMatch(/^series\[1\]\.values\[2\]: [^:]+ \(series 'b'\) \(rule: not-finite\)$/);
    expect(values.message.match(/rule:/g)).toHaveLength(1);
  });
});
