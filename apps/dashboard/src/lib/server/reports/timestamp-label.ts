const format = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * A stored timestamp (UTC, ISO) as UK readers expect it, in UK time, formatted on the
 * server so the page reads the same before and after hydration.
 *
 * @example
 * ```ts
 * timestampLabel('2026-04-20T13:05:00.000Z'); // => '20 April 2026 at 14:05'
 * timestampLabel(null); // => ''
 * ```
 */
export function timestampLabel(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso.endsWith('Z') || iso.includes('+') ? iso : `${iso}Z`);
  return Number.isNaN(date.getTime()) ? iso : format.format(date).replace(', ', ' at ');
}
