import type { ReferenceTables } from '@maternity-qi/network-data';
import type { SubmissionCell, SubmissionDiff } from './submission-diff.ts';

/** A line of a diff with the measure's and ethnic category's names, for people. */
export interface LabelledCell extends SubmissionCell {
  measureName: string;
  categoryLabel: string;
}

export interface LabelledChange extends LabelledCell {
  before: { numerator: number | null; denominator: number | null };
  after: { numerator: number | null; denominator: number | null };
}

/** A diff as pages show it. */
export interface LabelledDiff {
  added: LabelledCell[];
  removed: LabelledCell[];
  changed: LabelledChange[];
  unchanged: number;
}

/**
 * Adds the measure names and ethnic category labels from the reference tables to a diff, so a
 * page shows "Caesarean birth rate · White - British" rather than codes (codes stay too).
 *
 * @example
 * ```ts
 * labelDiff(diffSubmissionRows(before, after), portal.reference).changed[0].measureName; // => 'Caesarean birth rate'
 * ```
 */
export function labelDiff(
  diff: SubmissionDiff,
  reference: Pick<ReferenceTables, 'measures' | 'ethnicCategories'>,
): LabelledDiff {
  const measureNames = new Map(reference.measures.map((m) => [m.measure_id, m.name]));
  const categoryLabels = new Map(reference.ethnicCategories.map((e) => [e.code, e.label]));
  const label = <T extends SubmissionCell>(cell: T): T & LabelledCell => ({
    ...cell,
    measureName: measureNames.get(cell.measureId) ?? cell.measureId,
    categoryLabel: categoryLabels.get(cell.ethnicCategory) ?? cell.ethnicCategory,
  });
  return {
    added: diff.added.map(label),
    removed: diff.removed.map(label),
    changed: diff.changed.map((change) =>
      label({ ...change, numerator: change.after.numerator, denominator: change.after.denominator }),
    ),
    unchanged: diff.unchanged,
  };
}
