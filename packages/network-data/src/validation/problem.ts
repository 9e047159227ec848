/**
 * Rules a submission (or reference table) can break. Each problem names one of these, so a
 * user interface can group and explain them and a test can assert on them.
 */
export const SUBMISSION_RULES = {
  csv_syntax: 'The file is not valid CSV at this line.',
  empty_file: 'The file has no header line.',
  missing_column: 'A required column is missing from the header.',
  duplicate_column: 'A column appears twice in the header.',
  unknown_column: 'The header has a column the format does not know; it is ignored.',
  wrong_field_count: 'The line has a different number of fields from the header.',
  no_data_rows: 'The file has a header but no data rows.',
  required: 'The cell is empty but a value is required.',
  unknown_site: 'The site code is not in the site table.',
  wrong_site: 'The site code is not the site this file was uploaded for.',
  malformed_period: 'The month is not written YYYY-MM.',
  future_period: 'The month is after the current month.',
  wrong_period: 'The month is not the month this file was uploaded for.',
  unknown_measure: 'The measure code is not in the measure catalogue.',
  unknown_ethnic_category: 'The ethnic category is not an NHS code, a group code or ALL.',
  not_integer: 'The count is not a whole number.',
  negative: 'The count is negative.',
  too_large: 'The count is implausibly large for one unit in one month.',
  half_empty: 'Only one of numerator and denominator is given.',
  numerator_exceeds_denominator: 'The numerator is larger than the denominator.',
  duplicate_row: 'The same site, month, measure and ethnic category appear more than once.',
  not_by_ethnic_group: 'This measure is reported for the site total (ALL) only.',
  category_sum_mismatch: 'The ethnic categories do not add up to the site total (ALL).',
  invalid_value: 'The value does not fit the table column.',
} as const;
export type SubmissionRule = keyof typeof SUBMISSION_RULES;

/**
 * One problem found in a file. `row` is the 1-based line of the file (line 1 is the header);
 * `column` and `value` are null when the problem is about the whole line or file. Errors stop
 * the file being applied; warnings do not (data-model.md §2.1: ethnic categories that do not
 * add up to the total are a warning, as they happen in real NHS data).
 */
export interface DataProblem {
  severity: 'error' | 'warning';
  row: number;
  column: string | null;
  value: string | null;
  rule: SubmissionRule;
  message: string;
}

/**
 * Formats a problem as one line for a terminal or log.
 *
 * @example
 * ```ts
 * formatProblem({ severity: 'error', row: 3, column: 'numerator', value: '-1', rule: 'negative', message: 'Counts cannot be negative.' });
 * // => 'error line 3, column numerator, value "-1" [negative]: Counts cannot be negative.'
 * ```
 */
export function formatProblem(problem: DataProblem): string {
  const where = [`line ${problem.row}`];
  if (problem.column !== null) where.push(`column ${problem.column}`);
  if (problem.value !== null) where.push(`value ${JSON.stringify(problem.value)}`);
  return `${problem.severity} ${where.join(', ')} [${problem.rule}]: ${problem.message}`;
}
