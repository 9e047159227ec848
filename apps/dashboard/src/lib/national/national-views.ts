import { type FunnelSignificance, funnelLimits, proportionInterval } from '@maternity-qi/qi-stats';
import type { FunnelResult } from '$lib/charts/funnel-plot';
import type { EthnicMix, EthnicMixRow, NationalBundle, NationalMeasure } from './national-bundle';

/**
 * Providers with fewer than this share of records with a known value are listed
 * but not plotted: NHS Maternity Statistics leaves missing values out of the
 * denominator, so a rate from a small recorded fraction (smoking status is
 * recorded for under 2% of some trusts' bookings in 2021-22) says more about
 * recording than about care. A project choice, stated on the page.
 */
export const minimumCompleteness = 70;

/** The page's state, as held in the URL (?measure=&region=&highlight=). */
export interface NationalFilters {
  measure: NationalMeasure;
  /** NHS England region code, or null for all of England. */
  region: string | null;
  /** ODS code of a provider to pick out, or null. */
  highlight: string | null;
}

/**
 * Reads the filters from URL parameters, falling back to the first measure,
 * all of England and no highlight when a value is missing or unknown.
 */
export function nationalFilters(bundle: NationalBundle, params: URLSearchParams): NationalFilters | null {
  const measures = bundle.measures;
  const measure = measures.find((candidate) => candidate.measure_id === params.get('measure')) ?? measures[0];
  if (!measure) return null;
  const region = params.get('region');
  const highlight = params.get('highlight');
  return {
    measure,
    region: bundle.regions.some((candidate) => candidate.code === region) ? region : null,
    highlight: bundle.providers.some((candidate) => candidate.code === highlight) ? highlight : null,
  };
}

/** Where a provider sits against the funnel, in words. */
export const positionText: Record<FunnelSignificance, string> = {
  'High (0.001)': 'above the 99.8% limit',
  'High (0.025)': 'above the 95% limit',
  'Low (0.001)': 'below the 99.8% limit',
  'Low (0.025)': 'below the 95% limit',
  'Not significant': 'within the limits',
};

/** One provider for one measure, with its Wilson interval and, when plotted, its place on the funnel. */
export interface ProviderRow {
  code: string;
  name: string;
  region: string;
  regionName: string;
  numerator: number;
  denominator: number;
  /** On the measure's scale (%, per 1,000); null when the denominator is 0. */
  rate: number | null;
  lower: number | null;
  upper: number | null;
  completeness: number | null;
  /** Null when the provider is not on the funnel. */
  position: FunnelSignificance | null;
  /** Why the provider is not on the funnel (null when it is). */
  notPlotted: string | null;
}

/** The funnel for one measure across England and the providers behind it. */
export interface NationalFunnel {
  measure: NationalMeasure;
  /** Σ numerators / Σ denominators of the plotted providers, on the measure's scale: the funnel's centre. */
  nationalRate: number;
  /** The published England figure (ALL SUBMITTERS), which includes unrounded counts. */
  england: number | null;
  result: FunnelResult;
  /** Every provider with a row for the measure, plotted or not, sorted by name. */
  providers: ProviderRow[];
}

/**
 * The funnel plot of every English provider for one measure: PHE proportion
 * funnels (inverse Wilson, 95% and 99.8%) from qi-stats' `funnelLimits()`
 * around the pooled rate of the plotted providers, and each provider's rate
 * with its 95% Wilson interval (`proportionInterval()`). Regions do not change
 * the limits: every provider is compared with England.
 */
export function nationalFunnel(bundle: NationalBundle, measure: NationalMeasure): NationalFunnel | null {
  const counts = bundle.rates[measure.measure_id] ?? [];
  const providers = new Map(bundle.providers.map((provider) => [provider.code, provider]));
  const regionNames = new Map(bundle.regions.map((region) => [region.code, region.name]));
  const rows: ProviderRow[] = counts.map(([code, numerator, denominator, , completeness]) => {
    const provider = providers.get(code);
    const interval = denominator > 0 ? proportionInterval(numerator, denominator) : null;
    const notPlotted =
      denominator < measure.min_denominator
        ? `denominator under ${measure.min_denominator}`
        : completeness != null && completeness < minimumCompleteness
          ? `value known for ${completeness}% of records (under ${minimumCompleteness}%)`
          : null;
    return {
      code,
      name: provider?.name ?? code,
      region: provider?.region ?? '',
      regionName: regionNames.get(provider?.region ?? '') ?? 'Region not known',
      numerator,
      denominator,
      rate: interval ? interval.value * measure.multiplier : null,
      lower: interval ? interval.lower * measure.multiplier : null,
      upper: interval ? interval.upper * measure.multiplier : null,
      completeness,
      position: null,
      notPlotted,
    };
  });
  const plotted = rows.filter((row) => row.notPlotted == null);
  if (plotted.length < 2) return null;
  const result = funnelLimits(
    plotted.map((row) => ({ label: row.code, events: row.numerator, denominator: row.denominator })),
    { statistic: 'proportion', multiplier: measure.multiplier },
  );
  result.points.forEach((point, index) => {
    const row = plotted[index] as ProviderRow;
    row.position = point.significance;
  });
  const published = bundle.england[measure.measure_id];
  return {
    measure,
    nationalRate: result.baseline,
    england:
      published && published.denominator > 0
        ? (published.numerator / published.denominator) * measure.multiplier
        : null,
    result,
    providers: rows.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The providers of one region (or all), as the table and the "outside the limits" list show them. */
export function providersIn(funnel: NationalFunnel, region: string | null): ProviderRow[] {
  return region == null ? funnel.providers : funnel.providers.filter((row) => row.region === region);
}

/** Providers outside the 99.8% limits (above, then below), then outside only the 95% limits. */
export function providersOutside(rows: readonly ProviderRow[]): {
  above998: ProviderRow[];
  below998: ProviderRow[];
  beyond95: ProviderRow[];
} {
  return {
    above998: rows.filter((row) => row.position === 'High (0.001)'),
    below998: rows.filter((row) => row.position === 'Low (0.001)'),
    beyond95: rows.filter((row) => row.position === 'High (0.025)' || row.position === 'Low (0.025)'),
  };
}

const smallWords = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'upon']);
const upperWords = new Set(['nhs', 'uk', 'ii']);

/**
 * A trust name from NHS Maternity Statistics' upper case into title case:
 * "KING'S COLLEGE HOSPITAL NHS FOUNDATION TRUST" → "King's College Hospital NHS Foundation Trust".
 */
export function trustName(name: string): string {
  return name
    .toLowerCase()
    .split(' ')
    .map((word, index) => {
      if (upperWords.has(word)) return word.toUpperCase();
      if (index > 0 && smallWords.has(word)) return word;
      return word.replace(
        /(^|[-(])([a-z])/g,
        (_, before: string, letter: string) => before + letter.toUpperCase(),
      );
    })
    .join(' ');
}

/** A short label for charts: the trust name without "NHS Foundation Trust" / "NHS Trust". */
export function shortTrustName(name: string): string {
  return trustName(name)
    .replace(/ NHS( Foundation)? Trust$/, '')
    .replace(/ Foundation Trust$/, '');
}

/** One bar of the ethnic-mix chart. */
export interface EthnicMixBar {
  code: string;
  label: string;
  level: EthnicMixRow['level'];
  deliveries: number | null;
  breakdownTotal: number;
  mix: EthnicMix;
}

/**
 * The bars of the ethnic-mix chart: England first; then, for all of England,
 * each region; for one region, the region's total and each of its providers
 * (largest first). The highlighted provider is always included.
 */
export function ethnicMixBars(
  bundle: NationalBundle,
  region: string | null,
  highlight: string | null = null,
): EthnicMixBar[] {
  const bar = (row: EthnicMixRow, label: string): EthnicMixBar => ({
    code: row.code,
    label,
    level: row.level,
    deliveries: row.total_deliveries,
    breakdownTotal: row.breakdown_total,
    mix: row.mix,
  });
  const regionNames = new Map(bundle.regions.map((candidate) => [candidate.code, candidate.name]));
  const regionOf = new Map(bundle.providers.map((provider) => [provider.code, provider.region]));
  const bars: EthnicMixBar[] = bundle.ethnicMix
    .filter((row) => row.level === 'national')
    .map((row) => bar(row, 'England'));
  const regionRows = bundle.ethnicMix.filter((row) => row.level === 'region');
  if (region == null) {
    bars.push(
      ...regionRows
        .map((row) => bar(row, regionNames.get(row.code) ?? trustName(row.name)))
        .sort((a, b) => a.label.localeCompare(b.label)),
    );
  } else {
    bars.push(
      ...regionRows
        .filter((row) => row.code === region)
        .map((row) => bar(row, `${regionNames.get(row.code) ?? row.code} (region)`)),
    );
  }
  const providerRows = bundle.ethnicMix
    .filter(
      (row) =>
        row.level === 'provider' &&
        ((region != null && regionOf.get(row.code) === region) || row.code === highlight),
    )
    .sort((a, b) => (b.total_deliveries ?? 0) - (a.total_deliveries ?? 0));
  bars.push(...providerRows.map((row) => bar(row, shortTrustName(row.name))));
  return bars;
}
