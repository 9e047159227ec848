import { toCsv } from '../csv/write-csv.js';
import { TOTAL_CODE } from '../schema/ethnic-category.js';
import type { Period } from '../schema/period.js';
import { SUBMISSION_COLUMNS } from '../schema/submission-row.js';

export interface TemplateOptions {
  siteId: string;
  period: Period;
  measures: ReadonlyArray<{ measure_id: string; by_ethnic_group: boolean; default_chart?: string }>;
  ethnicCategories: ReadonlyArray<{ code: string; level: string; sort_order: number }>;
}

/**
 * The downloadable submission template for one site and month: every measure (except
 * context-only ones) x every NHS ethnic category plus the site total ALL, with empty numerator
 * and denominator cells to fill in. Total-only measures get just the ALL line. An empty pair
 * means "not submitted", so a partly filled template still validates.
 *
 * @example
 * ```ts
 * const csv = buildSubmissionTemplate({
 *   siteId: 'S1', period: '2025-04',
 *   measures: [{ measure_id: 'booking_by_10wk', by_ethnic_group: true }, { measure_id: 'ethnicity_recorded', by_ethnic_group: false }],
 *   ethnicCategories: [{ code: 'A', level: 'nhs2001', sort_order: 1 }, { code: 'WHITE', level: 'level1', sort_order: 101 }, { code: 'ALL', level: 'total', sort_order: 0 }],
 * });
 * csv.split('\n');
 * // => ['site_id,period,measure_id,ethnic_category,numerator,denominator', 'S1,2025-04,booking_by_10wk,A,,', 'S1,2025-04,booking_by_10wk,ALL,,', 'S1,2025-04,ethnicity_recorded,ALL,,', '']
 * ```
 */
export function buildSubmissionTemplate(options: TemplateOptions): string {
  const codes = options.ethnicCategories
    .filter((e) => e.level === 'nhs2001')
    .sort((a, b) => a.sort_order - b.sort_order)
    .map((e) => e.code);
  const rows: Array<Record<(typeof SUBMISSION_COLUMNS)[number], string>> = [];
  for (const measure of options.measures) {
    if (measure.default_chart === 'none') continue;
    for (const code of measure.by_ethnic_group ? [...codes, TOTAL_CODE] : [TOTAL_CODE]) {
      rows.push({
        site_id: options.siteId,
        period: options.period,
        measure_id: measure.measure_id,
        ethnic_category: code,
        numerator: '',
        denominator: '',
      });
    }
  }
  return toCsv(rows, SUBMISSION_COLUMNS);
}
