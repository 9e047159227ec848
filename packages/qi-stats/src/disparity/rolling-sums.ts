import { QiStatsInputError } from '../errors.js';
import { checkCount, checkFinite } from '../intervals/validate.js';

/** Counts for one calendar month ('YYYY-MM'); several rows for a month (sites) are summed. */
export interface PeriodCount {
  period: string;
  events: number;
  denominator: number;
}

/** A rolling window's sums, labelled by its last month. */
export interface RollingSum {
  /** Last month of the window ('YYYY-MM'). */
  period: string;
  /** First month of the window ('YYYY-MM'). */
  startPeriod: string;
  window: number;
  events: number;
  denominator: number;
  /** Months of the window present in the data. */
  monthsPresent: number;
  /** Whether every month of the window is present; charts should mark incomplete windows. */
  complete: boolean;
}

const PERIOD = /^(\d{4})-(\d{2})(?:-\d{2})?$/;

/** Month number (year·12 + month − 1) of 'YYYY-MM' (or 'YYYY-MM-DD'); throws on anything else. */
export function monthIndex(period: string, position: number | null = null): number {
  const match = PERIOD.exec(period);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) {
    throw new QiStatsInputError({
      field: 'period',
      position,
      rule: 'invalid-period',
      value: period,
      message: `a period must be a calendar month 'YYYY-MM', got '${period}'`,
    });
  }
  return Number(match[1]) * 12 + month - 1;
}

/** 'YYYY-MM' of a month number. */
export function periodOf(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/**
 * Rolling sums of events and denominators over calendar windows of
 * `window` months (3 and 12 are the NHS CQIM conventions), one per month
 * present in the data, labelled by the window's last month. Sum, then
 * divide: a window's rate is Σevents / Σdenominators, never the mean of
 * monthly rates, so a month with 10 births does not weigh as much as one
 * with 400.
 *
 * Windows are calendar-based: a missing month leaves a gap in the window
 * (`monthsPresent` < `window`, `complete: false`) rather than pulling in an
 * older month. Rows for the same month (several sites) are summed first.
 *
 * Cost: O(rows + months) after an O(months log months) sort.
 *
 * Reference: NHS Digital MSDS CQIM methodology (3-month windows);
 * shared/spec/data-model.md §2.3.
 *
 * @example
 * rollingSums([
 *   { period: '2025-01', events: 2, denominator: 100 },
 *   { period: '2025-02', events: 4, denominator: 120 },
 *   { period: '2025-03', events: 3, denominator: 110 },
 * ], 3).at(-1);
 * // { period: '2025-03', startPeriod: '2025-01', window: 3, events: 9, denominator: 330, monthsPresent: 3, complete: true }
 */
export function rollingSums(points: ReadonlyArray<PeriodCount>, window: number): RollingSum[] {
  if (!Number.isInteger(window) || window < 1) {
    throw new QiStatsInputError({
      field: 'window',
      rule: 'invalid-window',
      value: window,
      message: 'the window must be a whole number of months >= 1',
    });
  }
  const byMonth = new Map<number, { events: number; denominator: number }>();
  points.forEach((point, i) => {
    const month = monthIndex(point.period, i + 1);
    checkCount('events', point.events, i + 1);
    checkFinite('denominator', point.denominator, i + 1);
    if (point.denominator < 0) {
      throw new QiStatsInputError({
        field: 'denominator',
        position: i + 1,
        rule: 'negative-denominator',
        value: point.denominator,
        message: 'a denominator cannot be negative',
      });
    }
    const current = byMonth.get(month);
    if (current) {
      current.events += point.events;
      current.denominator += point.denominator;
    } else byMonth.set(month, { events: point.events, denominator: point.denominator });
  });
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  const result: RollingSum[] = [];
  let start = 0;
  let events = 0;
  let denominator = 0;
  for (let end = 0; end < months.length; end++) {
    const month = months[end] as number;
    const counts = byMonth.get(month) as { events: number; denominator: number };
    events += counts.events;
    denominator += counts.denominator;
    // Drop months that have fallen out of the window [month − window + 1, month].
    while ((months[start] as number) <= month - window) {
      const old = byMonth.get(months[start] as number) as { events: number; denominator: number };
      events -= old.events;
      denominator -= old.denominator;
      start++;
    }
    const present = end - start + 1;
    result.push({
      period: periodOf(month),
      startPeriod: periodOf(month - window + 1),
      window,
      events,
      denominator,
      monthsPresent: present,
      complete: present === window,
    });
  }
  return result;
}
