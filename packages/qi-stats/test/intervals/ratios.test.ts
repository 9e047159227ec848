import { describe, expect, it } from 'vitest';
import { QiStatsInputError } from '../../src/errors.js';
import {
  isCompleteInterval,
  proportionDifference,
  rateDifference,
  rateRatio,
  rateRatioExactOrReason,
  rateRatioOrReason,
  riskRatio,
  riskRatioOrReason,
} from '../../src/intervals/index.js';

/** Calls `fn`, expects a QiStatsInputError and returns it. */
function inputError(fn: () => unknown): QiStatsInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(QiStatsInputError);
    return error as QiStatsInputError;
  }
  throw new Error('expected a QiStatsInputError, but nothing was thrown');
}

// Conformance case disp-101-01 (epitools riskratio.wald / rateratio.wald, 99.8%).
const white = { events: 816, denominator: 6210 };
const mixed = { events: 5280, denominator: 22503 };

describe('riskRatio and rateRatio (log intervals)', () => {
  it('run their doc examples (epitools)', () => {
    const risk = riskRatio(white, mixed, 0.998);
    expect(risk.value).toBeCloseTo(1.7856442670389, 10);
    expect(risk.lower).toBeCloseTo(1.60369665368171, 10);
    expect(risk.upper).toBeCloseTo(1.98823477063994, 10);
    const rate = rateRatio(white, mixed, 0.998);
    expect(rate.lower).toBeCloseTo(1.58969212246935, 10);
    expect(rate.upper).toBeCloseTo(2.00575029802375, 10);
  });

  it('return null parts with a reason for zero counts, never NaN or Infinity (OrReason variants)', () => {
    const zeroGroup = riskRatioOrReason({ events: 5, denominator: 100 }, { events: 0, denominator: 100 });
    expect(zeroGroup).toMatchObject({ value: 0, lower: null, upper: null });
    const zeroReference = rateRatioOrReason({ events: 0, denominator: 500 }, { events: 3, denominator: 400 });
    expect(zeroReference).toMatchObject({ value: null, lower: null, upper: null });
    expect(isCompleteInterval(zeroReference)).toBe(false);
    expect(isCompleteInterval(rateRatioOrReason(white, mixed))).toBe(true);
  });

  it('throw QiStatsInputError for zero counts (contract functions)', () => {
    const five = { events: 5, denominator: 100 };
    const noneOf100 = { events: 0, denominator: 100 };
    const riskReference = inputError(() => riskRatio(noneOf100, five));
    expect(riskReference).toMatchObject({
      field: 'a.events',
      position: null,
      rule: 'zero-reference-events',
      value: 0,
    });
    expect(riskReference.message).toMatch(
      /reference group has no events.*riskRatioOrReason.*proportionDifference/,
    );
    const riskGroup = inputError(() => riskRatio(five, noneOf100));
    expect(riskGroup).toMatchObject({ field: 'b.events', rule: 'zero-group-events', value: 0 });
    expect(riskGroup.message).toMatch(/group has no events.*riskRatioOrReason/);
    const rateReference = inputError(() => rateRatio(noneOf100, five));
    expect(rateReference).toMatchObject({ field: 'a.events', rule: 'zero-reference-events', value: 0 });
    expect(rateReference.message).toMatch(/rateRatioOrReason.*rateDifference/);
    const rateGroup = inputError(() => rateRatio(five, noneOf100));
    expect(rateGroup).toMatchObject({ field: 'b.events', rule: 'zero-group-events', value: 0 });
    expect(rateGroup.message).toMatch(/method: 'exact'.*rateRatioOrReason/);
    // Both zero: the reference is reported first.
    expect(inputError(() => riskRatio(noneOf100, noneOf100)).rule).toBe('zero-reference-events');
    expect(inputError(() => rateRatio(noneOf100, noneOf100)).rule).toBe('zero-reference-events');
    // The exact method survives a group with no events, not a reference with none.
    expect(inputError(() => rateRatio(noneOf100, five, 0.95, { method: 'exact' })).rule).toBe(
      'zero-reference-events',
    );
  });

  it('check their input before the zero counts', () => {
    expect(
      inputError(() => riskRatio({ events: 0, denominator: 0 }, { events: 1, denominator: 2 })).rule,
    ).toBe('non-positive-denominator');
    expect(
      inputError(() => rateRatio({ events: 0, denominator: 1 }, { events: 1, denominator: 2 }, 95)).rule,
    ).toBe('level-out-of-range');
  });

  it('equal their OrReason variants whenever the interval is complete', () => {
    expect(riskRatio(white, mixed, 0.9)).toEqual(riskRatioOrReason(white, mixed, 0.9));
    expect(rateRatio(white, mixed, 0.9)).toEqual(rateRatioOrReason(white, mixed, 0.9));
  });

  it('run the riskRatio, rateRatio, riskRatioOrReason and rateRatioOrReason doc examples', () => {
    expect(
      inputError(() => riskRatio({ events: 0, denominator: 500 }, { events: 3, denominator: 400 })).rule,
    ).toBe('zero-reference-events');
    const none = { events: 0, denominator: 500 };
    const ten = { events: 10, denominator: 1000 };
    expect(inputError(() => rateRatio(ten, none)).rule).toBe('zero-group-events');
    const exact = rateRatio(ten, none, 0.95, { method: 'exact' });
    expect(exact.value).toBe(0);
    expect(exact.lower).toBe(0);
    expect(exact.upper).toBeCloseTo(0.89225, 4);
    expect(riskRatioOrReason({ events: 5, denominator: 100 }, { events: 0, denominator: 100 })).toEqual({
      value: 0,
      lower: null,
      upper: null,
      reason: 'group has no events: the log (Katz) interval is undefined',
    });
    expect(rateRatioOrReason({ events: 0, denominator: 500 }, { events: 3, denominator: 400 })).toEqual({
      value: null,
      lower: null,
      upper: null,
      reason: 'reference group has no events: the rate ratio is undefined',
    });
  });
});

describe('rateRatioExactOrReason (conditional, as MBRRACE-UK)', () => {
  // MBRRACE-UK data brief 2019-21: 241 deaths / 2,066,997 maternities; 2018-20:
  // 229 deaths (MBRRACE-UK Saving Lives, Improving Mothers' Care 2022) at a
  // published rate of 10.90 per 100,000, so 229 / 10.90e-5 = 2,100,917
  // maternities. Published RR 2019-21 vs 2018-20: 1.07 (95% CI 0.89-1.29).
  it('reproduces the published RR 1.07 (0.89-1.29); the Wald interval would give 1.28', () => {
    const previous = { events: 229, denominator: 2_100_917 };
    const latest = { events: 241, denominator: 2_066_997 };
    const exact = rateRatioExactOrReason(previous, latest);
    expect(exact.value?.toFixed(2)).toBe('1.07');
    expect(exact.lower?.toFixed(2)).toBe('0.89');
    expect(exact.upper?.toFixed(2)).toBe('1.29');
    expect(rateRatio(previous, latest).upper?.toFixed(2)).toBe('1.28');
  });

  it('agrees with MBRRACE-UK that 2021-23 vs 2020-22 is a non-significant decrease', () => {
    const result = rateRatioExactOrReason(
      { events: 272, denominator: 2_028_543 },
      { events: 254, denominator: 2_004_184 },
    );
    expect(result.value as number).toBeLessThan(1);
    expect(result.upper as number).toBeGreaterThan(1);
  });

  it('handles zero counts: lower 0 with no events in the group, upper null with none in the reference', () => {
    const none = rateRatioExactOrReason({ events: 10, denominator: 1000 }, { events: 0, denominator: 500 });
    expect(none.value).toBe(0);
    expect(none.lower).toBe(0);
    expect(none.upper as number).toBeGreaterThan(0);
    const noReference = rateRatioExactOrReason(
      { events: 0, denominator: 1000 },
      { events: 4, denominator: 500 },
    );
    expect(noReference.value).toBeNull();
    expect(noReference.lower as number).toBeGreaterThan(0);
    expect(noReference.upper).toBeNull();
    expect(
      rateRatioExactOrReason({ events: 0, denominator: 10 }, { events: 0, denominator: 10 }).lower,
    ).toBeNull();
  });
});

describe('proportionDifference (Newcombe method 10)', () => {
  it('reproduces Newcombe (1998) Stat Med 17:873, Table II (a): 56/70 − 48/80 -> 0.0524 to 0.3339', () => {
    const result = proportionDifference({ events: 48, denominator: 80 }, { events: 56, denominator: 70 });
    expect(result.value).toBeCloseTo(0.2, 12);
    expect(result.lower).toBeCloseTo(0.0524, 4);
    expect(result.upper).toBeCloseTo(0.3339, 4);
  });

  it('reproduces Newcombe (1998) Table II (e): 0/10 − 0/20 -> −0.1611 to 0.2775', () => {
    const result = proportionDifference({ events: 0, denominator: 20 }, { events: 0, denominator: 10 });
    expect(result.value).toBe(0);
    expect(result.lower).toBeCloseTo(-0.1611, 4);
    expect(result.upper).toBeCloseTo(0.2775, 4);
  });
});

describe('rateDifference', () => {
  it('runs its doc example, checked by hand: 5 ± 1.96 · 1000·√(30/3000² + 20/4000²)', () => {
    const result = rateDifference(
      { events: 20, denominator: 4000 },
      { events: 30, denominator: 3000 },
      { multiplier: 1000 },
    );
    const se = 1000 * Math.sqrt(30 / 3000 ** 2 + 20 / 4000 ** 2);
    expect(result.value).toBeCloseTo(5, 12);
    expect(result.lower).toBeCloseTo(5 - 1.959963984540054 * se, 10);
    expect(result.lower).toBeCloseTo(0.80397, 5);
  });
});

describe('rateRatio method option and isCompleteInterval', () => {
  it("gives the exact conditional interval with { method: 'exact' }", () => {
    const a = { events: 229, denominator: 2_100_917 };
    const b = { events: 241, denominator: 2_066_997 };
    expect(rateRatio(a, b, 0.95, { method: 'exact' })).toEqual(rateRatioExactOrReason(a, b));
  });

  it('runs the isCompleteInterval doc example', () => {
    expect(
      isCompleteInterval(
        rateRatioOrReason({ events: 20, denominator: 900 }, { events: 30, denominator: 800 }),
      ),
    ).toBe(true);
    expect(
      isCompleteInterval(rateRatioOrReason({ events: 0, denominator: 900 }, { events: 3, denominator: 800 })),
    ).toBe(false);
  });

  it('runs the IncompleteInterval doc example', () => {
    const rr = rateRatioOrReason({ events: 0, denominator: 500 }, { events: 3, denominator: 400 });
    expect(rr).toMatchObject({ value: null, lower: null, upper: null });
    expect('reason' in rr && rr.reason).toMatch(/^reference group has no events/);
  });
});
