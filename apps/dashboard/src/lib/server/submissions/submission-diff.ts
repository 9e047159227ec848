/** One submitted value: a measure for one ethnic category (or ALL) in one site's month. */
export interface SubmissionCell {
  measureId: string;
  ethnicCategory: string;
  numerator: number | null;
  denominator: number | null;
}

/** A value present in both versions whose numerator or denominator differs. */
export interface CellChange {
  measureId: string;
  ethnicCategory: string;
  before: { numerator: number | null; denominator: number | null };
  after: { numerator: number | null; denominator: number | null };
}

/** What changed from one version of a month's submission to another. */
export interface SubmissionDiff {
  /** Lines only in the later version. */
  added: SubmissionCell[];
  /** Lines only in the earlier version. */
  removed: SubmissionCell[];
  /** Lines in both whose counts differ. */
  changed: CellChange[];
  /** Lines in both with the same counts. */
  unchanged: number;
}

const key = (cell: Pick<SubmissionCell, 'measureId' | 'ethnicCategory'>) =>
  `${cell.measureId}\u0000${cell.ethnicCategory}`;
const byKey = (a: Pick<SubmissionCell, 'measureId' | 'ethnicCategory'>, b: typeof a) =>
  a.measureId.localeCompare(b.measureId) || a.ethnicCategory.localeCompare(b.ethnicCategory);

/**
 * Compares two versions of one site's month, line by line (a line is a measure and an ethnic
 * category): which lines were added, removed, or changed their numerator or denominator.
 * Results are sorted by measure, then ethnic category. O(n log n).
 *
 * @example
 * ```ts
 * const cell = (ethnicCategory, numerator, denominator) => ({ measureId: 'booking_by_10wk', ethnicCategory, numerator, denominator });
 * const diff = diffSubmissionRows([cell('A', 40, 61), cell('B', 3, 9)], [cell('A', 41, 61), cell('ALL', 44, 70)]);
 * diff.changed.map((c) => [c.ethnicCategory, c.before.numerator, c.after.numerator]); // => [['A', 40, 41]]
 * diff.added.map((c) => c.ethnicCategory); // => ['ALL']
 * diff.removed.map((c) => c.ethnicCategory); // => ['B']
 * ```
 */
export function diffSubmissionRows(
  before: readonly SubmissionCell[],
  after: readonly SubmissionCell[],
): SubmissionDiff {
  const earlier = new Map(before.map((cell) => [key(cell), cell]));
  const later = new Map(after.map((cell) => [key(cell), cell]));
  const diff: SubmissionDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [k, cell] of later) {
    const old = earlier.get(k);
    if (!old) diff.added.push(cell);
    else if (old.numerator !== cell.numerator || old.denominator !== cell.denominator)
      diff.changed.push({
        measureId: cell.measureId,
        ethnicCategory: cell.ethnicCategory,
        before: { numerator: old.numerator, denominator: old.denominator },
        after: { numerator: cell.numerator, denominator: cell.denominator },
      });
    else diff.unchanged += 1;
  }
  for (const [k, cell] of earlier) if (!later.has(k)) diff.removed.push(cell);
  diff.added.sort(byKey);
  diff.removed.sort(byKey);
  diff.changed.sort(byKey);
  return diff;
}
