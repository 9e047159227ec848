const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A `YYYY-MM` month in words, as reports and aim statements write it; anything else unchanged.
 *
 * @example
 * ```ts
 * monthLabel('2026-03'); // => 'March 2026'
 * monthLabel('soon'); // => 'soon'
 * ```
 */
export function monthLabel(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  const name = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : period;
}
