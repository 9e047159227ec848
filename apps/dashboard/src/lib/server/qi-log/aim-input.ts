import type { Measure, ReferenceTables } from '@maternity-qi/network-data';
import { parsePeriod } from '@maternity-qi/network-data';
import { aimMeasures } from '../../qi/aim-measures.ts';
import { aimStatement } from '../../qi/aim-statement.ts';
import { ALL_WOMEN, aimPopulation, knownEthnicGroups } from '../../qi/ethnic-groups.ts';
import { type FieldErrors, InvalidInput } from '../write-errors.ts';
import { cleanText, readDecimal } from './form-text.ts';

/** An aim as the form sends it: every value is text, as typed. */
export interface AimFields {
  measure_id?: string;
  /** 'all' (all women) or 'groups' (the ticked `ethnic_groups`). */
  focus?: string;
  ethnic_groups?: string[];
  baseline_value?: string;
  target_value?: string;
  target_period?: string;
  /** Blank: the generated statement is used. */
  statement?: string;
}

/** A valid aim, ready to store. */
export interface AimInput {
  measureId: string;
  /** ['ALL'] or group codes (level-1, or level-2 kept from an existing aim). */
  ethnicGroups: string[];
  baselineValue: number | null;
  targetValue: number;
  targetPeriod: string;
  statement: string;
}

/** Longest aim statement kept (a sentence or two; the report prints it as a heading). */
export const MAX_STATEMENT_LENGTH = 600;

/**
 * The values a measure's unit allows, and how to say so: a percentage lies in 0-100, a rate
 * per 1,000 (or 100,000) is 0 or more.
 *
 * @example
 * ```ts
 * unitRange({ multiplier: 100, unit_label: '%' }); // => { min: 0, max: 100, words: 'a percentage from 0 to 100' }
 * unitRange({ multiplier: 1000, unit_label: 'per 1,000 births' }).max; // => Infinity
 * ```
 */
export function unitRange(measure: Pick<Measure, 'multiplier' | 'unit_label'>): {
  min: number;
  max: number;
  words: string;
} {
  if (measure.multiplier === 100) return { min: 0, max: 100, words: 'a percentage from 0 to 100' };
  return { min: 0, max: Number.POSITIVE_INFINITY, words: `a rate of 0 or more (${measure.unit_label})` };
}

function checkValue(
  errors: FieldErrors,
  field: string,
  value: number | null,
  measure: Measure,
  what: string,
): void {
  const range = unitRange(measure);
  if (value == null) return;
  if (Number.isNaN(value)) errors[field] = `Enter the ${what} as a number, e.g. 65 or 12.5.`;
  else if (value < range.min || value > range.max)
    errors[field] = `The ${what} must be ${range.words}; ${value} is not.`;
}

/**
 * Checks an aim's fields against the measure catalogue and reference ethnic groups, and
 * returns the aim to store, or throws `InvalidInput` naming every wrong field. A blank
 * statement is replaced by the suggested one.
 *
 * @example
 * ```ts
 * validateAim(
 *   { measure_id: 'booking_by_10wk', focus: 'groups', ethnic_groups: ['BLACK'], baseline_value: '48', target_value: '65', target_period: '2026-03' },
 *   reference, 'Site B (Midlands)',
 * ).statement;
 * // => 'Increase “Booked by 10 weeks (<=70 days)” for Black women at Site B (Midlands) from 48% to 65% by March 2026.'
 * validateAim({ measure_id: 'booking_by_10wk', target_value: '140' }, reference, 'Site B'); // throws InvalidInput
 * ```
 */
export function validateAim(fields: AimFields, reference: ReferenceTables, siteName: string): AimInput {
  const errors: FieldErrors = {};
  const measureId = cleanText(fields.measure_id);
  const measure = aimMeasures(reference.measures).find((candidate) => candidate.measure_id === measureId);
  if (!measureId) errors.measure_id = 'Choose the measure the aim is about.';
  else if (!measure) {
    const known = reference.measures.some((candidate) => candidate.measure_id === measureId);
    errors.measure_id = known
      ? `${measureId} is context only (no monthly chart): choose a measure with a chart.`
      : `There is no measure "${measureId}" in the measure catalogue.`;
  }

  const groups = knownEthnicGroups(reference.ethnicCategories);
  const ticked = [...new Set((fields.ethnic_groups ?? []).map((code) => code.trim()).filter(Boolean))];
  const focus = cleanText(fields.focus) || (ticked.length > 0 ? 'groups' : '');
  let ethnicGroups: string[] = [];
  if (focus === 'all') ethnicGroups = [ALL_WOMEN];
  else if (focus === 'groups') {
    const unknown = ticked.filter((code) => !groups.has(code));
    if (ticked.length === 0) errors.ethnic_groups = 'Tick at least one ethnic group, or choose all women.';
    else if (unknown.length > 0)
      errors.ethnic_groups = `Not an ethnic group in the reference table: ${unknown.join(', ')}.`;
    else if (measure && !measure.by_ethnic_group)
      errors.ethnic_groups = `${measure.name} is not reported by ethnic group: choose all women.`;
    else ethnicGroups = ticked;
  } else errors.ethnic_groups = 'Choose all women, or the ethnic groups the aim is for.';

  const baselineValue = readDecimal(fields.baseline_value);
  const targetValue = readDecimal(fields.target_value);
  if (measure) {
    checkValue(errors, 'baseline_value', baselineValue, measure, 'baseline');
    if (targetValue == null) errors.target_value = `Enter the target value (${unitRange(measure).words}).`;
    else checkValue(errors, 'target_value', targetValue, measure, 'target');
    // An aim to improve that sets its target on the wrong side of its baseline is a typo.
    if (!errors.baseline_value && !errors.target_value && baselineValue != null && targetValue != null) {
      if (measure.direction === 'higher_is_better' && targetValue <= baselineValue)
        errors.target_value = `Higher is better for ${measure.name}: set a target above the baseline (${baselineValue}).`;
      if (measure.direction === 'lower_is_better' && targetValue >= baselineValue)
        errors.target_value = `Lower is better for ${measure.name}: set a target below the baseline (${baselineValue}).`;
    }
  } else if (targetValue == null) errors.target_value = 'Enter the target value.';

  const periodText = cleanText(fields.target_period);
  const targetPeriod = parsePeriod(periodText);
  if (!periodText) errors.target_period = 'Enter the month the target should be reached by, e.g. 2026-03.';
  else if (!targetPeriod)
    errors.target_period = `"${periodText}" is not a month: write it YYYY-MM, e.g. 2026-03.`;

  let statement = cleanText(fields.statement);
  if (statement.length > MAX_STATEMENT_LENGTH)
    errors.statement = `Keep the statement under ${MAX_STATEMENT_LENGTH} characters (it has ${statement.length}).`;

  if (Object.keys(errors).length > 0 || !measure || targetValue == null || !targetPeriod)
    throw new InvalidInput(errors);
  statement ||= aimStatement({
    measureName: measure.name,
    direction: measure.direction,
    unitLabel: measure.unit_label,
    population: aimPopulation(ethnicGroups, groups),
    siteName,
    baseline: baselineValue,
    target: targetValue,
    targetPeriod,
  });
  return { measureId: measure.measure_id, ethnicGroups, baselineValue, targetValue, targetPeriod, statement };
}
