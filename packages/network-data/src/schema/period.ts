import * as v from 'valibot';

/**
 * A calendar month as the submission format writes it: `YYYY-MM` (ISO 8601). The month is the
 * month of the *event* (birth, booking), not of the upload (data-model.md §2.1). Months are
 * handled as UTC dates everywhere so that British Summer Time never shifts April into March
 * (dashboard-notes.md b.6).
 */
export const PeriodSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month written YYYY-MM, e.g. 2024-04'),
);
export type Period = v.InferOutput<typeof PeriodSchema>;

/**
 * Reads a month written `YYYY-MM` (or `YYYY-MM-01`, the first day of the month, as a database
 * DATE prints it) and returns it as `YYYY-MM`, or null when it is not a real month.
 *
 * @example
 * ```ts
 * parsePeriod('2024-04'); // => '2024-04'
 * parsePeriod(' 2024-04-01 '); // => '2024-04'
 * parsePeriod('2024-13'); // => null
 * parsePeriod('04/2024'); // => null
 * ```
 */
export function parsePeriod(text: string): Period | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])(?:-01)?$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900) return null;
  return `${match[1]}-${match[2]}`;
}

/**
 * The first day of the month as a UTC `Date` (what Arrow DATE columns and Plot's UTC time
 * scale expect).
 *
 * @example
 * ```ts
 * periodToUtcDate('2024-04').toISOString(); // => '2024-04-01T00:00:00.000Z'
 * ```
 */
export function periodToUtcDate(period: Period): Date {
  return new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1));
}

/**
 * The month of a date, read in UTC.
 *
 * @example
 * ```ts
 * periodOfDate(new Date('2026-11-26T07:00:00Z')); // => '2026-11'
 * ```
 */
export function periodOfDate(date: Date): Period {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Adds a number of months (negative to go back).
 *
 * @example
 * ```ts
 * addMonths('2024-11', 3); // => '2025-02'
 * addMonths('2024-01', -1); // => '2023-12'
 * ```
 */
export function addMonths(period: Period, months: number): Period {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Every month from `first` to `last`, inclusive.
 *
 * @example
 * ```ts
 * monthRange('2024-11', '2025-02'); // => ['2024-11', '2024-12', '2025-01', '2025-02']
 * ```
 */
export function monthRange(first: Period, last: Period): Period[] {
  const months: Period[] = [];
  for (let p = first; p <= last; p = addMonths(p, 1)) months.push(p);
  return months;
}
