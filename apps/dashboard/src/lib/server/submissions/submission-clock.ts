/**
 * "Now" for submissions: which months may be submitted, which are overdue, when a version
 * was stored. The system clock, unless `PORTAL_TODAY` (an ISO date or time) fixes it, so
 * that an end-to-end run or a demonstration can be replayed on a chosen day. Unit tests pass
 * their own date to the functions that take `today` instead.
 *
 * @example
 * ```ts
 * process.env.PORTAL_TODAY = '2026-11-26T09:00:00Z';
 * portalToday().toISOString(); // => '2026-11-26T09:00:00.000Z'
 * ```
 */
export function portalToday(): Date {
  const fixed = process.env.PORTAL_TODAY;
  if (!fixed) return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime()))
    throw new Error(`PORTAL_TODAY="${fixed}" is not a date (write e.g. 2026-11-26).`);
  return date;
}

/**
 * A moment written as DuckDB reads a TIMESTAMP (UTC, no zone suffix).
 *
 * @example
 * ```ts
 * sqlTimestamp(new Date('2026-11-26T09:30:00.250Z')); // => '2026-11-26 09:30:00.250'
 * ```
 */
export function sqlTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
