import type { StoredSubmissionRow } from '../schema/submission-row.js';

/**
 * Submission values stored by column, with site, measure and ethnic category as indexes into
 * small dictionaries. This is how the generator keeps 5 million rows in memory cheaply and how
 * they become dictionary-encoded Arrow columns.
 */
export interface SubmissionColumns {
  siteDictionary: string[];
  measureDictionary: string[];
  categoryDictionary: string[];
  site: number[];
  /** Months as `YYYY-MM`. */
  period: string[];
  measure: number[];
  category: number[];
  numerator: Array<number | null>;
  denominator: Array<number | null>;
  version: number[];
}

/**
 * Empty columns over the given dictionaries.
 *
 * @example
 * ```ts
 * const columns = emptySubmissionColumns(['S1'], ['pph_1500'], ['A', 'ALL']);
 * columns.site.length; // => 0
 * ```
 */
export function emptySubmissionColumns(
  sites: readonly string[],
  measures: readonly string[],
  categories: readonly string[],
): SubmissionColumns {
  return {
    siteDictionary: [...sites],
    measureDictionary: [...measures],
    categoryDictionary: [...categories],
    site: [],
    period: [],
    measure: [],
    category: [],
    numerator: [],
    denominator: [],
    version: [],
  };
}

/**
 * The columns as row objects (for tests, validation and small exports).
 *
 * @example
 * ```ts
 * const columns = emptySubmissionColumns(['S1'], ['pph_1500'], ['ALL']);
 * columns.site.push(0); columns.period.push('2024-04'); columns.measure.push(0); columns.category.push(0);
 * columns.numerator.push(12); columns.denominator.push(400); columns.version.push(1);
 * submissionColumnsToRows(columns);
 * // => [{ siteId: 'S1', period: '2024-04', measureId: 'pph_1500', ethnicCategory: 'ALL', numerator: 12, denominator: 400, version: 1 }]
 * ```
 */
export function submissionColumnsToRows(columns: SubmissionColumns): StoredSubmissionRow[] {
  const rows: StoredSubmissionRow[] = [];
  for (let i = 0; i < columns.site.length; i++) {
    rows.push({
      siteId: columns.siteDictionary[columns.site[i] ?? 0] ?? '',
      period: columns.period[i] ?? '',
      measureId: columns.measureDictionary[columns.measure[i] ?? 0] ?? '',
      ethnicCategory: columns.categoryDictionary[columns.category[i] ?? 0] ?? '',
      numerator: columns.numerator[i] ?? null,
      denominator: columns.denominator[i] ?? null,
      version: columns.version[i] ?? 1,
    });
  }
  return rows;
}
