import { TOTAL_CODE } from '../schema/ethnic-category.js';
import type { SubmissionRow } from '../schema/submission-row.js';
import type { DataProblem } from './problem.js';
import type { SubmissionContext } from './submission-context.js';

/**
 * Compares, for each site, month and measure that has a site total (ALL), the sum over the
 * NHS ethnic codes (and, separately, over level-1 group codes) with that total, and returns a
 * warning for each count that differs. A warning, not an error: in real NHS data the
 * breakdown and the total come from different records (MSDS booking-based ethnic breakdowns
 * exceed total deliveries for about a third of providers, data-model.md §2.1), so a unit must
 * be able to submit them as they are. Rows with missing counts are left out of the sums.
 *
 * @example
 * ```ts
 * const context = { nhsEthnicCodes: new Set(['A', 'B']), groupCodes: new Set(['WHITE']) };
 * const row = (ethnicCategory, numerator, denominator) =>
 *   ({ siteId: 'S1', period: '2024-04', measureId: 'm', ethnicCategory, numerator, denominator });
 * const warnings = checkCategorySums([row('A', 3, 10), row('B', 1, 5), row('ALL', 4, 16)], [2, 3, 4], context);
 * warnings.map((w) => [w.row, w.column, w.rule]); // => [[4, 'denominator', 'category_sum_mismatch']]
 * ```
 */
export function checkCategorySums(
  rows: readonly SubmissionRow[],
  lines: readonly number[],
  context: Pick<SubmissionContext, 'nhsEthnicCodes' | 'groupCodes'>,
): DataProblem[] {
  interface Sums {
    totalLine: number | null;
    total: SubmissionRow | null;
    codes: { numerator: number; denominator: number; n: number };
    groups: { numerator: number; denominator: number; n: number };
  }
  const byCell = new Map<string, Sums>();
  rows.forEach((row, i) => {
    const key = `${row.siteId}|${row.period}|${row.measureId}`;
    let sums = byCell.get(key);
    if (!sums) {
      sums = {
        totalLine: null,
        total: null,
        codes: { numerator: 0, denominator: 0, n: 0 },
        groups: { numerator: 0, denominator: 0, n: 0 },
      };
      byCell.set(key, sums);
    }
    if (row.numerator === null || row.denominator === null) return;
    if (row.ethnicCategory === TOTAL_CODE) {
      sums.total = row;
      sums.totalLine = lines[i] ?? 0;
      return;
    }
    const bucket = context.nhsEthnicCodes.has(row.ethnicCategory)
      ? sums.codes
      : context.groupCodes.has(row.ethnicCategory)
        ? sums.groups
        : null;
    if (!bucket) return;
    bucket.numerator += row.numerator;
    bucket.denominator += row.denominator;
    bucket.n += 1;
  });

  const warnings: DataProblem[] = [];
  for (const sums of byCell.values()) {
    const total = sums.total;
    if (!total || total.numerator === null || total.denominator === null) continue;
    for (const [label, bucket] of [
      ['NHS ethnic categories', sums.codes],
      ['ethnic groups', sums.groups],
    ] as const) {
      if (bucket.n === 0) continue;
      for (const column of ['numerator', 'denominator'] as const) {
        const expected = total[column] ?? 0;
        if (bucket[column] === expected) continue;
        warnings.push({
          severity: 'warning',
          row: sums.totalLine ?? 0,
          column,
          value: String(expected),
          rule: 'category_sum_mismatch',
          message: `${total.siteId} ${total.period} ${total.measureId}: the ${bucket.n} ${label} add up to a ${column} of ${bucket[column]} but ALL says ${expected} (difference ${expected - bucket[column]}). Accepted; please check the extract.`,
        });
      }
    }
  }
  return warnings;
}
