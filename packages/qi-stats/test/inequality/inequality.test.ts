import { describe, expect, it } from 'vitest';
import { QiStatsInputError } from '../../src/errors.js';
import {
  type GroupEstimate,
  INEQUALITY_MEASURES,
  type InequalityUnavailableRule,
  inequality,
  inequalityOrReason,
  quantileType7,
  seededNormal,
  seededRandom,
} from '../../src/inequality/index.js';

const Z95 = 1.959963984540054;
const docGroups: GroupEstimate[] = [
  { group: 'White', estimate: 13.14, se: 0.43, population: 6210 },
  { group: 'Mixed', estimate: 23.46, se: 0.28, population: 22503 },
  { group: 'Chinese', estimate: 31.75, se: 0.5, population: 8645 },
];

describe('inequality: D and R (HEAT technical notes §3.1)', () => {
  it('runs the doc example: adverse outcome, White reference -> highest other − White, checked by hand', () => {
    const result = inequality(docGroups, 'd', { favourable: 'lower', reference: 'White' });
    const se = Math.sqrt(0.43 ** 2 + 0.5 ** 2);
    expect(result.estimate).toBeCloseTo(31.75 - 13.14, 12);
    expect(result.se).toBeCloseTo(se, 12);
    expect(result.lower).toBeCloseTo(31.75 - 13.14 - Z95 * se, 10);
    expect(result.upper).toBeCloseTo(31.75 - 13.14 + Z95 * se, 10);
  });

  it('compares highest with lowest without a reference, and reference − lowest other when higher is better', () => {
    const groups = [
      { group: 'White', estimate: 20, population: 100 },
      { group: 'Asian', estimate: 30, population: 100 },
      { group: 'Black', estimate: 10, population: 100 },
    ];
    expect(inequality(groups, 'd', { favourable: 'lower' }).estimate).toBe(20);
    expect(inequality(groups, 'd', { favourable: 'higher', reference: 'White' }).estimate).toBe(10);
    expect(inequality(groups, 'r', { favourable: 'higher', reference: 'White' }).estimate).toBe(2);
  });

  it('puts R on the log scale: se(ln R) and exp(ln R ± z·se)', () => {
    const result = inequality(docGroups, 'r', { favourable: 'lower', reference: 'White' });
    const r = 31.75 / 13.14;
    const se = Math.sqrt((0.5 / 31.75) ** 2 + (0.43 / 13.14) ** 2);
    expect(result.estimate).toBeCloseTo(r, 12);
    expect(result.se).toBeCloseTo(se, 12);
    expect(result.lower).toBeCloseTo(r * Math.exp(-Z95 * se), 10);
  });
});

describe('inequalityOrReason: undefined cases are results with a reason, never NaN', () => {
  it('needs 2 groups for d, r, paf, parisk and 3 for the complex measures', () => {
    const one = [{ group: 'White', estimate: 5, population: 100 }];
    for (const measure of INEQUALITY_MEASURES) {
      const result = inequalityOrReason(one, measure, { favourable: 'lower' });
      expect(result.estimate).toBeNull();
    }
    const two = [...one, { group: 'Black', estimate: 9, population: 50 }];
    expect(inequalityOrReason(two, 'd', { favourable: 'lower' }).estimate).toBe(4);
    expect(inequalityOrReason(two, 'bgv', { favourable: 'lower' })).toMatchObject({ estimate: null });
  });

  it('computes nothing when every estimate is 0 (HEAT test_estimates_all_zero)', () => {
    const zeros = docGroups.map((g) => ({ ...g, estimate: 0 }));
    for (const measure of INEQUALITY_MEASURES) {
      expect(inequalityOrReason(zeros, measure, { favourable: 'lower' })).toMatchObject({ estimate: null });
    }
  });

  it('reports an absent reference group and a ratio over zero', () => {
    const absent = inequalityOrReason(docGroups, 'd', { favourable: 'lower', reference: 'Black' });
    expect(absent).toMatchObject({ estimate: null });
    expect('reason' in absent && absent.reason).toMatch(/not among/);
    const zeroReference = docGroups.map((g) => (g.group === 'White' ? { ...g, estimate: 0 } : g));
    expect(inequalityOrReason(zeroReference, 'r', { favourable: 'lower', reference: 'White' })).toMatchObject(
      {
        estimate: null,
      },
    );
  });

  it('runs its doc example, and equals inequality wherever the measure is defined', () => {
    expect(inequalityOrReason(docGroups, 'd', { favourable: 'lower', reference: 'Black' })).toEqual({
      measure: 'd',
      estimate: null,
      se: null,
      lower: null,
      upper: null,
      reason: 'the reference group is not among the groups',
    });
    const options = { favourable: 'lower' as const, reference: 'White', simulations: 100 };
    for (const measure of INEQUALITY_MEASURES) {
      expect(inequalityOrReason(docGroups, measure, options)).toEqual(
        inequality(docGroups, measure, options),
      );
    }
  });
});

describe('inequality: undefined measures throw QiStatsInputError with a stable rule', () => {
  /** Calls `inequality`, expects a QiStatsInputError and returns it. */
  function inputError(...args: Parameters<typeof inequality>): QiStatsInputError {
    try {
      inequality(...args);
    } catch (error) {
      expect(error).toBeInstanceOf(QiStatsInputError);
      return error as QiStatsInputError;
    }
    throw new Error('expected a QiStatsInputError, but nothing was thrown');
  }
  const rule = (...args: Parameters<typeof inequality>): InequalityUnavailableRule =>
    inputError(...args).rule as InequalityUnavailableRule;

  it('too-few-groups: fewer than 2 groups (3 for the complex measures)', () => {
    const one = [{ group: 'White', estimate: 5, population: 100 }];
    for (const measure of INEQUALITY_MEASURES) {
      expect(rule(one, measure, { favourable: 'lower' })).toBe('too-few-groups');
    }
    const two = [...one, { group: 'Black', estimate: 9, population: 50 }];
    const error = inputError(two, 'bgv', { favourable: 'lower' });
    expect(error).toMatchObject({ field: 'groups', position: null, rule: 'too-few-groups', value: 2 });
    expect(error.message).toMatch(
      /needs at least 3 groups, got 2.*paf and parisk need 2 groups.*inequalityOrReason/,
    );
  });

  it('all-estimates-zero: every group estimate is 0', () => {
    const zeros = docGroups.map((g) => ({ ...g, estimate: 0 }));
    for (const measure of INEQUALITY_MEASURES) {
      expect(rule(zeros, measure, { favourable: 'lower' })).toBe('all-estimates-zero');
    }
  });

  it('reference-not-found, naming the reference asked for (the doc example)', () => {
    const error = inputError(docGroups, 'd', { favourable: 'lower', reference: 'Black' });
    expect(error).toMatchObject({ field: 'reference', rule: 'reference-not-found', value: 'Black' });
    expect(error.message).toMatch(/not among the groups.*options\.reference.*inequalityOrReason/);
    expect(rule(docGroups, 'r', { favourable: 'higher', reference: 'Black' })).toBe('reference-not-found');
  });

  it('zero-ratio-denominator: r over a group estimate of 0, naming the group', () => {
    const zeroReference = docGroups.map((g) => (g.group === 'White' ? { ...g, estimate: 0 } : g));
    const error = inputError(zeroReference, 'r', { favourable: 'lower', reference: 'White' });
    expect(error).toMatchObject({ field: 'estimate', position: 1, rule: 'zero-ratio-denominator', value: 0 });
    expect(error.message).toMatch(/White has an estimate of 0.*'d'/);
    // The difference is defined for the same groups.
    expect(inequality(zeroReference, 'd', { favourable: 'lower', reference: 'White' }).estimate).toBeCloseTo(
      31.75,
      12,
    );
  });

  it('zero-setting-average: a relative measure over an average that underflows to 0', () => {
    const tiny = [
      { group: 'White', estimate: 5e-324, population: 1 },
      { group: 'Black', estimate: 0, population: 2 },
      { group: 'Asian', estimate: 0, population: 1 },
    ];
    const error = inputError(tiny, 'covar', { favourable: 'lower' });
    expect(error).toMatchObject({ field: 'estimate', rule: 'zero-setting-average', value: 0 });
    expect(error.message).toMatch(/absolute measure/);
    expect(inequalityOrReason(tiny, 'covar', { favourable: 'lower' })).toMatchObject({
      estimate: null,
      reason: 'the setting average is 0',
    });
  });

  it('inequalitySummary keeps returning reasons for the same groups', async () => {
    const { inequalitySummary } = await import('../../src/inequality/index.js');
    const one = [{ group: 'White', estimate: 5, population: 100 }];
    const summary = inequalitySummary(one, INEQUALITY_MEASURES, { favourable: 'lower' });
    expect(summary.every((m) => m.estimate === null && 'reason' in m)).toBe(true);
  });

  it('gives no interval without standard errors, and flags zeros replaced in TI and MLD', () => {
    const noSe = docGroups.map(({ se: _se, ...g }) => g);
    expect(inequality(noSe, 'ti', { favourable: 'lower' })).toMatchObject({
      lower: null,
      intervalMethod: 'none',
    });
    const withZero = [...docGroups, { group: 'Other', estimate: 0, se: 0.1, population: 50 }];
    const ti = inequality(withZero, 'ti', { favourable: 'lower' });
    expect(ti.estimate).not.toBeNull();
    expect('notes' in ti && ti.notes?.join(' ')).toMatch(/1e-6/);
  });

  it('rejects bad groups with the shared error', () => {
    expect(() =>
      inequality([{ group: 'A', estimate: -1, population: 1 }], 'd', { favourable: 'lower' }),
    ).toThrow(QiStatsInputError);
    expect(() =>
      inequality([{ group: 'A', estimate: 1, population: 0 }], 'd', { favourable: 'lower' }),
    ).toThrow(/non-positive-population/);
    expect(() => inequality(docGroups, 'd', { favourable: 'lower', level: 95 })).toThrow(
      /level-out-of-range/,
    );
  });
});

describe('inequality: analytic intervals on the right scale', () => {
  // Monte Carlo check of the delta-method SEs: draw every group from
  // N(y, se), recompute the measure, compare the spread with the analytic
  // SE. HEAT's TI and MLD SEs are 1000 times too small; these must match.
  const groups: GroupEstimate[] = [
    { group: 'White', estimate: 10, se: 0.4, population: 20000 },
    { group: 'Asian', estimate: 14, se: 0.9, population: 6000 },
    { group: 'Black', estimate: 18, se: 1.2, population: 4000 },
    { group: 'Mixed', estimate: 12, se: 1.5, population: 1500 },
  ];
  function simulatedSd(measure: 'ti' | 'mld' | 'bgv'): number {
    const normal = seededNormal(seededRandom(42));
    const values: number[] = [];
    for (let s = 0; s < 4000; s++) {
      const draw = groups.map((g) => ({ ...g, estimate: g.estimate + (g.se as number) * normal() }));
      values.push(inequality(draw, measure, { favourable: 'lower' }).estimate as number);
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  }
  for (const measure of ['ti', 'mld', 'bgv'] as const) {
    it(`${measure}: analytic SE within 10% of the simulated spread`, () => {
      const analytic = inequality(groups, measure, { favourable: 'lower' }).se as number;
      expect(analytic / simulatedSd(measure)).toBeGreaterThan(0.9);
      expect(analytic / simulatedSd(measure)).toBeLessThan(1.1);
    });
  }

  it('paf: se on the percent scale, 100 × the fraction-scale se of parisk/μ', () => {
    const options = { favourable: 'lower' as const, scale: 100 };
    const paf = inequality(groups, 'paf', options);
    const par = inequality(groups, 'parisk', options);
    const mean = groups.reduce((s, g) => s + g.estimate * g.population, 0) / 31500;
    expect(paf.se as number).toBeCloseTo(((par.se as number) / mean) * 100, 10);
    expect(paf.estimate as number).toBeCloseTo((100 * (par.estimate as number)) / mean, 10);
  });

  it('truncates the BGV lower limit at 0 and says so', () => {
    const noisy = groups.map((g) => ({ ...g, se: (g.se as number) * 10 }));
    const bgv = inequality(noisy, 'bgv', { favourable: 'lower' });
    expect(bgv.lower).toBe(0);
    expect('notes' in bgv && bgv.notes?.join(' ')).toMatch(/truncated/);
  });
});

describe('inequality: simulated intervals (seeded)', () => {
  it('reproduces from the seed and records it', () => {
    const a = inequality(docGroups, 'idisw', { favourable: 'lower', seed: 7, simulations: 500 });
    const b = inequality(docGroups, 'idisw', { favourable: 'lower', seed: 7, simulations: 500 });
    const c = inequality(docGroups, 'idisw', { favourable: 'lower', seed: 8, simulations: 500 });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ intervalMethod: 'simulation', seed: 7, simulations: 500 });
    expect(c.lower).not.toBe(a.lower);
    expect(a.lower as number).toBeLessThan(a.estimate as number);
    expect(a.upper as number).toBeGreaterThan(a.estimate as number);
  });

  it('can be switched off', () => {
    expect(inequality(docGroups, 'bgsd', { favourable: 'lower', simulations: 0 })).toMatchObject({
      lower: null,
      intervalMethod: 'none',
    });
  });

  it('quantileType7 matches R quantile(type = 7): quantile(1:10, 0.025) = 1.225', () => {
    expect(quantileType7([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.025)).toBeCloseTo(1.225, 12);
    expect(quantileType7([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.975)).toBeCloseTo(9.775, 12);
  });

  it('seededRandom gives the same stream for the same seed, in [0, 1)', () => {
    const a = seededRandom(123456);
    const b = seededRandom(123456);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('inequality: doc examples', () => {
  it('seededRandom, seededNormal and inequality give their documented values', () => {
    expect(seededRandom(123456)()).toBeCloseTo(0.38233, 5);
    expect(seededNormal(seededRandom(1))()).toBeCloseTo(1.40434, 5);
    const d = inequality(docGroups, 'd', { favourable: 'lower', reference: 'White' });
    expect(d).toMatchObject({ intervalMethod: 'analytic', notes: ['Chinese compared with White'] });
    expect(d.lower).toBeCloseTo(17.317, 3);
    expect(d.upper).toBeCloseTo(19.903, 3);
  });
});

describe('inequalitySummary', () => {
  it('runs its doc example and equals inequality() measure by measure', async () => {
    const { inequalitySummary } = await import('../../src/inequality/index.js');
    const options = { favourable: 'lower' as const, reference: 'White', simulations: 200 };
    const summary = inequalitySummary(docGroups, INEQUALITY_MEASURES, options);
    expect(summary.map((m) => m.measure)).toEqual([...INEQUALITY_MEASURES]);
    summary.forEach((result, i) => {
      expect(result).toEqual(
        inequality(docGroups, INEQUALITY_MEASURES[i] as (typeof INEQUALITY_MEASURES)[number], options),
      );
    });
    const estimates = inequalitySummary(docGroups, ['d', 'bgv', 'ti'], options).map((m) => m.estimate);
    expect(estimates[0]).toBeCloseTo(18.61, 10);
    expect(estimates[1]).toBeCloseTo(33.566, 3);
    expect(estimates[2]).toBeCloseTo(31.839, 3);
  });
});

describe('inequality: Taylor intervals for the measures HEAT only simulates', () => {
  // Well-separated groups (no ties, none near the average), where the delta
  // method should track the simulated spread of the measure.
  const groups: GroupEstimate[] = [
    { group: 'White', estimate: 10, se: 0.3, population: 20000 },
    { group: 'Asian', estimate: 14, se: 0.6, population: 6000 },
    { group: 'Black', estimate: 19, se: 0.8, population: 4000 },
    { group: 'Mixed', estimate: 6, se: 0.9, population: 1500 },
  ];
  const taylorMeasures = ['bgsd', 'covar', 'idisu', 'idisw', 'mdbu', 'mdbw', 'mdmu', 'mdmw'] as const;

  for (const measure of taylorMeasures) {
    it(`${measure}: Taylor SE within 15% of the simulated spread`, () => {
      const result = inequality(groups, measure, { favourable: 'lower', intervalApproach: 'taylor' });
      expect(result).toMatchObject({ intervalMethod: 'taylor' });
      const normal = seededNormal(seededRandom(99));
      const values: number[] = [];
      for (let s = 0; s < 4000; s++) {
        const draw = groups.map((g) => ({ ...g, estimate: g.estimate + (g.se as number) * normal() }));
        values.push(inequality(draw, measure, { favourable: 'lower', simulations: 0 }).estimate as number);
      }
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      const ratio = (result.se as number) / sd;
      expect(ratio).toBeGreaterThan(0.85);
      expect(ratio).toBeLessThan(1.15);
      expect(result.lower as number).toBeLessThan(result.estimate as number);
    });
  }

  it('is deterministic and needs no seed', () => {
    const a = inequality(groups, 'idisw', { favourable: 'lower', intervalApproach: 'taylor' });
    const b = inequality(groups, 'idisw', { favourable: 'lower', intervalApproach: 'taylor', seed: 5 });
    expect(a).toEqual(b);
    expect(a).not.toHaveProperty('seed');
  });
});
