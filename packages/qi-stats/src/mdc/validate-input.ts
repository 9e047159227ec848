import { QiStatsInputError } from '../errors.js';

/**
 * Input checks shared by the MDC charts. Each throws `QiStatsInputError`
 * naming the field, the 1-based position and the rule broken, so an analyst
 * can go straight to the cell; nothing here lets NaN or Infinity through.
 */

/** Values: a non-empty array of finite numbers, or null for a missing value. */
export function checkValues(field: string, values: unknown, options: { minimum?: number } = {}): void {
  if (!Array.isArray(values)) {
    throw new QiStatsInputError({ field, rule: 'not-an-array', value: values, message: 'must be an array' });
  }
  if (values.length === 0) {
    throw new QiStatsInputError({ field, rule: 'empty', message: 'needs at least one value' });
  }
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new QiStatsInputError({
        field,
        position: i + 1,
        rule: 'not-finite',
        value: v,
        message: 'must be a finite number or null',
      });
    }
    if (options.minimum !== undefined && v < options.minimum) {
      throw new QiStatsInputError({
        field,
        position: i + 1,
        rule: 'below-minimum',
        value: v,
        message: `must be at least ${options.minimum}`,
      });
    }
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The whole number written in `length` digits from `start`, or -1. */
function number(text: string, start: number, length: number): number {
  let result = 0;
  for (let i = start; i < start + length; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    result = result * 10 + code;
  }
  return result;
}

/**
 * Whether `text` is a real calendar date written yyyy-mm-dd. Checked by
 * character codes rather than a regular expression: the summary of 10,000
 * series checks half a million dates.
 */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string' || text.length !== 10) return false;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = number(text, 0, 4);
  const month = number(text, 5, 2);
  const day = number(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const maxDay = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return day <= maxDay;
}

/** Dates: one ISO date per value, strictly ascending (ISO strings sort as dates). */
export function checkDates(field: string, dates: unknown, length: number): void {
  if (!Array.isArray(dates)) {
    throw new QiStatsInputError({
      field,
      rule: 'not-an-array',
      value: dates,
      message: 'must be an array of dates',
    });
  }
  if (dates.length !== length) {
    throw new QiStatsInputError({
      field,
      rule: 'length-mismatch',
      value: dates.length,
      message: `has ${dates.length} dates for ${length} values`,
    });
  }
  let previous = '';
  for (let i = 0; i < dates.length; i++) {
    const date: unknown = dates[i];
    if (!isIsoDate(date)) {
      throw new QiStatsInputError({
        field,
        position: i + 1,
        rule: 'malformed-date',
        value: date,
        message: 'must be a calendar date written yyyy-mm-dd',
      });
    }
    if (i > 0 && date <= previous) {
      throw new QiStatsInputError({
        field,
        position: i + 1,
        rule: 'dates-not-ascending',
        value: date,
        message: `must come after ${previous}`,
      });
    }
    previous = date;
  }
}

/** A whole number within [min, max], or throw. */
export function checkInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new QiStatsInputError({
      field,
      rule: 'out-of-range',
      value,
      message: `must be a whole number from ${min} to ${max}`,
    });
  }
  return value;
}

/**
 * Rebase positions: 1-based positions at which a new period begins, from 2
 * (position 1 already begins period 0) to the number of values. Returned
 * sorted and without repeats.
 */
export function checkRebase(field: string, rebase: unknown, length: number): number[] {
  if (rebase === null || rebase === undefined) return [];
  const list: unknown[] = Array.isArray(rebase) ? rebase : [rebase];
  const seen = new Set<number>();
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 2 || r > length) {
      throw new QiStatsInputError({
        field,
        position: Array.isArray(rebase) ? i + 1 : null,
        rule: 'rebase-out-of-range',
        value: r,
        message: `must be a whole-number position from 2 to ${length}`,
      });
    }
    seen.add(r);
  }
  return [...seen].sort((a, b) => a - b);
}

export function checkImprovement(field: string, improvement: unknown): 'increase' | 'decrease' | 'neutral' {
  if (improvement !== 'increase' && improvement !== 'decrease' && improvement !== 'neutral') {
    throw new QiStatsInputError({
      field,
      rule: 'invalid-improvement',
      value: improvement,
      message: "must be 'increase', 'decrease' or 'neutral'",
    });
  }
  return improvement;
}

export function checkOptionalFinite(field: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new QiStatsInputError({
      field,
      rule: 'not-finite',
      value,
      message: 'must be a finite number or null',
    });
  }
  return value;
}

export function checkPreset(field: string, rules: unknown): 'mdc' | 'ptd' {
  if (rules === undefined || rules === null) return 'mdc';
  if (rules !== 'mdc' && rules !== 'ptd') {
    throw new QiStatsInputError({
      field,
      rule: 'invalid-preset',
      value: rules,
      message: "must be 'mdc' or 'ptd'",
    });
  }
  return rules;
}

export function checkOptionalBoolean(field: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    throw new QiStatsInputError({ field, rule: 'not-a-boolean', value, message: 'must be true or false' });
  }
  return value;
}
