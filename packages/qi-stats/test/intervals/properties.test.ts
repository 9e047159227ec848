import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QiStatsInputError } from '../../src/errors.js';
import {
  type IncompleteInterval,
  type Interval,
  isCompleteInterval,
  proportionDifference,
  proportionInterval,
  rateInterval,
  rateRatio,
  rateRatioExactOrReason,
  rateRatioOrReason,
  riskRatio,
  riskRatioOrReason,
  standardisedRate,
  standardisedRateOrReason,
} from '../../src/intervals/index.js';

const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99, 0.998);
/** events <= denominator, with small counts and zeros well represented. */
const proportionCount = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())
  .map(([denominator, share, small]) => ({
    denominator,
    events: small ? Math.min(denominator, Math.floor(share * 12)) : Math.floor(share * denominator),
  }));

/**
 * The contract function either returns exactly its OrReason variant's
 * complete interval, or throws QiStatsInputError with one of `rules` exactly
 * where the variant is incomplete.
 */
function throwsExactlyWhereIncomplete(
  contract: () => Interval,
  variant: Interval | IncompleteInterval,
  rules: ReadonlyArray<string>,
): void {
  if (isCompleteInterval(variant)) {
    expect(contract()).toEqual(variant);
    return;
  }
  let caught: unknown;
  try {
    contract();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(QiStatsInputError);
  expect(rules).toContain((caught as QiStatsInputError).rule);
}

function ordered(value: number | null, lower: number | null, upper: number | null): void {
  for (const v of [value, lower, upper]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
  if (value !== null && lower !== null) expect(lower).toBeLessThanOrEqual(value + 1e-12);
  if (value !== null && upper !== null) expect(upper).toBeGreaterThanOrEqual(value - 1e-12);
}

describe('interval properties: lower <= value <= upper, finite, never NaN', () => {
  it('proportionInterval, inside [0, 1]', () => {
    fc.assert(
      fc.property(proportionCount, level, ({ events, denominator }, l) => {
        const r = proportionInterval(events, denominator, l);
        ordered(r.value, r.lower, r.upper);
        expect(r.lower).toBeGreaterThanOrEqual(0);
        expect(r.upper).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('rateInterval, lower >= 0, wider at a higher level', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0.5, max: 1e7, noNaN: true }),
        (x, n) => {
          const r95 = rateInterval(x, n);
          const r998 = rateInterval(x, n, { level: 0.998 });
          ordered(r95.value, r95.lower, r95.upper);
          expect(r95.lower).toBeGreaterThanOrEqual(0);
          expect(r998.lower).toBeLessThanOrEqual(r95.lower + 1e-12);
          expect(r998.upper).toBeGreaterThanOrEqual(r95.upper - 1e-12);
        },
      ),
    );
  });

  it('riskRatioOrReason, rateRatioOrReason and rateRatioExactOrReason, including zero counts', () => {
    fc.assert(
      fc.property(proportionCount, proportionCount, level, (a, b, l) => {
        for (const r of [
          riskRatioOrReason(a, b, l),
          rateRatioOrReason(a, b, l),
          rateRatioExactOrReason(a, b, l),
        ]) {
          ordered(r.value, r.lower, r.upper);
          if (r.lower !== null) expect(r.lower).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('riskRatio and rateRatio: a complete interval, or QiStatsInputError exactly where the variant has a reason', () => {
    const zeroRules = ['zero-reference-events', 'zero-group-events'];
    fc.assert(
      fc.property(proportionCount, proportionCount, level, (a, b, l) => {
        throwsExactlyWhereIncomplete(() => riskRatio(a, b, l), riskRatioOrReason(a, b, l), zeroRules);
        throwsExactlyWhereIncomplete(() => rateRatio(a, b, l), rateRatioOrReason(a, b, l), zeroRules);
        throwsExactlyWhereIncomplete(
          () => rateRatio(a, b, l, { method: 'exact' }),
          rateRatioExactOrReason(a, b, l),
          ['zero-reference-events'],
        );
      }),
    );
  });

  it('proportionDifference, inside [−1, 1]', () => {
    fc.assert(
      fc.property(proportionCount, proportionCount, level, (a, b, l) => {
        const r = proportionDifference(a, b, l);
        ordered(r.value, r.lower, r.upper);
        expect(r.lower).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(r.upper).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('standardisedRateOrReason, value present exactly when there are 10 or more events; standardisedRate throws otherwise', () => {
    const stratum = fc.record({
      x: fc.integer({ min: 0, max: 60 }),
      n: fc.integer({ min: 1, max: 50_000 }),
      w: fc.integer({ min: 1, max: 200_000 }),
    });
    fc.assert(
      fc.property(fc.array(stratum, { minLength: 1, maxLength: 19 }), level, (strata, l) => {
        const input = {
          events: strata.map((s) => s.x),
          denominators: strata.map((s) => s.n),
          standardPopulation: strata.map((s) => s.w),
        };
        const r = standardisedRateOrReason(input, { level: l });
        const total = strata.reduce((sum, s) => sum + s.x, 0);
        expect(r.value === null).toBe(total < 10);
        ordered(r.value, r.lower, r.upper);
        throwsExactlyWhereIncomplete(() => standardisedRate(input, { level: l }), r, ['dsr-too-few-events']);
      }),
    );
  });
});
