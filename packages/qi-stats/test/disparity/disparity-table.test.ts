import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  disparityTable,
  inequality,
  isUnknownEthnicity,
  poolCounts,
  proportionDifference,
  proportionInterval,
  QiStatsInputError,
  rateRatioExactOrReason,
  riskRatio,
} from '../../src/index.js';

const docRows = [
  { group: 'White', events: 50, denominator: 5000 },
  { group: 'Black', events: 30, denominator: 1500 },
  { group: 'Asian', events: 22, denominator: 2000 },
  { group: 'Z', events: 3, denominator: 400 },
];

/** Walks a result and fails on any NaN or ±Infinity. */
function expectNoNaN(value: unknown, path = 'result'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) expectNoNaN(v, `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expectNoNaN(v, `${path}.${k}`);
  }
}

describe('disparityTable', () => {
  it('runs its doc example', () => {
    const table = disparityTable(docRows, { statistic: 'proportion', multiplier: 100 });
    const black = table.groups[1];
    expect(black?.comparison).toEqual({
      category: 'higher',
      assessment: 'worse',
      rule: '95% Newcombe CI of the difference against 0',
    });
    expect(black?.excessEvents?.value).toBeCloseTo(15, 10);
    expect(table.completeness.proportionKnown).toBeCloseTo(8500 / 8900, 12);
    expectNoNaN(table);
  });

  it("doc example's proportionKnown is the value the example computes (8500 of 8900)", () => {
    const source = readFileSync(
      fileURLToPath(new URL('../../src/disparity/disparity-table.ts', import.meta.url)),
      'utf8',
    );
    const documented = /table\.completeness\.proportionKnown; \/\/ (0\.\d+)(?:…|\.\.\.)/.exec(source)?.[1];
    expect(documented).toBeDefined();
    const computed = disparityTable(docRows, { statistic: 'proportion', multiplier: 100 }).completeness
      .proportionKnown as number;
    expect(computed).toBe(8500 / 8900);
    // The documented digits are the computed value truncated, as "0.95505…".
    expect(String(computed).startsWith(documented as string)).toBe(true);
    expect(documented).toBe('0.95505');
  });

  it('uses the published methods for each column (Wilson, Katz, Newcombe), at both default levels', () => {
    const table = disparityTable(docRows);
    const black = table.groups.find((g) => g.group === 'Black');
    expect(table.levels).toEqual([0.95, 0.998]);
    const wilson = proportionInterval(30, 1500, 0.998);
    expect(black?.rate.intervals[1]?.lower).toBeCloseTo(wilson.lower * 100, 12);
    const newcombe = proportionDifference(
      { events: 50, denominator: 5000 },
      { events: 30, denominator: 1500 },
    );
    expect(black?.difference?.value).toBeCloseTo(1, 12);
    expect(black?.difference?.intervals[0]?.lower).toBeCloseTo(newcombe.lower * 100, 12);
    expect(black?.excessEvents?.intervals[0]?.lower).toBeCloseTo(newcombe.lower * 1500, 10);
    expect(black?.ratio?.method).toBe('katz');
    expect(black?.ratio?.value).toBeCloseTo(2, 12);
    expect(table.groups[0]?.comparison.category).toBe('not compared');
    expect(table.groups[0]?.isReference).toBe(true);
  });

  it('gives every summary measure an interval: analytic, or Taylor where HEAT only simulates', () => {
    const table = disparityTable(docRows);
    expect(table.summary).toHaveLength(15);
    for (const measure of table.summary) {
      expect(measure.estimate, measure.measure).not.toBeNull();
      expect(measure.lower, measure.measure).not.toBeNull();
    }
    const methods = new Set(table.summary.map((m) => ('intervalMethod' in m ? m.intervalMethod : null)));
    expect([...methods].sort()).toEqual(['analytic', 'taylor']);
    const simulated = disparityTable(docRows, { summaryIntervals: 'simulation', simulations: 200, seed: 3 });
    expect(simulated.summary.find((m) => m.measure === 'bgsd')).toMatchObject({
      intervalMethod: 'simulation',
      simulations: 200,
      seed: 3,
    });
  });

  it('totals the excess events over non-reference groups, by hand: (30 − 15) + (22 − 20) = 17', () => {
    const table = disparityTable(docRows);
    expect(table.totalExcessEvents?.value).toBeCloseTo(17, 10);
    // Variance: binomial variance of each group's count, plus the White rate's
    // variance once, scaled by the 3,500 women in the other groups.
    const variance = 1500 * 0.02 * 0.98 + 2000 * 0.011 * 0.989 + 3500 ** 2 * ((0.01 * 0.99) / 5000);
    expect(table.totalExcessEvents?.intervals[0]?.lower).toBeCloseTo(
      17 - 1.959963984540054 * Math.sqrt(variance),
      8,
    );
  });

  it('pools sites and months by summing counts, never by averaging rates', () => {
    const table = disparityTable([
      { group: 'White', events: 10, denominator: 1000 },
      { group: 'Black', events: 1, denominator: 10 },
      { group: 'Black', events: 10, denominator: 1000 },
      { group: 'White', events: 10, denominator: 1000 },
    ]);
    const black = table.groups.find((g) => g.group === 'Black');
    expect(black?.events).toBe(11);
    expect(black?.denominator).toBe(1010);
    expect(black?.rate.value).toBeCloseTo((11 / 1010) * 100, 12);
  });

  it('excludes unknown ethnicity (Z, 99) from comparisons and summaries, reporting completeness', () => {
    const table = disparityTable([...docRows, { group: '99', events: 1, denominator: 100 }]);
    expect(table.groups.map((g) => g.group)).toEqual(['White', 'Black', 'Asian']);
    expect(table.completeness).toMatchObject({
      unknownGroups: ['Z', '99'],
      unknownEvents: 4,
      unknownDenominator: 500,
    });
    expect(isUnknownEthnicity(' not known ')).toBe(true);
    expect(isUnknownEthnicity('A')).toBe(false);
  });

  it('uses the exact conditional rate ratio for rates (MBRRACE-UK), and its CI for the category', () => {
    const rows = [
      { group: 'White', events: 120, denominator: 1_500_000 },
      { group: 'Black', events: 30, denominator: 110_000 },
    ];
    const table = disparityTable(rows, { statistic: 'rate' });
    const black = table.groups[1];
    const exact = rateRatioExactOrReason(
      { events: 120, denominator: 1_500_000 },
      { events: 30, denominator: 110_000 },
    );
    expect(table.multiplier).toBe(100_000);
    expect(black?.ratio?.method).toBe('exact-conditional');
    expect(black?.ratio?.intervals[0]?.lower).toBeCloseTo(exact.lower as number, 12);
    expect(black?.comparison.category).toBe('higher');
    expect(black?.comparison.rule).toMatch(/exact conditional/);
  });

  it('chooses the best group as reference on request', () => {
    const table = disparityTable(docRows, { reference: 'best' });
    expect(table.reference.group).toBe('White');
    const higherBetter = disparityTable(docRows, { reference: 'best', favourable: 'higher' });
    expect(higherBetter.reference.group).toBe('Black');
    expect(higherBetter.groups.find((g) => g.group === 'White')?.comparison.assessment).toBe('worse');
  });

  it('gives defined results for a missing reference, a single group, zero counts and tiny denominators', () => {
    const missing = disparityTable(docRows.filter((r) => r.group !== 'White'));
    expect(missing.reference).toMatchObject({
      group: null,
      reason: "reference group 'White' is not in the data",
    });
    expect(missing.groups.every((g) => g.comparison.category === 'not compared')).toBe(true);
    // Without a reference, d is highest − lowest: Black 2% − Asian 1.1%.
    expect(missing.summary.find((s) => s.measure === 'd')?.estimate).toBeCloseTo(0.9, 12);
    expectNoNaN(missing);

    const single = disparityTable([{ group: 'White', events: 3, denominator: 90 }]);
    expect(single.summary.every((s) => s.estimate === null)).toBe(true);
    expectNoNaN(single);

    const zeros = disparityTable(
      [
        { group: 'White', events: 0, denominator: 300 },
        { group: 'Black', events: 0, denominator: 2 },
        { group: 'Asian', events: 1, denominator: 1 },
        { group: 'Mixed', events: 0, denominator: 0 },
      ],
      { statistic: 'rate', multiplier: 1000 },
    );
    expectNoNaN(zeros);
    const byGroup = Object.fromEntries(zeros.groups.map((g) => [g.group, g]));
    expect(byGroup.Black?.comparison.category).toBe('not compared');
    expect(byGroup.Asian?.ratio?.value).toBeNull();
    expect(byGroup.Asian?.ratio?.intervals[0]?.lower).toBeGreaterThan(0);
    expect(byGroup.Mixed?.rate.value).toBeNull();
    expect(byGroup.Mixed?.comparison.rule).toBe('group denominator is 0');
  });

  it('gives reasons, not errors, where the contract functions riskRatio, rateRatio and inequality throw', () => {
    const rows = [
      { group: 'White', events: 0, denominator: 300 },
      { group: 'Black', events: 4, denominator: 200 },
      { group: 'Asian', events: 0, denominator: 150 },
    ];
    expect(() => riskRatio(rows[0] as (typeof rows)[number], rows[1] as (typeof rows)[number])).toThrow(
      /zero-reference-events/,
    );
    const katz = disparityTable(rows);
    expect(katz.groups[1]?.ratio).toMatchObject({
      value: null,
      method: 'katz',
      reason: 'reference group has no events: the risk ratio is undefined',
    });
    const againstBlack = disparityTable(rows, { reference: 'Black' });
    expect(againstBlack.groups.find((g) => g.group === 'Asian')?.ratio).toMatchObject({
      value: 0,
      reason: 'group has no events: the log (Katz) interval is undefined',
    });
    const wald = disparityTable(rows, { statistic: 'rate', ratioMethod: 'log', reference: 'Black' });
    expect(wald.groups.find((g) => g.group === 'Asian')?.ratio).toMatchObject({
      value: 0,
      method: 'wald',
      reason: 'group has no events: the log (Wald) interval is undefined',
    });
    // The ratio r over a zero estimate is undefined: inequality throws, the table says why.
    expect(katz.summary.find((m) => m.measure === 'r')).toMatchObject({ estimate: null });
    expect(() =>
      inequality(
        rows.map((r) => ({ group: r.group, estimate: r.events / r.denominator, population: r.denominator })),
        'r',
        { favourable: 'lower', reference: 'White' },
      ),
    ).toThrow(/zero-ratio-denominator/);
    expectNoNaN(katz);
    expectNoNaN(wald);
  });

  it('never returns NaN or Infinity for any valid rows (property)', () => {
    const row = fc
      .record({
        group: fc.constantFrom('White', 'Black', 'Asian', 'Mixed', 'Other', 'Z'),
        denominator: fc.integer({ min: 0, max: 3000 }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ group, denominator, share }) => ({
        group,
        denominator,
        events: Math.floor(share * Math.min(denominator, 15)),
      }));
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.constantFrom('proportion', 'rate') as fc.Arbitrary<'proportion' | 'rate'>,
        (rows, statistic) => {
          expectNoNaN(disparityTable(rows, { statistic }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects bad rows naming the 1-based row', () => {
    try {
      poolCounts([
        { group: 'White', events: 3, denominator: 10 },
        { group: 'Black', events: 12, denominator: 10 },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QiStatsInputError);
      expect((error as QiStatsInputError).position).toBe(2);
      expect((error as QiStatsInputError).rule).toBe('count-exceeds-denominator');
    }
    expect(() => disparityTable([{ group: 'White', events: -1, denominator: 10 }])).toThrow(/negative-count/);
    expect(() => disparityTable(docRows, { levels: [1.2] })).toThrow(/level-out-of-range/);
  });

  it('pools with poolCounts as its doc example shows', () => {
    expect(
      poolCounts([
        { group: 'Black', events: 1, denominator: 10 },
        { group: 'Black', events: 10, denominator: 1000 },
      ]),
    ).toEqual([{ group: 'Black', events: 11, denominator: 1010 }]);
  });
});
