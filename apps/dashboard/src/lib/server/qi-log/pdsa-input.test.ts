import { describe, expect, it } from 'vitest';
import { testReference } from '../testing/qi-test-store.ts';
import { InvalidInput } from '../write-errors.ts';
import { type PdsaFields, validatePdsa } from './pdsa-input.ts';

const valid: PdsaFields = {
  plan: 'Phone ten referrals in one week.',
  start_period: '2026-01',
  end_period: '2026-02',
};

function errorsOf(fields: PdsaFields): Record<string, string> {
  try {
    validatePdsa(fields, testReference, 'booking_by_10wk');
  } catch (error) {
    if (error instanceof InvalidInput) return error.fields;
    throw error;
  }
  throw new Error('expected InvalidInput');
}

describe('validatePdsa', () => {
  it('accepts a cycle and links it to the aim measure by default', () => {
    expect(validatePdsa(valid, testReference, 'booking_by_10wk')).toEqual({
      plan: 'Phone ten referrals in one week.',
      doNotes: null,
      study: null,
      act: null,
      actNotes: null,
      startPeriod: '2026-01',
      endPeriod: '2026-02',
      linkedMeasures: ['booking_by_10wk'],
    });
  });

  it('keeps ticked linked measures and the act decision with its notes', () => {
    const cycle = validatePdsa(
      {
        ...valid,
        act: 'adapt',
        act_notes: 'Try two practices next.',
        linked_measures: ['booking_by_10wk', 'smoking_at_booking', 'booking_by_10wk'],
      },
      testReference,
      'booking_by_10wk',
    );
    expect(cycle.linkedMeasures).toEqual(['booking_by_10wk', 'smoking_at_booking']);
    expect([cycle.act, cycle.actNotes]).toEqual(['adapt', 'Try two practices next.']);
  });

  it('refuses an empty plan', () => {
    expect(errorsOf({ ...valid, plan: '   ' }).plan).toMatch(/^Enter the plan/);
  });

  it('refuses an end before the start and months not written YYYY-MM', () => {
    expect(errorsOf({ ...valid, start_period: '2026-03', end_period: '2026-01' }).end_period).toBe(
      'The cycle cannot end (2026-01) before it starts (2026-03).',
    );
    expect(errorsOf({ ...valid, start_period: 'Jan 2026' }).start_period).toBe(
      'The start month "Jan 2026" is not a month: write it YYYY-MM, e.g. 2026-01.',
    );
    expect(errorsOf({ ...valid, end_period: '2026-1' }).end_period).toMatch(/is not a month/);
    expect(errorsOf({ ...valid, start_period: '' }).start_period).toBe(
      'Enter the month the cycle starts, e.g. 2026-01.',
    );
  });

  it('refuses an unknown act decision, and act notes without one', () => {
    expect(errorsOf({ ...valid, act: 'keep' }).act).toBe(
      '"keep" is not a decision: choose adopt, adapt or abandon.',
    );
    expect(errorsOf({ ...valid, act_notes: 'We liked it.' }).act).toMatch(/^Choose adopt, adapt or abandon/);
  });

  it('refuses linked measures not charted in the catalogue', () => {
    expect(
      errorsOf({ ...valid, linked_measures: ['booking_by_10wk', 'made_up', 'maternal_mortality'] }),
    ).toEqual({
      linked_measures: 'Not a charted measure in the catalogue: made_up, maternal_mortality.',
    });
  });
});
