import { describe, expect, it } from 'vitest';
import { testReference } from '../testing/qi-test-store.ts';
import { InvalidInput } from '../write-errors.ts';
import { type AimFields, unitRange, validateAim } from './aim-input.ts';

const valid: AimFields = {
  measure_id: 'booking_by_10wk',
  focus: 'groups',
  ethnic_groups: ['BLACK'],
  baseline_value: '48',
  target_value: '65',
  target_period: '2026-03',
  statement: '',
};

/** The field errors `validateAim` throws for these fields (fails the test if it does not throw). */
function errorsOf(fields: AimFields): Record<string, string> {
  try {
    validateAim(fields, testReference, 'Site A (London)');
  } catch (error) {
    if (error instanceof InvalidInput) return error.fields;
    throw error;
  }
  throw new Error('expected InvalidInput');
}

describe('validateAim', () => {
  it('accepts a valid aim and suggests a statement from its fields', () => {
    expect(validateAim(valid, testReference, 'Site A (London)')).toEqual({
      measureId: 'booking_by_10wk',
      ethnicGroups: ['BLACK'],
      baselineValue: 48,
      targetValue: 65,
      targetPeriod: '2026-03',
      statement:
        'Increase “Booked by 10 weeks (<=70 days)” for Black women at Site A (London) from 48% to 65% by March 2026.',
    });
  });

  it('keeps a statement the team wrote, and all women as ALL', () => {
    const aim = validateAim(
      { ...valid, focus: 'all', ethnic_groups: ['BLACK'], statement: '  Our own words.  ' },
      testReference,
      'Site A (London)',
    );
    expect(aim.ethnicGroups).toEqual(['ALL']);
    expect(aim.statement).toBe('Our own words.');
  });

  it('names an unknown measure and a context-only measure', () => {
    expect(errorsOf({ ...valid, measure_id: 'nonsense' }).measure_id).toBe(
      'There is no measure "nonsense" in the measure catalogue.',
    );
    expect(errorsOf({ ...valid, measure_id: 'maternal_mortality', target_value: '5' }).measure_id).toMatch(
      /context only/,
    );
    expect(errorsOf({ ...valid, measure_id: '' }).measure_id).toBe('Choose the measure the aim is about.');
  });

  it('checks percentages against 0-100 and rates against 0 or more', () => {
    expect(errorsOf({ ...valid, target_value: '140' }).target_value).toBe(
      'The target must be a percentage from 0 to 100; 140 is not.',
    );
    expect(errorsOf({ ...valid, baseline_value: '-1' }).baseline_value).toBe(
      'The baseline must be a percentage from 0 to 100; -1 is not.',
    );
    expect(errorsOf({ ...valid, target_value: 'lots' }).target_value).toBe(
      'Enter the target as a number, e.g. 65 or 12.5.',
    );
    expect(errorsOf({ ...valid, target_value: '' }).target_value).toMatch(/^Enter the target value/);
    // PPH >= 1500 ml is per 1,000 maternities: 150 is a valid rate, -2 is not.
    const pph = { ...valid, measure_id: 'pph_1500', focus: 'all', baseline_value: '', target_value: '150' };
    expect(validateAim(pph, testReference, 'Site D').targetValue).toBe(150);
    expect(errorsOf({ ...pph, target_value: '-2' }).target_value).toBe(
      'The target must be a rate of 0 or more (per 1,000 maternities); -2 is not.',
    );
    expect(unitRange({ multiplier: 1000, unit_label: 'per 1,000 births' }).max).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('refuses a target on the wrong side of the baseline', () => {
    expect(errorsOf({ ...valid, baseline_value: '70', target_value: '65' }).target_value).toMatch(
      /^Higher is better for Booked by 10 weeks .*: set a target above the baseline \(70\)\.$/,
    );
    const pph = { ...valid, measure_id: 'pph_1500', focus: 'all', baseline_value: '30', target_value: '35' };
    expect(errorsOf(pph).target_value).toMatch(/Lower is better/);
  });

  it('wants the target month as YYYY-MM', () => {
    expect(errorsOf({ ...valid, target_period: '03/2026' }).target_period).toBe(
      '"03/2026" is not a month: write it YYYY-MM, e.g. 2026-03.',
    );
    expect(errorsOf({ ...valid, target_period: '2026-13' }).target_period).toMatch(/is not a month/);
    expect(errorsOf({ ...valid, target_period: '' }).target_period).toMatch(/^Enter the month/);
  });

  it('wants all women or known ethnic groups, and all women for measures not split by group', () => {
    expect(errorsOf({ ...valid, focus: 'groups', ethnic_groups: [] }).ethnic_groups).toBe(
      'Tick at least one ethnic group, or choose all women.',
    );
    expect(errorsOf({ ...valid, ethnic_groups: ['BLACK', 'MARTIAN'] }).ethnic_groups).toBe(
      'Not an ethnic group in the reference table: MARTIAN.',
    );
    expect(errorsOf({ ...valid, focus: '', ethnic_groups: [] }).ethnic_groups).toMatch(/^Choose all women/);
    expect(
      errorsOf({ ...valid, measure_id: 'ethnicity_recorded', baseline_value: '90', target_value: '95' })
        .ethnic_groups,
    ).toMatch(/is not reported by ethnic group: choose all women/);
    // The demo's level-2 focus (AIM-A1) stays valid when the aim is edited.
    expect(
      validateAim({ ...valid, ethnic_groups: ['BANGLADESHI', 'OTHER_ASIAN'] }, testReference, 'Site A')
        .statement,
    ).toContain('for Bangladeshi and other Asian women');
  });

  it('reports every wrong field at once', () => {
    expect(
      Object.keys(
        errorsOf({ measure_id: 'booking_by_10wk', target_value: '101', target_period: 'x' }),
      ).sort(),
    ).toEqual(['ethnic_groups', 'target_period', 'target_value']);
  });

  it('limits the statement length', () => {
    expect(errorsOf({ ...valid, statement: 'x'.repeat(601) }).statement).toBe(
      'Keep the statement under 600 characters (it has 601).',
    );
  });
});
