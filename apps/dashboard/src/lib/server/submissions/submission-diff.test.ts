import { describe, expect, it } from 'vitest';
import { diffSubmissionRows, type SubmissionCell } from './submission-diff.ts';

const cell = (
  measureId: string,
  ethnicCategory: string,
  numerator: number | null,
  denominator: number | null,
): SubmissionCell => ({ measureId, ethnicCategory, numerator, denominator });

describe('diffSubmissionRows', () => {
  it('finds changed, added and removed lines, sorted by measure then category', () => {
    const before = [
      cell('m2', 'A', 1, 10),
      cell('m1', 'B', 5, 20),
      cell('m1', 'A', 3, 9),
      cell('m1', 'ALL', 8, 29),
    ];
    const after = [
      cell('m1', 'ALL', 9, 30),
      cell('m1', 'A', 3, 9),
      cell('m1', 'B', 6, 21),
      cell('m3', 'ALL', 0, 4),
    ];
    const diff = diffSubmissionRows(before, after);
    expect(diff.changed).toEqual([
      {
        measureId: 'm1',
        ethnicCategory: 'ALL',
        before: { numerator: 8, denominator: 29 },
        after: { numerator: 9, denominator: 30 },
      },
      {
        measureId: 'm1',
        ethnicCategory: 'B',
        before: { numerator: 5, denominator: 20 },
        after: { numerator: 6, denominator: 21 },
      },
    ]);
    expect(diff.added).toEqual([cell('m3', 'ALL', 0, 4)]);
    expect(diff.removed).toEqual([cell('m2', 'A', 1, 10)]);
    expect(diff.unchanged).toBe(1);
  });

  it('treats a count becoming empty (not submitted) as a change, and 0 as different from empty', () => {
    const diff = diffSubmissionRows([cell('m', 'A', 0, 5)], [cell('m', 'A', null, null)]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.after).toEqual({ numerator: null, denominator: null });
  });

  it('finds nothing between a version and itself', () => {
    const rows = [cell('m', 'A', 1, 2), cell('m', 'ALL', 1, 2)];
    expect(diffSubmissionRows(rows, rows)).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
  });

  it('compares against nothing for a first version: everything added', () => {
    expect(diffSubmissionRows([], [cell('m', 'A', 1, 2)]).added).toHaveLength(1);
  });
});
