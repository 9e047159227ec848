import { QiStatsInputError } from '../errors.js';
import type { ChartType, ControlChartInput, RunsMethod } from './types.js';

/** Every chart type `controlChart` knows. */
export const CHART_TYPES: ReadonlyArray<ChartType> = [
  'run',
  'i',
  'mr',
  'xbar',
  's',
  't',
  'p',
  'pp',
  'c',
  'u',
  'up',
  'g',
];

const RUNS_METHODS: ReadonlyArray<RunsMethod> = ['anhoej', 'bestbox', 'cutbox'];

/** Charts whose y is Σy/Σn and need a denominator. */
const NEEDS_DENOMINATOR: ReadonlySet<ChartType> = new Set(['p', 'pp', 'u', 'up']);
/** Charts that may take a denominator (y becomes the ratio). */
const MAY_TAKE_DENOMINATOR: ReadonlySet<ChartType> = new Set(['run', 'i', 'mr', 'p', 'pp', 'u', 'up']);
/** Charts whose y is a count of events or opportunities and cannot be negative. */
const COUNTS: ReadonlySet<ChartType> = new Set(['p', 'pp', 'c', 'u', 'up', 'g']);
/** Charts whose y is a proportion's numerator and cannot exceed its denominator. */
const PROPORTIONS: ReadonlySet<ChartType> = new Set(['p', 'pp']);

/** The input after checking, with defaults filled in. */
export interface CheckedInput {
  chart: ChartType;
  y: ReadonlyArray<number | null>;
  n: ReadonlyArray<number | null> | null;
  keys: ReadonlyArray<string | number>;
  multiply: number;
  method: RunsMethod;
  screenMovingRanges: boolean;
}

/**
 * Check a `controlChart` input and fill its defaults, throwing a
 * `QiStatsInputError` that names the field, the 1-based position and the
 * rule broken. Where qicharts2 quietly copes (it blanks a row whose
 * denominator is missing, drops `part` values out of range, returns NaN
 * limits for a zero denominator) qi-stats refuses, because an analyst should
 * see the bad cell rather than a silently different chart.
 *
 * `part`, `freeze` and `exclude` are checked later by `checkPositions`, once
 * the number of subgroups is known.
 *
 * @example
 * checkInput({ chart: 'p', y: [5, 12], n: [10, 10] });
 * // throws QiStatsInputError: y[2] ... (rule: count-exceeds-denominator)
 */
export function checkInput(input: ControlChartInput): CheckedInput {
  if (input === null || typeof input !== 'object') {
    throw new QiStatsInputError({
      field: 'input',
      rule: 'not-an-object',
      value: input,
      message: 'expected an object',
    });
  }
  const chart = input.chart;
  if (!CHART_TYPES.includes(chart)) {
    throw new QiStatsInputError({
      field: 'chart',
      rule: 'unknown-chart-type',
      value: chart,
      message: `unknown chart type; expected one of ${CHART_TYPES.join(', ')}`,
    });
  }
  const y = checkNumberArray('y', input.y);
  if (y.length === 0) {
    throw new QiStatsInputError({ field: 'y', rule: 'empty-series', message: 'no observations' });
  }
  // Plain indexed loops below, not forEach/every/some: they run over every observation of a series
  // that may be a million long. `value == null` also passes over the holes of a sparse array, which
  // the array methods skip (checkNumberArray lets holes, and only holes, through as undefined).
  if (!hasPresentValue(y)) {
    throw new QiStatsInputError({ field: 'y', rule: 'all-missing', message: 'every observation is missing' });
  }

  const n = input.n == null ? null : checkNumberArray('n', input.n);
  if (n !== null) checkSameLength('n', n.length, y.length);
  if (n !== null) {
    for (let index = 0; index < n.length; index++) {
      const size = n[index];
      if (size != null && size < 0) {
        throw new QiStatsInputError({
          field: 'n',
          position: index + 1,
          rule: 'negative-denominator',
          value: size,
          message: 'a denominator cannot be negative',
        });
      }
    }
  }
  const hasDenominator = n !== null && hasPresentValue(n);
  if (NEEDS_DENOMINATOR.has(chart) && !hasDenominator) {
    throw new QiStatsInputError({
      field: 'n',
      rule: 'missing-denominators',
      message: `a ${chart} chart needs a denominator per observation`,
    });
  }
  if (hasDenominator && !MAY_TAKE_DENOMINATOR.has(chart)) {
    throw new QiStatsInputError({
      field: 'n',
      rule: 'denominator-not-used',
      message: `a ${chart} chart takes no denominator (use a u or p chart for rates and proportions)`,
    });
  }

  const isCount = COUNTS.has(chart);
  const isProportion = PROPORTIONS.has(chart);
  const sizes = hasDenominator ? n : null;
  // Only counts, times and values with a denominator have a rule per value; skip the pass otherwise.
  const checksValues = isCount || chart === 't' || sizes !== null;
  for (let index = 0; checksValues && index < y.length; index++) {
    const value = y[index];
    if (value == null) continue;
    const position = index + 1;
    if (isCount && value < 0) {
      throw new QiStatsInputError({
        field: 'y',
        position,
        rule: 'negative-count',
        value,
        message: 'a count cannot be negative',
      });
    }
    if (chart === 't' && value <= 0) {
      throw new QiStatsInputError({
        field: 'y',
        position,
        rule: 'non-positive-time',
        value,
        message: 'time between events must be greater than zero (qicharts2 stops on this too)',
      });
    }
    if (sizes !== null) {
      const size = sizes[index] ?? null;
      if (size === null) {
        // qicharts2 blanks the whole row (y and n become NA); we refuse, so the numerator is not lost silently.
        throw new QiStatsInputError({
          field: 'n',
          position,
          rule: 'missing-denominator',
          value: size,
          message: 'the denominator is missing where a count is present',
        });
      }
      if (size === 0) {
        throw new QiStatsInputError({
          field: 'n',
          position,
          rule: 'zero-denominator',
          value: size,
          message: 'the denominator is zero where a count is present',
        });
      }
      if (isProportion && value > size) {
        throw new QiStatsInputError({
          field: 'y',
          position,
          rule: 'count-exceeds-denominator',
          value,
          message: `the count ${value} exceeds its denominator ${size}`,
        });
      }
    }
  }

  const keys = input.x == null ? defaultKeys(y) : checkKeys(input.x, y.length);

  const multiply = input.multiply ?? 1;
  if (typeof multiply !== 'number' || !Number.isFinite(multiply) || multiply <= 0) {
    throw new QiStatsInputError({
      field: 'multiply',
      rule: 'non-positive-multiplier',
      value: multiply,
      message: 'multiply must be a finite number greater than zero',
    });
  }
  const method = input.method ?? 'anhoej';
  if (!RUNS_METHODS.includes(method)) {
    throw new QiStatsInputError({
      field: 'method',
      rule: 'unknown-method',
      value: method,
      message: `expected one of ${RUNS_METHODS.join(', ')}`,
    });
  }
  const screenMovingRanges = input.screenMovingRanges ?? true;
  if (typeof screenMovingRanges !== 'boolean') {
    throw new QiStatsInputError({
      field: 'screenMovingRanges',
      rule: 'not-a-boolean',
      value: screenMovingRanges,
      message: 'expected true or false',
    });
  }
  return { chart, y, n: hasDenominator ? n : null, keys, multiply, method, screenMovingRanges };
}

/**
 * Check `part`, `freeze` and `exclude` against the number of subgroups and
 * return them as sorted positions. `part` positions must lie in
 * 1..subgroups−1 (a part needs at least one point after the break);
 * `freeze` and `exclude` in 1..subgroups. qicharts2 silently drops `part`
 * values out of range; we refuse them.
 *
 * @example
 * checkPositions({ part: 12, freeze: null, exclude: [3, 1] }, 20);
 * // { parts: [12], freeze: null, exclude: [1, 3] }
 */
export function checkPositions(
  input: Pick<ControlChartInput, 'part' | 'freeze' | 'exclude'>,
  subgroups: number,
): { parts: number[]; freeze: number | null; exclude: number[] } {
  const parts = positionList('part', input.part, 1, subgroups - 1);
  const freezeList = positionList('freeze', input.freeze, 1, subgroups, true);
  const exclude = positionList('exclude', input.exclude, 1, subgroups);
  return {
    parts: [...new Set(parts)].sort((a, b) => a - b),
    freeze: freezeList[0] ?? null,
    exclude: [...new Set(exclude)].sort((a, b) => a - b),
  };
}

function positionList(
  field: string,
  value: number | ReadonlyArray<number> | null | undefined,
  lowest: number,
  highest: number,
  scalarOnly = false,
): number[] {
  if (value == null) return [];
  const isList = Array.isArray(value);
  if (isList && scalarOnly) {
    throw new QiStatsInputError({
      field,
      rule: 'not-a-number',
      value,
      message: 'expected a single position',
    });
  }
  const list: ReadonlyArray<unknown> = isList ? (value as ReadonlyArray<unknown>) : [value];
  return list.map((item, index) => {
    const position = isList ? index + 1 : null;
    if (typeof item !== 'number' || !Number.isInteger(item)) {
      throw new QiStatsInputError({
        field,
        position,
        rule: 'not-an-integer',
        value: item,
        message: 'expected a whole-number subgroup position',
      });
    }
    if (item < lowest || item > highest) {
      throw new QiStatsInputError({
        field,
        position,
        rule: 'out-of-range',
        value: item,
        message:
          highest < lowest
            ? 'there are too few subgroups for this'
            : `expected a subgroup position from ${lowest} to ${highest}`,
      });
    }
    return item;
  });
}

/** Whether any value is present (not null, and not a hole of a sparse array). */
function hasPresentValue(values: ReadonlyArray<number | null>): boolean {
  for (let index = 0; index < values.length; index++) if (values[index] != null) return true;
  return false;
}

/**
 * Keys 1..N when `x` is not given: each observation is its own subgroup, in
 * order. Filled in a loop rather than with `map`; a sparse `y` keeps
 * `map`'s holes, which aggregateSubgroups skips, as it always has.
 */
function defaultKeys(y: ReadonlyArray<number | null>): ReadonlyArray<number> {
  const keys = new Array<number>(y.length);
  for (let index = 0; index < y.length; index++) {
    if (y[index] === undefined && !(index in y)) return y.map((_, k) => k + 1);
    keys[index] = index + 1;
  }
  return keys;
}

function checkNumberArray(field: string, values: unknown): ReadonlyArray<number | null> {
  if (!Array.isArray(values)) {
    throw new QiStatsInputError({ field, rule: 'not-an-array', value: values, message: 'expected an array' });
  }
  for (let index = 0; index < values.length; index++) {
    const value: unknown = values[index];
    if (value === null) continue;
    // A hole of a sparse array is let through, as forEach (which skips holes) always did.
    if (value === undefined && !(index in values)) continue;
    if (typeof value !== 'number') {
      throw new QiStatsInputError({
        field,
        position: index + 1,
        rule: 'not-a-number',
        value,
        message: 'expected a number or null',
      });
    }
    if (!Number.isFinite(value)) {
      throw new QiStatsInputError({
        field,
        position: index + 1,
        rule: 'non-finite',
        value,
        message: 'expected a finite number or null (write a missing value as null, not NaN)',
      });
    }
  }
  return values as ReadonlyArray<number | null>;
}

function checkSameLength(field: string, length: number, expected: number): void {
  if (length !== expected) {
    throw new QiStatsInputError({
      field,
      rule: 'length-mismatch',
      value: length,
      message: `has ${length} values but y has ${expected}`,
    });
  }
}

function checkKeys(keys: unknown, length: number): ReadonlyArray<string | number> {
  if (!Array.isArray(keys)) {
    throw new QiStatsInputError({
      field: 'x',
      rule: 'not-an-array',
      value: keys,
      message: 'expected an array',
    });
  }
  checkSameLength('x', keys.length, length);
  let kind: 'string' | 'number' | null = null;
  for (let index = 0; index < keys.length; index++) {
    const key: unknown = keys[index];
    // A hole of a sparse array is let through, as forEach (which skips holes) always did.
    if (key === undefined && !(index in keys)) continue;
    const position = index + 1;
    if (typeof key === 'number') {
      if (!Number.isFinite(key)) {
        throw new QiStatsInputError({
          field: 'x',
          position,
          rule: 'non-finite',
          value: key,
          message: 'expected a finite key',
        });
      }
    } else if (typeof key !== 'string') {
      throw new QiStatsInputError({
        field: 'x',
        position,
        rule: 'missing-key',
        value: key,
        message: 'every observation needs a subgroup key (a number or a string)',
      });
    }
    const keyKind = typeof key as 'string' | 'number';
    if (kind !== null && keyKind !== kind) {
      throw new QiStatsInputError({
        field: 'x',
        position,
        rule: 'mixed-key-types',
        value: key,
        message: 'subgroup keys must be all numbers or all strings',
      });
    }
    kind = keyKind;
  }
  return keys as ReadonlyArray<string | number>;
}
