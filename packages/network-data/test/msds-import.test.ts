import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/csv/read-csv.js';
import type { MsdsImportResult } from '../src/msds-import/import-msds.js';
import { importMsds, MsdsImportError } from '../src/msds-import/import-msds.js';
import { formatMsdsImportReport } from '../src/msds-import/import-report.js';
import { deriveProviderEthnicMix } from '../src/msds-import/provider-ethnic-mix.js';
import { deriveProviderRates } from '../src/msds-import/provider-rates.js';
import { importMsdsFile, readNationalProviders, repoDataDir } from '../src/node.js';

const REAL = path.join(repoDataDir(), 'real', 'nhs-maternity-statistics-2021-22.csv');
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
let real: MsdsImportResult;
let realText: string;
beforeAll(() => {
  realText = readFileSync(REAL, 'utf8');
  real = importMsds(realText);
});

describe('importMsds on NHS Maternity Statistics 2021-22', () => {
  it('maps every line and reproduces the national total deliveries exactly (546,100)', () => {
    expect(real.unmapped).toEqual([]);
    expect(real.rows).toHaveLength(16038);
    const national = real.rows.filter((r) => r.org_level === 'national' && r.dimension === 'TotalDeliveries');
    expect(national).toEqual([
      {
        period: '2021-22',
        org_level: 'national',
        org_code: 'National',
        org_name: 'ALL SUBMITTERS',
        dimension: 'TotalDeliveries',
        category: '',
        count_of: 'Deliveries',
        value: 546100,
      },
    ]);
    const regions = real.rows.filter((r) => r.org_level === 'region' && r.dimension === 'TotalDeliveries');
    expect(regions).toHaveLength(7);
    // Values are rounded to the nearest 5 per cell, so the regions add up to the national total within rounding.
    expect(Math.abs(regions.reduce((s, r) => s + (r.value ?? 0), 0) - 546100)).toBeLessThanOrEqual(7 * 5);
  });

  it('derives provider rates and ethnic mix that agree with the published counts', () => {
    const rates = deriveProviderRates(real.rows);
    const preterm = rates.find((r) => r.org_level === 'national' && r.measure_id === 'preterm_birth');
    expect(preterm).toMatchObject({ numerator: 40905, denominator: 533065 });
    expect(preterm?.rate).toBeCloseTo(7.67, 2);
    expect(new Set(rates.map((r) => r.measure_id))).toEqual(
      new Set([
        'caesarean_rate',
        'induction_rate',
        'preterm_birth',
        'apgar_lt7_term',
        'smoking_at_booking',
        'booking_by_10wk',
        'breastmilk_first_feed',
      ]),
    );
    expect(
      rates.filter((r) => r.org_level === 'provider' && r.measure_id === 'caesarean_rate').length,
    ).toBeGreaterThan(110);
    const mix = deriveProviderEthnicMix(real.rows).find((m) => m.org_code === 'R1H');
    expect(mix?.total_deliveries).toBe(12280);
    expect(mix?.pct_asian).toBeCloseTo(44.5, 1);
  });

  it("gives the same canonical rows when the same data arrives in another year's dress", () => {
    // BOM, lower-case and renamed headers, CRLF, upper-case dimension names, older label spellings.
    const [header, ...lines] = realText.trimEnd().split('\n');
    expect(header).toBe('Period,Dimension,Org_Level,Org_Code,Org_Name,Measure,Count_Of,Value');
    const dressed = `\uFEFFperiod,dimension,org level,org code,org name,measure,count of,final_value\r\n${lines
      .map((l) => {
        const fields = readCsv(l).records[0]?.fields ?? [];
        fields[1] = (fields[1] ?? '').toUpperCase();
        fields[2] =
          fields[2] === 'NHS England (Region)'
            ? 'Region'
            : fields[2] === 'Provider'
              ? 'Trust'
              : (fields[2] ?? '');
        fields[5] = (fields[5] ?? '')
          .replace(
            'Missing value / Value outside reporting parameters',
            'Missing Value/Value outside reporting parameters',
          )
          .replace(/^(\d+) to (\d+)$/, '$1-$2')
          .replace('Any other ethnic group', 'Any Other Ethnic Group');
        fields[7] = Number(fields[7]).toLocaleString('en-GB');
        return fields.map((f) => (f.includes(',') ? `"${f}"` : f)).join(',');
      })
      .join('\r\n')}\r\n`;
    const result = importMsds(dressed);
    expect(result.hadByteOrderMark).toBe(true);
    expect(result.unmapped).toEqual([]);
    expect(result.rows).toEqual(real.rows);
  });
});

describe('importMsds on other years (fixtures after data-model.md §7)', () => {
  it('2019-20 style: BOM, lower-case renamed headers, upper-case and renamed dimensions, label spellings, finer bands', () => {
    const result = importMsds(fixture('msds-2019-20-variant.csv'));
    expect(result.hadByteOrderMark).toBe(true);
    expect(result.header).toMatchObject({ category: 'measure', value: 'final_value' });
    const value = (dimension: string, category: string, org = 'R1H') =>
      result.rows.find((r) => r.org_code === org && r.dimension === dimension && r.category === category)
        ?.value;
    expect(value('TotalDeliveries', '', 'National')).toBe(613940);
    expect(result.rows.find((r) => r.org_level === 'region')?.org_name).toBe('LONDON COMMISSIONING REGION');
    expect(value('EthnicCategoryMotherGroup', 'Any other ethnic group')).toBe(835);
    expect(value('EthnicCategoryMotherGroup', 'Not known')).toBe(10);
    expect(value('EthnicCategoryMotherGroup', 'Missing value / Value outside reporting parameters')).toBe(5);
    expect(value('ApgarScore5TermGroup7', '7 to 10')).toBe(11900); // written "07-Oct" by Excel
    expect(value('AgeAtBookingMotherGroup', '45 or Over')).toBe(60); // 45 to 49 + 50 and over
    expect(value('SmokingStatusGroupBooking', 'Non-Smoker / Ex-Smoker')).toBe(9210);
    expect(value('SmokingStatusGroupBooking', 'Smoker')).toBeNull(); // suppressed "*"
    expect(result.merged).toEqual([
      {
        lines: [17, 18],
        labels: ['45 to 49', '50 and over'],
        dimension: 'AgeAtBookingMotherGroup',
        category: '45 or Over',
        org_code: 'R1H',
      },
    ]);
    expect(result.unmapped.map((u) => [u.line, u.rule])).toEqual([
      [21, 'band_straddles'],
      [22, 'unknown_dimension'],
      [23, 'org_level_out_of_scope'],
      [24, 'duplicate_line'],
      [25, 'count_of_conflict'],
      [26, 'unknown_category'],
      [27, 'bad_value'],
      [28, 'bad_period'],
    ]);
    const report = formatMsdsImportReport(result);
    expect(report).toContain('8 line(s) could not be mapped');
    expect(report).toContain(
      'line 21: The band "0 to 84 days" straddles the 2021-22 bands "0 to 70 days" and "71 to 90 days"',
    );
    expect(report).toContain('line 22: The dimension "BMIAtBooking" has no equivalent');
  });

  it('2018-19 style: spaced headers, CRLF, England/Region/Trust levels, dashes and en dashes in bands', () => {
    const result = importMsds(fixture('msds-2018-19-variant.csv'));
    expect(result.rows.find((r) => r.org_level === 'national')).toMatchObject({
      period: '2018-19',
      org_code: 'National',
      value: 626203,
    });
    const booking = result.rows
      .filter((r) => r.dimension === 'GestAgeFormalAntenatalBookingGroup')
      .map((r) => [r.category, r.value]);
    expect(booking).toEqual([
      ['0 to 70 days', 3400],
      ['71 to 90 days', 900],
      ['141+ days', 120],
      ['91 to 140 days', 700],
      ['Missing value / Value outside reporting parameters', 70],
    ]);
    expect(result.rows.find((r) => r.category === 'Mixed')?.value).toBe(100);
    expect(result.rows.find((r) => r.category === '27 weeks and under')?.value).toBe(40);
    expect(result.unmapped.map((u) => [u.line, u.rule])).toEqual([[15, 'band_straddles']]);
  });

  it('refuses a file whose header it cannot read, naming the missing columns', () => {
    expect(() => importMsds('a,b,c\n1,2,3\n')).toThrow(MsdsImportError);
    expect(() => importMsds('a,b,c\n1,2,3\n')).toThrow(
      /no column for period, dimension, org_level, org_code, category, value/,
    );
  });
});

describe('msds:import command and files', () => {
  it('writes msds.csv and the derived tables', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'msds-'));
    importMsdsFile(REAL, dir);
    const { records } = readCsv(readFileSync(path.join(dir, 'msds.csv'), 'utf8'));
    expect(records[0]?.fields).toEqual([
      'period',
      'org_level',
      'org_code',
      'org_name',
      'dimension',
      'category',
      'count_of',
      'value',
    ]);
    expect(records).toHaveLength(16039);
    const providers = readNationalProviders(
      path.join(dir, 'provider-ethnic-mix.csv'),
      path.join(repoDataDir(), 'trust-regions.csv'),
    );
    expect(providers.length).toBeGreaterThan(110);
    expect(providers.every((p) => /^T\d{3}$/.test(p.site_id) && /^Y\d\d$/.test(p.region_code))).toBe(true);
  });

  it("`pnpm msds:import` from the repository root resolves relative paths against the caller's directory", () => {
    const root = path.resolve(repoDataDir(), '..');
    // Both paths relative to the repository root, where the command is run.
    const out = path.relative(root, mkdtempSync(path.join(os.tmpdir(), 'msds-cli-')));
    const run = spawnSync(
      'pnpm',
      ['msds:import', path.join('data', 'real', 'nhs-maternity-statistics-2021-22.csv'), '--out', out],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, INIT_CWD: undefined },
      },
    );
    expect(run.stderr).not.toContain('ENOENT');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('National total deliveries: 546100');
    expect(run.stdout).toContain('Every line was mapped.');
    expect(existsSync(path.join(root, out, 'msds.csv'))).toBe(true);
    rmSync(path.join(root, out), { recursive: true, force: true });
  }, 60_000);
});
