import { CANONICAL_DIMENSIONS, MISSING_LABEL } from './canonical-dimensions.js';
import type { MsdsRow } from './import-msds.js';

/** How one network measure is computed from an NHS Maternity Statistics dimension. */
export interface MsdsMeasureRecipe {
  measure_id: string;
  dimension: string;
  numerator: readonly string[];
  /** Categories left out of the denominator (missing or unknown). */
  excluded: readonly string[];
  multiplier: number;
}

/**
 * The measures NHS Maternity Statistics supports, with the same numerator and denominator logic
 * as the network's catalogue (data/measures.csv): missing and "not known" values are left out
 * of the denominator, as the MSDS CQIMs do.
 */
export const MSDS_MEASURE_RECIPES: readonly MsdsMeasureRecipe[] = [
  {
    measure_id: 'caesarean_rate',
    dimension: 'DeliveryMethodBabyGroup',
    numerator: ['Elective caesarean section', 'Emergency caesarean section'],
    excluded: [MISSING_LABEL],
    multiplier: 100,
  },
  {
    measure_id: 'induction_rate',
    dimension: 'OnsetOfLabour',
    numerator: ['Medical induction', 'Surgical induction', 'Surgical and medical induction'],
    excluded: [MISSING_LABEL, 'Not known'],
    multiplier: 100,
  },
  {
    measure_id: 'preterm_birth',
    dimension: 'GestationLengthBirthGroup37',
    numerator: ['<37 weeks'],
    excluded: [MISSING_LABEL],
    multiplier: 100,
  },
  {
    measure_id: 'apgar_lt7_term',
    dimension: 'ApgarScore5TermGroup7',
    numerator: ['0 to 6'],
    excluded: [MISSING_LABEL],
    multiplier: 1000,
  },
  {
    measure_id: 'smoking_at_booking',
    dimension: 'SmokingStatusGroupBooking',
    numerator: ['Smoker'],
    excluded: [MISSING_LABEL],
    multiplier: 100,
  },
  {
    measure_id: 'booking_by_10wk',
    dimension: 'GestAgeFormalAntenatalBookingGroup',
    numerator: ['0 to 70 days'],
    excluded: [MISSING_LABEL],
    multiplier: 100,
  },
  {
    measure_id: 'breastmilk_first_feed',
    dimension: 'BabyFirstFeedBreastMilkStatus',
    numerator: ['Maternal or Donor Breast Milk'],
    excluded: [MISSING_LABEL],
    multiplier: 100,
  },
];

/** One organisation's rate for one measure. */
export interface ProviderRate {
  period: string;
  org_level: MsdsRow['org_level'];
  org_code: string;
  org_name: string;
  measure_id: string;
  numerator: number;
  denominator: number;
  /** numerator / denominator x multiplier; null when the denominator is 0. */
  rate: number | null;
  multiplier: number;
  /** Records left out of the denominator (missing or not known). */
  excluded: number;
  /** Share of all records with a usable value, in % (data completeness). */
  completeness: number | null;
}

/**
 * Derives, for every organisation (national, region, provider), the rates of the measures
 * NHS Maternity Statistics supports, for a national-context view and funnel plots. An
 * organisation is skipped for a measure when a needed value is suppressed or its dimension is
 * absent. Values in the publication are rounded to the nearest 5, so small providers' rates
 * are approximate.
 *
 * @example
 * ```ts
 * const row = (category, value) => ({ period: '2021-22', org_level: 'provider', org_code: 'R1', org_name: 'A TRUST',
 *   dimension: 'GestationLengthBirthGroup37', category, count_of: 'Babies', value });
 * const [preterm] = deriveProviderRates([row('<37 weeks', 80), row('>=37 weeks', 920), row('Missing value / Value outside reporting parameters', 10)]);
 * [preterm.measure_id, preterm.numerator, preterm.denominator, preterm.rate]; // => ['preterm_birth', 80, 1000, 8]
 * ```
 */
export function deriveProviderRates(rows: readonly MsdsRow[]): ProviderRate[] {
  const byOrg = new Map<string, MsdsRow[]>();
  for (const row of rows) {
    const key = `${row.period}|${row.org_level}|${row.org_code}|${row.dimension}`;
    const list = byOrg.get(key) ?? [];
    list.push(row);
    byOrg.set(key, list);
  }
  const rates: ProviderRate[] = [];
  const orgs = new Map<string, MsdsRow>();
  for (const row of rows) orgs.set(`${row.period}|${row.org_level}|${row.org_code}`, row);
  for (const [orgKey, org] of orgs) {
    for (const recipe of MSDS_MEASURE_RECIPES) {
      const cells = byOrg.get(`${orgKey}|${recipe.dimension}`);
      if (!cells || cells.some((c) => c.value === null)) continue;
      const categories = CANONICAL_DIMENSIONS[recipe.dimension]?.categories ?? [];
      let numerator = 0;
      let denominator = 0;
      let excluded = 0;
      for (const cell of cells) {
        if (!categories.includes(cell.category)) continue;
        const value = cell.value ?? 0;
        if (recipe.excluded.includes(cell.category)) excluded += value;
        else {
          denominator += value;
          if (recipe.numerator.includes(cell.category)) numerator += value;
        }
      }
      rates.push({
        period: org.period,
        org_level: org.org_level,
        org_code: org.org_code,
        org_name: org.org_name,
        measure_id: recipe.measure_id,
        numerator,
        denominator,
        rate: denominator > 0 ? (numerator / denominator) * recipe.multiplier : null,
        multiplier: recipe.multiplier,
        excluded,
        completeness: denominator + excluded > 0 ? (100 * denominator) / (denominator + excluded) : null,
      });
    }
  }
  return rates;
}
