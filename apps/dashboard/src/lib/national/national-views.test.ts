import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv } from '@maternity-qi/network-data';
import { proportionInterval } from '@maternity-qi/qi-stats';
import { describe, expect, it } from 'vitest';
import {
  ethnicMixBars,
  nationalFilters,
  nationalFunnel,
  providersIn,
  providersOutside,
  shortTrustName,
  trustName,
} from './national-views';
import { fixtureBundle, realBundle, repoDataDir } from './testing-national';

/** provider-rates.csv as plain records, read in the test independently of the bundle. */
function providerRateLines(measureId: string) {
  const { records } = readCsv(
    readFileSync(path.join(repoDataDir, 'national-context', 'provider-rates.csv'), 'utf8'),
  );
  return records
    .slice(1)
    .map((record) => record.fields)
    .filter((fields) => fields[1] === 'provider' && fields[4] === measureId)
    .map((fields) => ({
      code: fields[2],
      numerator: Number(fields[5]),
      denominator: Number(fields[6]),
      completeness: Number(fields[10]),
    }));
}

describe('nationalFunnel on the real 2021-22 data', () => {
  const bundle = realBundle();
  const measure = (id: string) => {
    const found = bundle.measures.find((candidate) => candidate.measure_id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it('gives Manchester University’s caesarean rate as 5,985 of 16,385, with its Wilson interval', () => {
    const funnel = nationalFunnel(bundle, measure('caesarean_rate'));
    const row = funnel?.providers.find((provider) => provider.code === 'R0A');
    // provider-rates.csv line 58: numerator 5985, denominator 16385, rate 36.527.
    expect(row?.rate).toBeCloseTo((5985 / 16385) * 100, 10);
    expect(row?.rate).toBeCloseTo(36.527, 3);
    const interval = proportionInterval(5985, 16385);
    expect(row?.lower).toBeCloseTo(interval.lower * 100, 10);
    expect(row?.upper).toBeCloseTo(interval.upper * 100, 10);
    expect(row?.lower).toBeLessThan(36.527);
    expect(row?.upper).toBeGreaterThan(36.527);
    expect(row?.regionName).toBe('North West');
    expect(row?.notPlotted).toBeNull();
  });

  it('puts the national rate at Σ numerators / Σ denominators of every provider (booking by 10 weeks)', () => {
    const lines = providerRateLines('booking_by_10wk');
    expect(lines).toHaveLength(124);
    const numerators = lines.reduce((sum, line) => sum + line.numerator, 0);
    const denominators = lines.reduce((sum, line) => sum + line.denominator, 0);
    expect([numerators, denominators]).toEqual([364680, 547655]);
    const funnel = nationalFunnel(bundle, measure('booking_by_10wk'));
    expect(funnel?.providers.every((row) => row.position != null)).toBe(true);
    expect(funnel?.nationalRate).toBeCloseTo((100 * numerators) / denominators, 10);
    // The published England figure (unrounded counts) is close but not the same.
    expect(funnel?.england).toBeCloseTo((100 * 361985) / 543655, 10);
  });

  it('leaves out of the funnel, and says why, providers with few records or few known values', () => {
    const lines = providerRateLines('smoking_at_booking');
    const funnel = nationalFunnel(bundle, measure('smoking_at_booking'));
    const plotted = lines.filter((line) => line.denominator >= 20 && line.completeness >= 70);
    expect(
      funnel?.providers
        .filter((row) => row.position != null)
        .map((row) => row.code)
        .sort(),
    ).toEqual(plotted.map((line) => line.code).sort());
    const sum = (key: 'numerator' | 'denominator') => plotted.reduce((total, line) => total + line[key], 0);
    expect(funnel?.nationalRate).toBeCloseTo((100 * sum('numerator')) / sum('denominator'), 10);
    // provider-rates.csv: R0A smoking at booking 15 of 130, known for 0.7% of bookings.
    expect(funnel?.providers.find((row) => row.code === 'R0A')?.notPlotted).toBe(
      'value known for 0.7% of records (under 70%)',
    );
  });

  it('lists the providers outside the limits, within a region too', () => {
    const funnel = nationalFunnel(bundle, measure('caesarean_rate'));
    if (!funnel) throw new Error('no funnel');
    const all = providersOutside(funnel.providers);
    const london = providersIn(funnel, 'Y56');
    expect(london.length).toBeGreaterThan(10);
    expect(london.every((row) => row.region === 'Y56')).toBe(true);
    const inLondon = providersOutside(london);
    expect(inLondon.above998.every((row) => all.above998.includes(row))).toBe(true);
    expect(all.above998.length + all.below998.length).toBeGreaterThan(0);
    for (const row of all.above998) {
      const point = funnel.result.points.find((candidate) => candidate.label === row.code);
      expect(row.rate).toBeGreaterThan(point?.upper998 ?? Number.POSITIVE_INFINITY);
    }
  });
});

describe('nationalFilters', () => {
  const bundle = fixtureBundle();
  it('reads measure, region and highlight from the URL', () => {
    const filters = nationalFilters(
      bundle,
      new URLSearchParams('measure=preterm_birth&region=Y56&highlight=P02'),
    );
    expect([filters?.measure.measure_id, filters?.region, filters?.highlight]).toEqual([
      'preterm_birth',
      'Y56',
      'P02',
    ]);
  });
  it('falls back to the first measure, all of England and no highlight for unknown values', () => {
    const filters = nationalFilters(bundle, new URLSearchParams('measure=nope&region=Y99&highlight=S1'));
    expect([filters?.measure.measure_id, filters?.region, filters?.highlight]).toEqual([
      'preterm_birth',
      null,
      null,
    ]);
  });
});

describe('nationalFunnel on a small fixture', () => {
  const bundle = fixtureBundle();
  const preterm = bundle.measures[0];
  if (!preterm) throw new Error('no measure');
  const funnel = nationalFunnel(bundle, preterm);

  it('pools the plotted providers only', () => {
    // P06 has 33.3% completeness: listed, not plotted.
    expect(funnel?.nationalRate).toBeCloseTo(
      (100 * (400 + 560 + 130 + 600 + 700)) / (5000 + 5000 + 2000 + 9000 + 8000),
      10,
    );
    expect(funnel?.providers.find((row) => row.code === 'P06')?.position).toBeNull();
    expect(funnel?.england).toBeCloseTo(8, 10);
  });

  it('marks providers beyond the limits', () => {
    const outside = providersOutside(funnel?.providers ?? []);
    expect(outside.above998.map((row) => row.code)).toEqual(['P02']);
    expect(outside.below998.map((row) => row.code)).toEqual(['P04']);
  });
});

describe('ethnicMixBars', () => {
  const bundle = fixtureBundle();
  it('shows England and each region when no region is chosen', () => {
    expect(ethnicMixBars(bundle, null).map((bar) => bar.label)).toEqual(['England', 'London', 'South West']);
  });
  it('shows the region and its providers, largest first, plus a highlighted provider elsewhere', () => {
    expect(ethnicMixBars(bundle, 'Y56').map((bar) => bar.label)).toEqual([
      'England',
      'London (region)',
      'Delta, Epsilon and Zeta',
      'Alpha Hospitals',
      'Beta',
    ]);
    expect(ethnicMixBars(bundle, null, 'P01').map((bar) => bar.code)).toEqual([
      'National',
      'Y56',
      'Y58',
      'P01',
    ]);
  });
});

describe('trust names', () => {
  it('reads NHS Maternity Statistics’ upper case as a name', () => {
    expect(trustName("KING'S COLLEGE HOSPITAL NHS FOUNDATION TRUST")).toBe(
      "King's College Hospital NHS Foundation Trust",
    );
    expect(trustName('BARKING, HAVERING AND REDBRIDGE UNIVERSITY HOSPITALS NHS TRUST')).toBe(
      'Barking, Havering and Redbridge University Hospitals NHS Trust',
    );
    expect(trustName('WRIGHTINGTON, WIGAN AND LEIGH NHS FOUNDATION TRUST')).toBe(
      'Wrightington, Wigan and Leigh NHS Foundation Trust',
    );
    expect(shortTrustName('THE ROTHERHAM NHS FOUNDATION TRUST')).toBe('The Rotherham');
  });
});
