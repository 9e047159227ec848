import { QiStatsInputError } from '../errors.js';
import { checkCount, checkFinite } from '../intervals/validate.js';

/** One row of counts: a group's events over its denominator, for one site and period. */
export interface CountRow {
  group: string;
  events: number;
  denominator: number;
}

/** A group's pooled counts. */
export interface PooledCount {
  group: string;
  events: number;
  denominator: number;
}

/**
 * Pools rows by group by summing events and denominators, never by
 * averaging rates: two sites with 1/10 and 10/1000 pool to 11/1010 (1.1%),
 * not to the mean of 10% and 1% (5.5%). Groups come out in the order they
 * first appear.
 *
 * When to use: before any comparison across several sites or months.
 * Cost: O(rows).
 *
 * @param kind 'proportion' also checks events <= denominator per row and whole denominators
 * @throws QiStatsInputError naming the 1-based row for negative or non-integer
 *         events, negative or non-finite denominators, events above the
 *         denominator (proportions) or a missing group label
 *
 * @example
 * poolCounts([
 *   { group: 'Black', events: 1, denominator: 10 },
 *   { group: 'Black', events: 10, denominator: 1000 },
 * ]); // [{ group: 'Black', events: 11, denominator: 1010 }]
 */
export function poolCounts(
  rows: ReadonlyArray<CountRow>,
  kind: 'proportion' | 'rate' = 'proportion',
): PooledCount[] {
  const pooled = new Map<string, PooledCount>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as CountRow;
    const position = i + 1;
    if (typeof row.group !== 'string' || row.group.length === 0) {
      throw new QiStatsInputError({
        field: 'group',
        position,
        rule: 'missing-group',
        value: row.group,
        message: 'every row needs a group label',
      });
    }
    checkCount('events', row.events, position);
    checkFinite('denominator', row.denominator, position);
    if (row.denominator < 0) {
      throw new QiStatsInputError({
        field: 'denominator',
        position,
        rule: 'negative-denominator',
        value: row.denominator,
        message: `a denominator cannot be negative, got ${row.denominator}`,
      });
    }
    if (kind === 'proportion') {
      checkCount('denominator', row.denominator, position);
      if (row.events > row.denominator) {
        throw new QiStatsInputError({
          field: 'events',
          position,
          rule: 'count-exceeds-denominator',
          value: row.events,
          message: `events (${row.events}) exceed the denominator (${row.denominator}) for a proportion`,
        });
      }
    }
    const current = pooled.get(row.group);
    if (current) {
      current.events += row.events;
      current.denominator += row.denominator;
    } else {
      pooled.set(row.group, { group: row.group, events: row.events, denominator: row.denominator });
    }
  }
  return [...pooled.values()];
}
