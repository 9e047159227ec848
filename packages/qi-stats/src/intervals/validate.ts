import { QiStatsInputError } from '../errors.js';
import { normalQuantile } from '../math/normal-quantile.js';

// Input checks shared by every interval function. They throw the package's
// one error type, naming the field, the 1-based position (when a caller's
// array is at fault) and the rule broken, so an analyst can find the cell.

/** Throws unless `value` is a finite number. */
export function checkFinite(field: string, value: number, position: number | null = null): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new QiStatsInputError({
      field,
      position,
      rule: 'not-finite',
      value,
      message: `expected a finite number, got ${String(value)}`,
    });
  }
}

/** Throws unless `value` is a non-negative integer count. */
export function checkCount(field: string, value: number, position: number | null = null): void {
  checkFinite(field, value, position);
  if (value < 0) {
    throw new QiStatsInputError({
      field,
      position,
      rule: 'negative-count',
      value,
      message: `a count cannot be negative, got ${value}`,
    });
  }
  if (!Number.isInteger(value)) {
    throw new QiStatsInputError({
      field,
      position,
      rule: 'non-integer-count',
      value,
      message: `a count must be a whole number, got ${value}`,
    });
  }
}

/** Throws unless `value` is a finite number greater than zero. */
export function checkPositive(field: string, value: number, position: number | null = null): void {
  checkFinite(field, value, position);
  if (value <= 0) {
    throw new QiStatsInputError({
      field,
      position,
      rule: 'non-positive-denominator',
      value,
      message: `a denominator must be greater than zero, got ${value}`,
    });
  }
}

/** Throws unless events <= denominator (a proportion cannot exceed 1). */
export function checkNotAboveDenominator(
  field: string,
  events: number,
  denominator: number,
  position: number | null = null,
): void {
  if (events > denominator) {
    throw new QiStatsInputError({
      field,
      position,
      rule: 'count-exceeds-denominator',
      value: events,
      message: `events (${events}) exceed the denominator (${denominator}); a proportion cannot exceed 1`,
    });
  }
}

/** Throws unless 0 < level < 1. PHE also accepts 95 for 0.95; qi-stats does not, to keep one unit. */
export function checkLevel(level: number, field = 'level'): void {
  checkFinite(field, level);
  if (level <= 0 || level >= 1) {
    throw new QiStatsInputError({
      field,
      rule: 'level-out-of-range',
      value: level,
      message: `a confidence level must lie strictly between 0 and 1 (e.g. 0.95), got ${level}`,
    });
  }
}

/** Throws unless the multiplier is a finite number greater than zero. */
export function checkMultiplier(multiplier: number, field = 'multiplier'): void {
  checkFinite(field, multiplier);
  if (multiplier <= 0) {
    throw new QiStatsInputError({
      field,
      rule: 'non-positive-multiplier',
      value: multiplier,
      message: `a multiplier must be greater than zero, got ${multiplier}`,
    });
  }
}

// Tables ask for the same two or three levels thousands of times; the
// quantile is worth remembering.
const zCache = new Map<number, number>();

/** The two-sided normal critical value for a confidence level: 1.959964 for 0.95. */
export function zForLevel(level: number): number {
  let z = zCache.get(level);
  if (z === undefined) {
    z = normalQuantile(1 - (1 - level) / 2);
    if (zCache.size < 64) zCache.set(level, z);
  }
  return z;
}

/** Validates a group's count as a rate (whole events >= 0, denominator > 0). */
export function checkRateCount(field: string, group: { events: number; denominator: number }): void {
  checkCount(`${field}.events`, group.events);
  checkPositive(`${field}.denominator`, group.denominator);
}
