import { describe, expect, it } from 'vitest';
import { aimStatement } from './aim-statement';
import { monthLabel } from './month-label';

const parts = {
  measureName: 'Postpartum haemorrhage >=1500 ml',
  direction: 'lower_is_better' as const,
  unitLabel: 'per 1,000 maternities',
  population: 'all women',
  siteName: 'Site D (North West)',
  baseline: 30,
  target: 24.5,
  targetPeriod: '2024-07',
};

describe('aimStatement', () => {
  it('says what, for whom, where, from and to how much, by when', () => {
    expect(aimStatement(parts)).toBe(
      'Reduce “Postpartum haemorrhage >=1500 ml” for all women at Site D (North West) from 30 per 1,000 maternities to 24.5 per 1,000 maternities by July 2024.',
    );
  });

  it('leaves out what is not known yet', () => {
    expect(aimStatement({ ...parts, baseline: null, targetPeriod: null, direction: 'neutral' })).toBe(
      'Change “Postpartum haemorrhage >=1500 ml” for all women at Site D (North West) to 24.5 per 1,000 maternities.',
    );
    expect(aimStatement({ ...parts, baseline: null, target: null })).toBe(
      'Reduce “Postpartum haemorrhage >=1500 ml” for all women at Site D (North West) by July 2024.',
    );
  });
});

describe('monthLabel', () => {
  it('writes months in words', () => {
    expect([monthLabel('2026-01'), monthLabel('2025-12'), monthLabel('2025-13'), monthLabel('x')]).toEqual([
      'January 2026',
      'December 2025',
      '2025-13',
      'x',
    ]);
  });
});
