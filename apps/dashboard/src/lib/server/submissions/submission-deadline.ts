import { addMonths, type Period, periodOfDate } from '@maternity-qi/network-data';

/** The day of the following month by which a month's data are due. */
export const DUE_DAY = 15;

/**
 * The last day a month's submission is on time: the 15th of the following month (ISO date).
 *
 * @example
 * ```ts
 * submissionDeadline('2026-10'); // => '2026-11-15'
 * submissionDeadline('2026-12'); // => '2027-01-15'
 * ```
 */
export function submissionDeadline(period: Period): string {
  return `${addMonths(period, 1)}-${String(DUE_DAY).padStart(2, '0')}`;
}

/**
 * Whether a month's data are overdue on `today` (UTC): from the 16th of the following month.
 *
 * @example
 * ```ts
 * isOverdue('2026-10', new Date('2026-11-15T23:00:00Z')); // => false
 * isOverdue('2026-10', new Date('2026-11-16T00:00:00Z')); // => true
 * ```
 */
export function isOverdue(period: Period, today: Date): boolean {
  const day = `${periodOfDate(today)}-${String(today.getUTCDate()).padStart(2, '0')}`;
  return day > submissionDeadline(period);
}
