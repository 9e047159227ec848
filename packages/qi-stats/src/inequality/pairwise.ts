import type { MeasureUndefined } from './measure-definition.js';
import type { PreparedGroups } from './prepare.js';
import { bestIndex } from './prepare.js';

const REFERENCE_NOT_FOUND: MeasureUndefined = Object.freeze({
  rule: 'reference-not-found',
  reason: 'the reference group is not among the groups',
  field: 'reference',
});

const NO_COMPARISON_GROUP: MeasureUndefined = Object.freeze({
  rule: 'no-comparison-group',
  reason: 'there is no group other than the reference',
  field: 'groups',
});

/**
 * The two groups HEAT compares in D and R, as [y₁ group, y₂ group], so that
 * D = y₁ − y₂ and R = y₁ / y₂ (HEAT technical notes v6.0 §3.1, Tables 1-2;
 * healthequal 1.0.1 `d.R`, `r.R`, whose code, not its roxygen text, is right):
 *
 * - no reference: highest − lowest, whatever the direction (D >= 0, R >= 1);
 * - reference, lower is favourable (adverse outcome): highest other group − reference;
 * - reference, higher is favourable: reference − lowest other group.
 *
 * "Other" means the extreme among the non-reference groups. Ties go to the
 * first group in input order. Returns a `MeasureUndefined` when no pair exists.
 */
export function comparedPair(
  y: ReadonlyArray<number>,
  groups: PreparedGroups,
): [number, number] | MeasureUndefined {
  const reference = groups.reference;
  if (reference === -1) return REFERENCE_NOT_FOUND;
  if (reference === null) {
    const highest = bestIndex(y, 'higher');
    const lowest = bestIndex(y, 'lower');
    return [highest, lowest];
  }
  let other = -1;
  for (let j = 0; j < y.length; j++) {
    if (j === reference) continue;
    const value = y[j] as number;
    if (other === -1) {
      other = j;
      continue;
    }
    const current = y[other] as number;
    if (groups.favourable === 'lower' ? value > current : value < current) other = j;
  }
  if (other === -1) return NO_COMPARISON_GROUP;
  return groups.favourable === 'lower' ? [other, reference] : [reference, other];
}
