import { utcFormat } from 'd3';

const monthFormat = utcFormat('%b %Y');
const dayFormat = utcFormat('%-d %b %Y');
const isoDate = /^\d{4}-\d{2}(-\d{2})?$/;

/** Parses `yyyy-mm` or `yyyy-mm-dd` as a UTC date (months never shift with BST). */
export function parseIsoDate(value: string): Date {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number | undefined];
  return new Date(Date.UTC(year, month - 1, day ?? 1));
}

/** Turns chart x values into Dates when they are all ISO dates, otherwise leaves them. */
export function timeAxisValues(values: readonly (string | number)[]): (Date | string | number)[] {
  const allDates =
    values.length > 0 && values.every((value) => typeof value === 'string' && isoDate.test(value));
  return allDates ? values.map((value) => parseIsoDate(value as string)) : [...values];
}

/** "Apr 2024" for the first of a month, "3 Apr 2024" otherwise; other values as text. */
export function formatPeriod(value: unknown): string {
  if (value instanceof Date) return value.getUTCDate() === 1 ? monthFormat(value) : dayFormat(value);
  return String(value);
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number with `digits` decimals and thousands separators (en-GB); '' for null. */
export function formatNumber(value: unknown, digits = 1): string {
  if (value == null || typeof value !== 'number' || !Number.isFinite(value)) return '';
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

/** A whole number with thousands separators; '' for null. */
export function formatCount(value: unknown): string {
  return formatNumber(value, 0);
}

/** A value with its unit: "12.3%" or "3.2 per 1,000". */
export function formatWithUnit(value: number | null | undefined, unit: string, digits = 1): string {
  if (value == null) return 'no value';
  const number = formatNumber(value, digits);
  return unit === '%' ? `${number}%` : unit ? `${number} ${unit}` : number;
}

/** A unit short enough for a table cell: "per 1,000 term vaginal births" → "per 1,000". */
export function shortUnit(unit: string): string {
  return unit.match(/^per [\d,]+/)?.[0] ?? unit;
}
