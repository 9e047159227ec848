import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCsv } from '@maternity-qi/network-data';
import { describe, expect, it } from 'vitest';
import { nationalIndexFile, precomputeNationalData } from '../build/precompute-national-data';
import { buildNationalBundle, type NationalBundle, type NationalIndex } from './national-bundle';
import { fixtureBundle, fixtureTexts, realBundle, realSourceTexts, repoDataDir } from './testing-national';

describe('buildNationalBundle on the real 2021-22 import', () => {
  const bundle = realBundle();

  it('keeps a provider’s counts exactly as provider-rates.csv has them', () => {
    // provider-rates.csv line 58, read here from the file itself rather than through the app's reader:
    // 2021-22,provider,R0A,MANCHESTER UNIVERSITY NHS FOUNDATION TRUST,caesarean_rate,5985,16385,36.527,100,85,99.5
    const line = readFileSync(path.join(repoDataDir, 'national-context', 'provider-rates.csv'), 'utf8')
      .split('\n')
      .find((text) => text.startsWith('2021-22,provider,R0A,') && text.includes(',caesarean_rate,'));
    const fields = line?.split(',') ?? [];
    expect(fields.slice(5, 7)).toEqual(['5985', '16385']);
    expect(bundle.rates.caesarean_rate).toContainEqual(['R0A', 5985, 16385, 85, 99.5]);
    expect(bundle.providers.find((provider) => provider.code === 'R0A')).toEqual({
      code: 'R0A',
      name: 'MANCHESTER UNIVERSITY NHS FOUNDATION TRUST',
      region: 'Y62',
    });
  });

  it('has every English provider, each in an NHS England region, and the seven measures', () => {
    expect(bundle.period).toBe('2021-22');
    expect(bundle.providers).toHaveLength(124);
    expect(bundle.providers.every((provider) => /^Y(5[6-9]|6[0-3])$/.test(provider.region))).toBe(true);
    expect(bundle.regions.map((region) => region.name)).toEqual([
      'East of England',
      'London',
      'Midlands',
      'North East and Yorkshire',
      'North West',
      'South East',
      'South West',
    ]);
    expect(bundle.measures.map((measure) => measure.measure_id).sort()).toEqual([
      'apgar_lt7_term',
      'booking_by_10wk',
      'breastmilk_first_feed',
      'caesarean_rate',
      'induction_rate',
      'preterm_birth',
      'smoking_at_booking',
    ]);
    expect(bundle.measures.find((measure) => measure.measure_id === 'apgar_lt7_term')).toMatchObject({
      multiplier: 1000,
      unit_label: 'per 1,000 term babies',
    });
  });

  it('keeps the published England figure and the ethnic mix, with the share not known', () => {
    // provider-rates.csv line 2 and provider-ethnic-mix.csv line 2.
    expect(bundle.england.caesarean_rate).toEqual({ numerator: 176430, denominator: 533910 });
    expect(bundle.ethnicMix.find((row) => row.level === 'national')).toEqual({
      level: 'national',
      code: 'National',
      name: 'ALL SUBMITTERS',
      total_deliveries: 546100,
      breakdown_total: 546095,
      mix: { white: 70, asian: 12, black: 4.8, mixed: 2.2, other: 3.9, unknown: 7.1 },
    });
    expect(bundle.ethnicMix.filter((row) => row.level === 'region')).toHaveLength(7);
  });

  it('names the source with the Open Government Licence', () => {
    expect(bundle.source).toBe('NHS Maternity Statistics 2021-22, NHS England, Open Government Licence v3.0');
  });
});

describe('buildNationalBundle on bad input', () => {
  it('reads quoted names with commas', () => {
    const bundle = fixtureBundle();
    expect(bundle.providers.map((provider) => provider.name)).toContain('DELTA, EPSILON AND ZETA NHS TRUST');
    expect(bundle.measures.map((measure) => measure.measure_id)).toEqual(['preterm_birth']);
  });

  it('names the file, line and column of a count that is not a whole number', () => {
    const texts = {
      ...fixtureTexts,
      providerRates: fixtureTexts.providerRates.replace('400,5000', '4x0,5000'),
    };
    expect(() => buildNationalBundle(texts, readCsv)).toThrow(
      'provider-rates.csv line 3, numerator: "4x0" is not a whole number ≥ 0',
    );
  });

  it('refuses a numerator above its denominator and a missing column', () => {
    const texts = {
      ...fixtureTexts,
      providerRates: fixtureTexts.providerRates.replace('400,5000', '6000,5000'),
    };
    expect(() => buildNationalBundle(texts, readCsv)).toThrow('is more than the denominator 5000');
    const noRegion = {
      ...fixtureTexts,
      trustRegions: fixtureTexts.trustRegions.replace('region_code', 'rc'),
    };
    expect(() => buildNationalBundle(noRegion, readCsv)).toThrow(
      'trust-regions.csv: no column "region_code"',
    );
  });
});

describe('precomputeNationalData (the build step behind the National context page)', () => {
  it('writes a content-hashed bundle and an index naming it', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'static-data-'));
    const result = await precomputeNationalData(dataDir, repoDataDir);
    expect(result.providers).toBe(124);
    const index = JSON.parse(readFileSync(path.join(dataDir, nationalIndexFile), 'utf8')) as NationalIndex;
    expect(index.file ?? '').toMatch(/^national\/context\.[0-9a-f]{12}\.json$/);
    expect(index.source).toContain('Open Government Licence v3.0');
    const bundle = JSON.parse(readFileSync(path.join(dataDir, index.file ?? ''), 'utf8')) as NationalBundle;
    expect(bundle).toEqual(realBundle());
    expect(index.bytes).toBeLessThan(100_000);
    // Same input, same name: the file can be cached for ever.
    await precomputeNationalData(dataDir, repoDataDir);
    expect(JSON.parse(readFileSync(path.join(dataDir, nationalIndexFile), 'utf8')).file).toBe(index.file);
    expect(readdirSync(path.join(dataDir, 'national'))).toHaveLength(1);
  });

  it('removes stale files and writes an index naming no file when the import has not been run', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'static-data-'));
    await precomputeNationalData(dataDir, repoDataDir);
    const emptyRepo = mkdtempSync(path.join(tmpdir(), 'repo-data-'));
    mkdirSync(path.join(emptyRepo, 'national-context'));
    const texts = realSourceTexts();
    writeFileSync(path.join(emptyRepo, 'trust-regions.csv'), texts.trustRegions);
    writeFileSync(path.join(emptyRepo, 'measures.csv'), texts.measures);
    expect(await precomputeNationalData(dataDir, emptyRepo)).toEqual({ providers: 0, bytes: 0 });
    expect(JSON.parse(readFileSync(path.join(dataDir, nationalIndexFile), 'utf8'))).toEqual({
      file: null,
      period: null,
      source: null,
      bytes: 0,
    });
    expect(existsSync(path.join(dataDir, 'national'))).toBe(false);
  });
});
