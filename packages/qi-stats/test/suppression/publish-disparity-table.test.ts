import { describe, expect, it } from 'vitest';
import { disparityTable, NHS_MATERNITY_RULE, publishDisparityTable } from '../../src/index.js';

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
