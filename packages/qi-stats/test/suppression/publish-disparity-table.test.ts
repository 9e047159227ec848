import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  disparityTable,
  type EstimateWithLimits,
  NHS_MATERNITY_RULE,
  type PublishedDisparityGroup,
  publishDisparityTable,
} from '../../src/index.js';

describe('publishDisparityTable', () => {
  const table = disparityTable([
    { group: 'White', events: 50, denominator: 5000 },
    { group: 'Black', events: 30, denominator: 1500 },
    { group: 'Mixed', events: 3, denominator: 210 },
  ]);

  it('runs its doc example: the small group and its secondary are hidden, rates withheld', () => {
    const published = publishDisparityTable(table);
    expect(published.groups[2]?.events).toMatchObject({ display: '*', status: 'primary' });
    expect(published.groups[2]?.rate).toBeNull();
    expect(published.groups[2]?.ratio).toBeNull();
    expect(published.groups[2]?.excessEvents).toBeNull();
    expect(published.groups[1]?.events).toMatchObject({ display: '*', status: 'secondary' });
    expect(published.groups[1]?.rate).toBeNull();
    expect(published.groups[0]?.rate?.value).toBeCloseTo(1, 12);
    expect(published.groups[0]?.events.display).toBe('50');
    // The total is published (85, rounded), so neither hidden group can be recovered alone.
    expect(published.total.events.display).toBe('85');
    expect(published.rule).toBe(NHS_MATERNITY_RULE);
  });

  it('withholds rates on numerators under 8 but keeps comparisons and summaries', () => {
    const published = publishDisparityTable(
      disparityTable([
        { group: 'White', events: 50, denominator: 5000 },
        { group: 'Black', events: 9, denominator: 300 },
        { group: 'Asian', events: 12, denominator: 900 },
        { group: 'Z', events: 2, denominator: 40 },
      ]),
      { ...NHS_MATERNITY_RULE, rateMinNumerator: 10 },
    );
    const black = published.groups[1];
    expect(black?.events.display).toBe('10');
    expect(black?.withheld).toBe(true);
    expect(black?.withheldReason).toMatch(/fewer than 10/);
    expect(black?.comparison.category).not.toBe('not compared');
    expect(published.summary).toHaveLength(15);
    expect(published.completeness.unknownEvents.display).toBe('*');
    expect(published.completeness.unknownDenominator.display).toBe('40');
    expect(published.completeness.proportionKnown).toBeCloseTo(6200 / 6240, 12);
  });
});

describe('publishDisparityTable: nothing published gives back an unrounded count', () => {
  it('computes a shown rate from the published (rounded) numerator and denominator', () => {
    // 52 of 5003 is published as 50 of 5005; a rate of 1.0394% would give 52.02 back.
    const published = publishDisparityTable(
      disparityTable([
        { group: 'White', events: 52, denominator: 5003 },
        { group: 'Black', events: 31, denominator: 1502 },
      ]),
    );
    const white = published.groups[0];
    expect(white?.events.display).toBe('50');
    expect(white?.denominator.display).toBe('5005');
    expect(white?.rate?.value).toBeCloseTo((50 / 5005) * 100, 12);
    expect(((white?.rate?.value as number) * 5005) / 100).toBeCloseTo(50, 9);
    const black = published.groups[1];
    expect(black?.excessEvents?.value).toBeCloseTo(30 - (50 / 5005) * 1500, 9);
    expect(published.total.denominator.value).toBe(6505);
    expect(black?.share).toBeCloseTo(1500 / 6505, 12);
    // 83 of 6505 is published as 85 of 6505.
    expect(published.total.rate?.value).toBeCloseTo((85 / 6505) * 100, 12);
  });

  const close = (a: number | null | undefined, b: number | null | undefined) =>
    a === b ||
    (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
  const sameEstimate = (a: EstimateWithLimits | null | undefined, b: EstimateWithLimits | null | undefined) =>
    a === b ||
    (a != null &&
      b != null &&
      close(a.value, b.value) &&
      a.method === b.method &&
      a.intervals.length === b.intervals.length &&
      a.intervals.every(
        (limits, k) =>
          close(limits.lower, b.intervals[k]?.lower) && close(limits.upper, b.intervals[k]?.upper),
      ));

  const groupRow = fc
    .tuple(
      fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 400 })),
      fc.integer({ min: 0, max: 6000 }),
    )
    .map(([events, extra]) => ({ events, denominator: events + extra }));
  const input = fc.record({
    rows: fc.array(groupRow, { minLength: 1, maxLength: 6 }),
    unknown: fc.option(groupRow, { nil: undefined }),
    statistic: fc.constantFrom<'proportion' | 'rate'>('proportion', 'rate'),
  });

  it('every published number is a function of the published counts only', () => {
    fc.assert(
      fc.property(input, ({ rows, unknown, statistic }) => {
        const names = ['White', 'Black', 'Asian', 'Mixed', 'Other', 'Chinese'];
        const data = rows.map((row, i) => ({ group: names[i] as string, ...row }));
        if (unknown !== undefined) data.push({ group: 'Z', ...unknown });
        const table = disparityTable(data, { statistic });
        const published = publishDisparityTable(table);
        const m = published.multiplier;
        const options = { statistic, multiplier: m, levels: published.levels };
        const rounded = (g: PublishedDisparityGroup) => ({
          group: g.group,
          events: g.events.value as number,
          denominator: g.denominator.value as number,
        });
        const reference = published.groups.find((g) => g.isReference);
        for (const g of published.groups) {
          if (g.rate !== null) {
            const events = g.events.value as number;
            const denominator = g.denominator.value as number;
            // The attack of the review: rate × published denominator must give the published count.
            if (g.rate.value !== null) expect(close((g.rate.value * denominator) / m, events)).toBe(true);
            const alone = disparityTable([rounded(g)], { ...options, reference: g.group }).groups[0];
            expect(sameEstimate(g.rate, alone?.rate)).toBe(true);
          }
          if (g.share !== null) {
            expect(g.denominator.value).not.toBeNull();
            expect(close(g.share * (published.total.denominator.value as number), g.denominator.value)).toBe(
              true,
            );
          }
          for (const derived of [g.ratio, g.difference, g.excessEvents]) {
            if (derived === null) continue;
            expect(reference?.rate).not.toBeNull();
            expect(g.rate).not.toBeNull();
            const pair = disparityTable([rounded(reference as PublishedDisparityGroup), rounded(g)], {
              ...options,
              reference: reference?.group as string,
              ratioMethod: g.ratio?.method === 'exact-conditional' ? 'exact' : 'log',
            }).groups[1];
            expect(sameEstimate(g.ratio, pair?.ratio)).toBe(true);
            expect(sameEstimate(g.difference, pair?.difference)).toBe(true);
            expect(sameEstimate(g.excessEvents, pair?.excessEvents)).toBe(true);
            if (g.excessEvents?.value != null) {
              const ref = rounded(reference as PublishedDisparityGroup);
              const expected =
                (g.events.value as number) - (ref.events / ref.denominator) * (g.denominator.value as number);
              expect(close(g.excessEvents.value, expected)).toBe(true);
            }
          }
        }
        const totalRate = published.total.rate?.value;
        if (totalRate !== null && totalRate !== undefined) {
          const t = published.total;
          expect(close((totalRate * (t.denominator.value as number)) / m, t.events.value)).toBe(true);
        }
        if (published.totalExcessEvents !== null) {
          expect(published.groups.every((g) => g.events.value !== null && g.denominator.value !== null)).toBe(
            true,
          );
          const all = disparityTable(published.groups.map(rounded), {
            ...options,
            reference: reference?.group as string,
            ratioMethod: statistic === 'rate' ? 'exact' : 'log',
          });
          expect(sameEstimate(published.totalExcessEvents, all.totalExcessEvents)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
