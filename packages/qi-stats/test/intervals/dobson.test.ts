import { describe, expect, it } from 'vitest';
import { QiStatsInputError } from '../../src/errors.js';
import { DSR_MIN_EVENTS, standardisedRate, standardisedRateOrReason } from '../../src/intervals/index.js';

describe('standardisedRate (Dobson)', () => {
  it('runs the doc example (conformance case dsr-101-01, PHEindicatormethods phe_dsr)', () => {
    const result = standardisedRate(
      {
        events: [7, 35, 23, 15, 30, 13],
        denominators: [18906, 2346, 8112, 12555, 3129, 12397],
        standardPopulation: [40000, 120000, 180000, 200000, 130000, 50000],
      },
      { level: 0.998, multiplier: 1000 },
    );
    expect(result.value).toBeCloseTo(5.35171075120143, 9);
    expect(result.lower).toBeCloseTo(3.78196208364447, 9);
    expect(result.upper).toBeCloseTo(7.26240704735341, 9);
  });

  it('publishes no value below 10 events in total, as PHE (null with a reason, not NaN)', () => {
    const result = standardisedRateOrReason({
      events: [3, 6],
      denominators: [100, 200],
      standardPopulation: [1, 1],
    });
    expect(result).toMatchObject({ value: null, lower: null, upper: null });
    expect('reason' in result && result.reason).toMatch(/< 10/);
  });

  it('throws QiStatsInputError (rule dsr-too-few-events) below 10 events, naming the alternatives', () => {
    const strata = { events: [3, 6], denominators: [100, 200], standardPopulation: [1, 1] };
    let caught: unknown;
    try {
      standardisedRate(strata);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(QiStatsInputError);
    expect(caught).toMatchObject({
      field: 'strata.events',
      position: null,
      rule: 'dsr-too-few-events',
      value: 9,
    });
    expect((caught as Error).message).toMatch(/9 events in total, fewer than 10/);
    expect((caught as Error).message).toMatch(/standardisedRateOrReason.*rateInterval/);
    // Exactly DSR_MIN_EVENTS events give a value.
    expect(standardisedRate({ ...strata, events: [4, 6] }).value).toBeGreaterThan(0);
    expect(DSR_MIN_EVENTS).toBe(10);
  });

  it('runs the standardisedRate and standardisedRateOrReason doc examples', () => {
    const strata = { events: [3, 6], denominators: [100, 200], standardPopulation: [1, 1] };
    expect(() => standardisedRate(strata)).toThrow(/dsr-too-few-events/);
    expect(standardisedRateOrReason(strata)).toEqual({
      value: null,
      lower: null,
      upper: null,
      reason: 'total events 9 < 10: no standardised rate is published (PHE rule)',
    });
    const phe = {
      events: [7, 35, 23, 15, 30, 13],
      denominators: [18906, 2346, 8112, 12555, 3129, 12397],
      standardPopulation: [40000, 120000, 180000, 200000, 130000, 50000],
    };
    const options = { level: 0.998, multiplier: 1000 };
    expect(standardisedRateOrReason(phe, options)).toEqual(standardisedRate(phe, options));
  });

  it('rejects mismatched strata and negative weights, in both variants and before counting events', () => {
    expect(() =>
      standardisedRateOrReason({ events: [1], denominators: [1, 2], standardPopulation: [1] }),
    ).toThrow(/length-mismatch/);
    expect(() => standardisedRate({ events: [1], denominators: [1], standardPopulation: [-1] })).toThrow(
      /negative-weight/,
    );
    expect(() => standardisedRate({ events: [1], denominators: [1, 2], standardPopulation: [1] })).toThrow(
      QiStatsInputError,
    );
    expect(() => standardisedRate({ events: [10], denominators: [100], standardPopulation: [-1] })).toThrow(
      /negative-weight/,
    );
    expect(() => standardisedRate({ events: [10], denominators: [0], standardPopulation: [1] })).toThrow(
      /non-positive-denominator/,
    );
  });
});
