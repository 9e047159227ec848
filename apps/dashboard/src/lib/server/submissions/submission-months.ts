import { addMonths, type Period, periodOfDate } from '@maternity-qi/network-data';

/** How many months before the current one a site may still submit (or resubmit). */
export const MONTHS_BACK = 12;

const PERIOD_TEXT = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The months a site may submit on `today`, newest first: the current month and the 12 before
 * it. Older corrections go through the network admin, so a slip of the year cannot rewrite
 * years-old data.
 *
 * @example
 * ```ts
 * submittableMonths(new Date('2026-11-26T10:00:00Z')).slice(0, 3); // => ['2026-11', '2026-10', '2026-09']
 * submittableMonths(new Date('2026-11-26T10:00:00Z')).length; // => 13
 * ```
 */
export function submittableMonths(today: Date): Period[] {
  const current = periodOfDate(today);
  return Array.from({ length: MONTHS_BACK + 1 }, (_, i) => addMonths(current, -i));
}

/**
 * Why a month cannot be submitted on `today` (a message for the person), or null when it can.
 *
 * @example
 * ```ts
 * const today = new Date('2026-11-26T10:00:00Z');
 * submittableMonthProblem('2026-10', today); // => null
 * submittableMonthProblem('2026-12', today);
 * // => '2026-12 is in the future: you can submit the current month (2026-11) and the 12 months before it.'
 * submittableMonthProblem('Oct 2026', today); // => 'The month "Oct 2026" is not written YYYY-MM (for October 2026 write 2026-10).'
 * ```
 */
export function submittableMonthProblem(period: string | null, today: Date): string | null {
  if (period === null || period === '') return 'Choose the month the data are for (YYYY-MM).';
  if (!PERIOD_TEXT.test(period))
    return `The month "${period.slice(0, 40)}" is not written YYYY-MM (for October 2026 write 2026-10).`;
  const months = submittableMonths(today);
  const current = months[0] as Period;
  const oldest = months[months.length - 1] as Period;
  if (period > current)
    return `${period} is in the future: you can submit the current month (${current}) and the ${MONTHS_BACK} months before it.`;
  if (period < oldest)
    return `${period} is more than ${MONTHS_BACK} months ago (the oldest month you can submit is ${oldest}); ask your network admin to correct older months.`;
  return null;
}

/**
 * Whether a text is a month written YYYY-MM (as URLs and forms must write it). Not a type guard:
 * `Period` is a plain string type, so narrowing would leave nothing for the other branch.
 *
 * @example
 * ```ts
 * isPeriodText('2026-04'); // => true
 * isPeriodText('2026-4'); // => false
 * ```
 */
export function isPeriodText(text: string | null | undefined): boolean {
  return typeof text === 'string' && PERIOD_TEXT.test(text);
}
