import { describe, expect, it } from 'vitest';
import { byarLimits, exactPoissonLimits, rateInterval } from '../../src/intervals/index.js';

// MBRRACE-UK maternal mortality data briefs (npeu.ox.ac.uk/mbrrace-uk/data-brief):
// rates per 100,000 maternities from the published counts.
describe('rateInterval', () => {
  it('reproduces MBRRACE-UK 2019-21: 241 deaths / 2,066,997 maternities = 11.66 (10.23-13.23)', () => {
    const result = rateInterval(241, 2_066_997);
    expect(result.method).toBe('byar');
    expect(result.value.toFixed(2)).toBe('11.66');
    expect(result.lower.toFixed(2)).toBe('10.23');
    expect(result.upper.toFixed(2)).toBe('13.23');
    // MBRRACE uses the exact interval; at this count it agrees to 2 dp.
    const exact = exactPoissonLimits(241);
    expect(((exact.lower / 2_066_997) * 1e5).toFixed(2)).toBe('10.23');
    expect(((exact.upper / 2_066_997) * 1e5).toFixed(2)).toBe('13.23');
  });

  it('reproduces MBRRACE-UK 2020-22 (272 / 2,028,543 = 13.41) and 2021-23 (254 / 2,004,184 = 12.67)', () => {
    expect(rateInterval(272, 2_028_543).value.toFixed(2)).toBe('13.41');
    expect(rateInterval(254, 2_004_184).value.toFixed(2)).toBe('12.67');
  });

  it('uses the exact interval below 10 events and Byar from 10 (PHE)', () => {
    expect(rateInterval(9, 1000).method).toBe('exact');
    expect(rateInterval(10, 1000).method).toBe('byar');
  });

  it('gives 0 to 3.68888 events for a zero count (95%)', () => {
    const result = rateInterval(0, 1, { multiplier: 1 });
    expect(result.lower).toBe(0);
    expect(result.upper).toBeCloseTo(3.688879, 6);
    expect(exactPoissonLimits(0).upper).toBeCloseTo(3.688879, 6);
  });

  it('has no Byar lower limit for 1 event at 99.8% (PHE returns NA)', () => {
    expect(byarLimits(1, 0.998).lower).toBeNull();
    // rateInterval never meets it: below 10 events it is exact.
    expect(rateInterval(1, 100, { level: 0.998 }).lower).toBeGreaterThan(0);
  });

  it('runs the doc examples', () => {
    expect(byarLimits(241).lower).toBeCloseTo(211.53, 2);
    expect(byarLimits(241).upper).toBeCloseTo(273.43, 2);
    expect(byarLimits(1, 0.998).upper).toBeCloseTo(9.362, 3);
    expect(exactPoissonLimits(241).lower).toBeCloseTo(211.53, 2);
  });

  it('allows events above the denominator (a rate, not a proportion)', () => {
    expect(rateInterval(12, 10, { multiplier: 1 }).value).toBeCloseTo(1.2, 12);
  });
});
