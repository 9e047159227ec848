import { buildSubmissionTemplate, type Period, type ReferenceTables } from '@maternity-qi/network-data';

/**
 * The CSV template a site downloads for one month: its site code and the month on every line,
 * one line per measure and NHS ethnic category plus the site total (ALL), numerator and
 * denominator left empty to fill in (network-data's `buildSubmissionTemplate`, fed from the
 * portal's reference tables).
 *
 * @example
 * ```ts
 * const csv = siteSubmissionTemplate(portal.reference, 'S1', '2026-10');
 * csv.split('\n')[1]; // => 'S1,2026-10,stillbirth_rate,A,,'
 * ```
 */
export function siteSubmissionTemplate(reference: ReferenceTables, siteId: string, period: Period): string {
  return buildSubmissionTemplate({
    siteId,
    period,
    measures: reference.measures,
    ethnicCategories: reference.ethnicCategories,
  });
}

/**
 * The file name the template downloads as.
 *
 * @example
 * ```ts
 * templateFileName('S1', '2026-10'); // => 'submission-S1-2026-10.csv'
 * ```
 */
export function templateFileName(siteId: string, period: Period): string {
  return `submission-${siteId}-${period}.csv`;
}
