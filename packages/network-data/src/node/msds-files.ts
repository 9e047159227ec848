import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv } from '../csv/read-csv.js';
import { toCsv } from '../csv/write-csv.js';
import type { NationalProvider } from '../generator/national-network.js';
import { MSDS_COLUMNS } from '../msds-import/aliases.js';
import type { MsdsImportResult } from '../msds-import/import-msds.js';
import { importMsds } from '../msds-import/import-msds.js';
import { deriveProviderEthnicMix } from '../msds-import/provider-ethnic-mix.js';
import { deriveProviderRates } from '../msds-import/provider-rates.js';

/**
 * Imports an NHS Maternity Statistics CSV file and writes to `outDir`: `msds.csv` (canonical
 * long form), `msds-unmapped.csv` (every line not mapped, with rule and reason),
 * `provider-rates.csv` (rates of the supported measures per organisation) and
 * `provider-ethnic-mix.csv`.
 *
 * @example
 * ```ts
 * const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-'));
 * const input = path.join(dir, 'in.csv');
 * fs.writeFileSync(input, 'Period,Dimension,Org_Level,Org_Code,Org_Name,Measure,Count_Of,Value\n2021-22,TotalDeliveries,National,National,ALL SUBMITTERS,,Deliveries,546100\n');
 * importMsdsFile(input, dir).rows.length; // => 1
 * fs.readFileSync(path.join(dir, 'msds.csv'), 'utf8').split('\n')[1]; // => '2021-22,national,National,ALL SUBMITTERS,TotalDeliveries,,Deliveries,546100'
 * ```
 */
export function importMsdsFile(inputPath: string, outDir: string): MsdsImportResult {
  const result = importMsds(readFileSync(inputPath, 'utf8'));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'msds.csv'), toCsv(result.rows, MSDS_COLUMNS));
  writeFileSync(
    path.join(outDir, 'msds-unmapped.csv'),
    toCsv(result.unmapped, ['line', 'rule', 'reason', 'text']),
  );
  const rates = deriveProviderRates(result.rows).map((r) => ({
    ...r,
    rate: r.rate === null ? null : Math.round(r.rate * 1000) / 1000,
    completeness: r.completeness === null ? null : Math.round(r.completeness * 10) / 10,
  }));
  writeFileSync(
    path.join(outDir, 'provider-rates.csv'),
    toCsv(rates, [
      'period',
      'org_level',
      'org_code',
      'org_name',
      'measure_id',
      'numerator',
      'denominator',
      'rate',
      'multiplier',
      'excluded',
      'completeness',
    ]),
  );
  writeFileSync(
    path.join(outDir, 'provider-ethnic-mix.csv'),
    toCsv(deriveProviderEthnicMix(result.rows), [
      'period',
      'org_level',
      'org_code',
      'org_name',
      'total_deliveries',
      'breakdown_total',
      'pct_white',
      'pct_asian',
      'pct_black',
      'pct_mixed',
      'pct_other',
      'pct_unknown',
    ]),
  );
  return result;
}

/**
 * Reads providers for the national-scale variant from a `provider-ethnic-mix.csv` written by
 * `importMsdsFile`, and a trust → region lookup (`data/trust-regions.csv`). Providers get
 * pseudonymous ids T001, T002... in org-code order so that synthetic outcomes are never shown
 * against a real trust; those with fewer than `minDeliveries` a year (mostly non-acute
 * submitters) are left out.
 *
 * @example
 * ```ts
 * const providers = readNationalProviders(path.join(repoDataDir(), 'national-context', 'provider-ethnic-mix.csv'), path.join(repoDataDir(), 'trust-regions.csv'));
 * providers.length > 110; // => true
 * providers[0].site_id; // => 'T001'
 * ```
 */
export function readNationalProviders(
  mixCsv: string,
  regionsCsv: string,
  minDeliveries = 500,
): NationalProvider[] {
  const table = (file: string) => {
    const { records } = readCsv(readFileSync(file, 'utf8'));
    const header = records[0]?.fields ?? [];
    return records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
  };
  const regionOf = new Map(table(regionsCsv).map((r) => [r.org_code, r.region_code]));
  return table(mixCsv)
    .filter((r) => r.org_level === 'provider' && Number(r.total_deliveries) >= minDeliveries)
    .sort((a, b) => String(a.org_code).localeCompare(String(b.org_code)))
    .map((r, i) => ({
      site_id: `T${String(i + 1).padStart(3, '0')}`,
      region_code: regionOf.get(r.org_code) ?? '',
      annual_births: Number(r.total_deliveries),
      pct_white: Number(r.pct_white),
      pct_asian: Number(r.pct_asian),
      pct_black: Number(r.pct_black),
      pct_mixed: Number(r.pct_mixed),
      pct_other: Number(r.pct_other),
      pct_unknown: Number(r.pct_unknown),
    }));
}
