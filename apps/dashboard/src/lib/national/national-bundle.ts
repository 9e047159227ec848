/**
 * The National context page's data: NHS Maternity Statistics (published, provider
 * level, rounded to the nearest 5 by NHS England) as imported by `pnpm msds:import`
 * into `data/national-context/`, joined to NHS England regions
 * (`data/trust-regions.csv`) and the network's measure catalogue
 * (`data/measures.csv`). Built once at build time into one small JSON file so the
 * page draws without DuckDB-WASM. Real trust names are public aggregate data here;
 * nothing in this bundle refers to the network's synthetic demonstration sites.
 */

/** A measure NHS Maternity Statistics supports, in the catalogue's words. */
export interface NationalMeasure {
  measure_id: string;
  name: string;
  /** "%" or "per 1,000 term babies". */
  unit_label: string;
  multiplier: number;
  direction: 'lower_is_better' | 'higher_is_better' | 'neutral';
  /** Providers with a smaller denominator are listed, not plotted (data/measures.csv). */
  min_denominator: number;
}

export interface NationalRegion {
  /** NHS England region code, Y56 ... Y63. */
  code: string;
  name: string;
}

export interface NationalProvider {
  /** ODS code of the trust. */
  code: string;
  /** The trust's name as NHS Maternity Statistics spells it (upper case). */
  name: string;
  /** NHS England region code, or '' when the trust is not in data/trust-regions.csv. */
  region: string;
}

/** One provider's counts for one measure: [org code, numerator, denominator, excluded, completeness %]. */
export type ProviderCounts = [string, number, number, number, number | null];

/** Ethnic mix of women delivering, level-1 groups, in % of the ethnic breakdown. */
export interface EthnicMix {
  white: number;
  asian: number;
  black: number;
  mixed: number;
  other: number;
  /** Not stated, not known or missing. */
  unknown: number;
}

export interface EthnicMixRow {
  level: 'national' | 'region' | 'provider';
  /** ODS code, region code (Y56...) or "National". */
  code: string;
  name: string;
  /** Deliveries in the year (may be smaller than the ethnic breakdown total). */
  total_deliveries: number | null;
  breakdown_total: number;
  mix: EthnicMix;
}

export interface NationalBundle {
  /** Reporting year, e.g. "2021-22". */
  period: string;
  /** For the footer of every chart and download. */
  source: string;
  measures: NationalMeasure[];
  regions: NationalRegion[];
  providers: NationalProvider[];
  /** measure_id → every provider's counts. */
  rates: Record<string, ProviderCounts[]>;
  /** measure_id → the published England (ALL SUBMITTERS) figure. */
  england: Record<string, { numerator: number; denominator: number }>;
  ethnicMix: EthnicMixRow[];
}

/** What `static/data/national-context.json` holds: the name of the content-hashed bundle. */
export interface NationalIndex {
  /** The bundle's path relative to static/data; null when the build had no imported statistics. */
  file: string | null;
  period: string | null;
  source: string | null;
  bytes: number;
}

/** The source line NHS England's Open Government Licence asks for, with the reporting year. */
export function nationalSource(period: string): string {
  return `NHS Maternity Statistics ${period}, NHS England, Open Government Licence v3.0`;
}

/** The CSV texts the bundle is built from. */
export interface NationalSourceTexts {
  /** data/national-context/provider-rates.csv */
  providerRates: string;
  /** data/national-context/provider-ethnic-mix.csv */
  ethnicMix: string;
  /** data/trust-regions.csv */
  trustRegions: string;
  /** data/measures.csv */
  measures: string;
}

/** A CSV reader: the network-data package's RFC 4180 `readCsv`, passed in so this module stays browser-safe. */
export type CsvReader = (text: string) => { records: { line: number; fields: string[] }[] };

function table(read: CsvReader, text: string, name: string, required: readonly string[]) {
  const { records } = read(text);
  const header = records[0]?.fields ?? [];
  for (const column of required) {
    if (!header.includes(column)) throw new Error(`${name}: no column "${column}" in the header`);
  }
  return records.slice(1).map((record) => ({
    line: record.line,
    field: (column: string) => record.fields[header.indexOf(column)] ?? '',
  }));
}

function wholeNumber(value: string, where: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < 0)
    throw new Error(`${where}: "${value}" is not a whole number ≥ 0`);
  return number;
}

function optionalNumber(value: string): number | null {
  if (value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * Builds the National context bundle from the importer's CSV files. Keeps the
 * importer's counts as they are (numerators and denominators rounded to 5 by
 * NHS England); rates and intervals are computed later, in the page's view
 * functions. Throws with the file, line and column when a value is unusable.
 */
export function buildNationalBundle(texts: NationalSourceTexts, read: CsvReader): NationalBundle {
  const rateRows = table(read, texts.providerRates, 'provider-rates.csv', [
    'period',
    'org_level',
    'org_code',
    'org_name',
    'measure_id',
    'numerator',
    'denominator',
    'excluded',
    'completeness',
  ]);
  const mixRows = table(read, texts.ethnicMix, 'provider-ethnic-mix.csv', [
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
  ]);
  const regionRows = table(read, texts.trustRegions, 'trust-regions.csv', [
    'org_code',
    'region_code',
    'region_name',
  ]);
  const measureRows = table(read, texts.measures, 'measures.csv', [
    'measure_id',
    'name',
    'multiplier',
    'unit_label',
    'direction',
    'min_denominator_for_display',
  ]);

  const regionOf = new Map(regionRows.map((row) => [row.field('org_code'), row.field('region_code')]));
  const regionNames = new Map(regionRows.map((row) => [row.field('region_code'), row.field('region_name')]));

  const periods = new Set(rateRows.map((row) => row.field('period')));
  if (periods.size > 1)
    throw new Error(`provider-rates.csv: more than one period (${[...periods].join(', ')})`);
  const period = [...periods][0] ?? '';

  const rates: Record<string, ProviderCounts[]> = {};
  const england: NationalBundle['england'] = {};
  const providers = new Map<string, NationalProvider>();
  for (const row of rateRows) {
    const where = (column: string) => `provider-rates.csv line ${row.line}, ${column}`;
    const measureId = row.field('measure_id');
    const numerator = wholeNumber(row.field('numerator'), where('numerator'));
    const denominator = wholeNumber(row.field('denominator'), where('denominator'));
    if (numerator > denominator)
      throw new Error(`${where('numerator')}: ${numerator} is more than the denominator ${denominator}`);
    const level = row.field('org_level');
    if (level === 'national') england[measureId] = { numerator, denominator };
    if (level !== 'provider') continue;
    const code = row.field('org_code');
    if (!providers.has(code))
      providers.set(code, { code, name: row.field('org_name'), region: regionOf.get(code) ?? '' });
    rates[measureId] ??= [];
    rates[measureId].push([
      code,
      numerator,
      denominator,
      wholeNumber(row.field('excluded'), where('excluded')),
      optionalNumber(row.field('completeness')),
    ]);
  }

  const measures: NationalMeasure[] = [];
  for (const row of measureRows) {
    const measureId = row.field('measure_id');
    if (!rates[measureId]) continue;
    const direction = row.field('direction');
    measures.push({
      measure_id: measureId,
      name: row.field('name'),
      unit_label: row.field('unit_label'),
      multiplier: Number(row.field('multiplier')),
      direction: direction === 'lower_is_better' || direction === 'higher_is_better' ? direction : 'neutral',
      min_denominator: Number(row.field('min_denominator_for_display')) || 1,
    });
  }
  const missing = Object.keys(rates).filter((id) => !measures.some((m) => m.measure_id === id));
  if (missing.length > 0) throw new Error(`measures.csv: no entry for ${missing.join(', ')}`);

  const ethnicMix: EthnicMixRow[] = mixRows.map((row) => {
    const level = row.field('org_level');
    const percent = (column: string) => optionalNumber(row.field(column)) ?? 0;
    return {
      level: level === 'national' || level === 'region' ? level : 'provider',
      code: row.field('org_code'),
      name: row.field('org_name'),
      total_deliveries: optionalNumber(row.field('total_deliveries')),
      breakdown_total: wholeNumber(
        row.field('breakdown_total'),
        `provider-ethnic-mix.csv line ${row.line}, breakdown_total`,
      ),
      mix: {
        white: percent('pct_white'),
        asian: percent('pct_asian'),
        black: percent('pct_black'),
        mixed: percent('pct_mixed'),
        other: percent('pct_other'),
        unknown: percent('pct_unknown'),
      },
    };
  });

  const usedRegions = new Set([...providers.values()].map((provider) => provider.region).filter(Boolean));
  const regions = [...usedRegions]
    .map((code) => ({ code, name: regionNames.get(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    period,
    source: nationalSource(period),
    measures,
    regions,
    providers: [...providers.values()].sort((a, b) => a.name.localeCompare(b.name)),
    rates,
    england,
    ethnicMix,
  };
}
