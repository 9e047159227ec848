import type { Level1Group, NhsEthnicCode } from '../schema/ethnic-category.js';

/**
 * How each measure of the synthetic network is simulated: the probability of the numerator
 * event for each level-1 ethnic group, optional NHS-code (level-2) multipliers, and how the
 * denominator follows from births. Rates in **bold** in data-model.md §6 are published; the
 * rest are demo parameters marked [assumption] below, chosen to be plausible, not facts.
 *
 * Sources (cited per measure):
 * - MBRRACE-UK Perinatal Mortality Surveillance Report, UK births 2019 (Oct 2021): stillbirth
 *   3.35 per 1,000 overall; White 3.22, Asian/Asian British 5.05, Black/Black British 7.23;
 *   neonatal mortality about 60% higher for Asian and 43% higher for Black babies than White.
 * - Matthews RJ et al. BMJ Open 2022;12:e057412 (MBRRACE data 2014-19): stillbirth about 7 per
 *   1,000 Black, about 6 Pakistani and Bangladeshi, about 5 Indian, 3 White.
 * - ONS, Births and infant mortality by ethnicity in England and Wales 2007-2019: Mixed lowest.
 * - NHS Digital, NHS Maternity Statistics 2022-23 (MSDS annual): preterm 7.9%, Apgar <7 at 5
 *   min 11.7 per 1,000 term babies, booking by 10 weeks 61.3%, smoking at booking 13.2%, breast
 *   milk at first feed 72.9%, caesarean 37.8%, induction 31.0%, ethnicity recorded 93.2%.
 * - NMPA (National Maternity and Perinatal Audit) Clinical Report 2022: OASI about 3% of term
 *   singleton vaginal births, higher for women of South Asian ethnicity.
 * - Briley A et al. BJOG 2014;121:876-88: PPH >=1500 ml 3.9% in two London units; Black African
 *   women at higher risk of PPH (aOR 1.77 for >=500 ml).
 * - QualityWatch (Nuffield Trust/Health Foundation): term admissions to neonatal units 6.1%
 *   (2012); NHS Improvement ATAIN programme.
 * - NICE NG3 (2015, updated 2020) 1.2.2: offer an OGTT to women whose family origin is South
 *   Asian, Black Caribbean or Middle Eastern, or with BMI > 30, previous macrosomia or GDM, or a
 *   first-degree relative with diabetes.
 */
export interface MeasureModel {
  measure_id: string;
  /** Probability of the numerator event, per level-1 group. */
  rate: Record<Level1Group, number>;
  /** Multipliers for NHS codes within their level-1 group (normalised to average about 1). */
  codeMultiplier?: Partial<Record<NhsEthnicCode, number>>;
  /** How the denominator is drawn (see `denominatorOf` in simulate-site-month.ts). */
  denominator: DenominatorModel;
  source: string;
}

export type DenominatorModel =
  | { from: 'births' | 'maternities' | 'booked'; fraction: number }
  | { from: 'live_births' }
  | { from: 'booked_eligible_gdm' };

const rate = (
  white: number,
  asian: number,
  black: number,
  mixed: number,
  other: number,
  unknown: number,
) => ({
  WHITE: white,
  ASIAN: asian,
  BLACK: black,
  MIXED: mixed,
  OTHER: other,
  UNKNOWN: unknown,
});

/** The measures the generator simulates, with their rates and citations. */
export const MEASURE_MODELS: readonly MeasureModel[] = [
  {
    measure_id: 'stillbirth_rate',
    rate: rate(0.0032, 0.00505, 0.0072, 0.0032, 0.0042, 0.0033),
    // Matthews et al. 2022: Pakistani and Bangladeshi ~6, Indian ~5 per 1,000; normalised so the
    // default Asian mix (data-model.md §6.1) averages 1.
    codeMultiplier: { H: 0.9, J: 1.1, K: 1.1, L: 0.85, M: 0.97, N: 1.02, P: 0.95 },
    denominator: { from: 'births', fraction: 1 },
    source:
      'MBRRACE-UK births 2019 (White 3.22, Asian 5.05, Black 7.23 per 1,000); Matthews et al. BMJ Open 2022; Mixed and Other [assumption]',
  },
  {
    measure_id: 'neonatal_mortality',
    rate: rate(0.00145, 0.0023, 0.0021, 0.0016, 0.0018, 0.0016),
    // MBRRACE-UK births 2020: highest neonatal mortality for Pakistani and Black African babies.
    codeMultiplier: { H: 0.85, J: 1.25, K: 0.9, L: 0.9, M: 0.85, N: 1.05, P: 0.95 },
    denominator: { from: 'live_births' },
    source:
      'MBRRACE-UK births 2019 (Asian ~1.6x, Black ~1.43x White); births 2020 (Pakistani, Black African highest)',
  },
  {
    measure_id: 'preterm_birth',
    rate: rate(0.076, 0.084, 0.091, 0.08, 0.08, 0.079),
    denominator: { from: 'births', fraction: 0.97 },
    source: 'NHS Maternity Statistics 2022-23: 7.9% <37 weeks; ethnic ratios [assumption]',
  },
  {
    measure_id: 'pph_1500',
    rate: rate(0.029, 0.031, 0.038, 0.03, 0.031, 0.03),
    denominator: { from: 'maternities', fraction: 1 },
    source: 'Briley et al. BJOG 2014 (3.9%; Black African higher risk); levels [assumption]',
  },
  {
    measure_id: 'oasi_3rd_4th_tear',
    rate: rate(0.028, 0.045, 0.028, 0.03, 0.035, 0.03),
    denominator: { from: 'maternities', fraction: 0.55 },
    source: 'NMPA Clinical Report 2022 (~3%, higher for South Asian women); levels [assumption]',
  },
  {
    measure_id: 'apgar_lt7_term',
    rate: rate(0.011, 0.012, 0.016, 0.012, 0.012, 0.0117),
    denominator: { from: 'births', fraction: 0.88 },
    source: 'NHS Maternity Statistics 2022-23: 11.7 per 1,000; ethnic ratios [assumption]',
  },
  {
    measure_id: 'term_nnu_admission',
    rate: rate(0.053, 0.058, 0.065, 0.055, 0.058, 0.055),
    denominator: { from: 'births', fraction: 0.92 },
    source: 'QualityWatch 6.1% (2012); ATAIN; levels [assumption]',
  },
  {
    measure_id: 'booking_by_10wk',
    rate: rate(0.65, 0.56, 0.48, 0.58, 0.5, 0.52),
    denominator: { from: 'booked', fraction: 1 },
    source: 'NHS Maternity Statistics 2022-23: 61.3%; group values [assumption]',
  },
  {
    measure_id: 'smoking_at_booking',
    rate: rate(0.15, 0.02, 0.03, 0.12, 0.04, 0.13),
    denominator: { from: 'booked', fraction: 0.92 },
    source: 'NHS Maternity Statistics 2022-23: 13.2% of recorded; group values [assumption]',
  },
  {
    measure_id: 'smoking_at_delivery',
    rate: rate(0.105, 0.012, 0.02, 0.085, 0.03, 0.09),
    denominator: { from: 'maternities', fraction: 0.95 },
    source: 'NHS Digital SATOD about 8-9% [verify]; group values scaled from smoking at booking [assumption]',
  },
  {
    measure_id: 'breastmilk_first_feed',
    rate: rate(0.68, 0.82, 0.9, 0.78, 0.85, 0.73),
    denominator: { from: 'births', fraction: 0.95 },
    source: 'NHS Maternity Statistics 2022-23: 72.9%; group values [assumption]',
  },
  {
    measure_id: 'caesarean_rate',
    rate: rate(0.37, 0.39, 0.42, 0.37, 0.39, 0.38),
    denominator: { from: 'maternities', fraction: 0.99 },
    source: 'NHS Maternity Statistics 2022-23: 37.8%; ethnic ratios [assumption]',
  },
  {
    measure_id: 'robson1_cs',
    rate: rate(0.15, 0.17, 0.2, 0.15, 0.17, 0.16),
    denominator: { from: 'maternities', fraction: 0.22 },
    source: '[assumption]: Robson group 1 about 22% of women, caesarean 15-20% within it',
  },
  {
    measure_id: 'induction_rate',
    rate: rate(0.31, 0.33, 0.3, 0.31, 0.31, 0.31),
    denominator: { from: 'maternities', fraction: 0.98 },
    source: 'NHS Maternity Statistics 2022-23: 31.0%; ethnic ratios [assumption]',
  },
  {
    measure_id: 'coc_by_28wk',
    rate: rate(0.18, 0.22, 0.25, 0.2, 0.2, 0.15),
    denominator: { from: 'booked', fraction: 0.95 },
    source: '[assumption]: targeted continuity pathways favour Black and Asian women',
  },
  {
    measure_id: 'gdm_ogtt_by_28wk',
    rate: rate(0.8, 0.75, 0.7, 0.78, 0.74, 0.7),
    denominator: { from: 'booked_eligible_gdm' },
    source: 'Eligibility by NICE NG3 1.2.2 family origin; completion rates [assumption]',
  },
  {
    measure_id: 'mh_asked_at_booking',
    rate: rate(0.92, 0.85, 0.84, 0.9, 0.83, 0.8),
    denominator: { from: 'booked', fraction: 1 },
    source: '[assumption]: lower where an interpreter is needed but not booked',
  },
  {
    measure_id: 'pph_risk_assessed',
    rate: rate(0.86, 0.84, 0.83, 0.85, 0.84, 0.82),
    denominator: { from: 'maternities', fraction: 1 },
    source: '[assumption]',
  },
];

/**
 * Share of booked women eligible for an OGTT by NHS code (NICE NG3 1.2.2): all women of South
 * Asian (Indian, Pakistani, Bangladeshi) and Black Caribbean family origin; others through BMI
 * over 30, history or family history [assumption: 35%, 50% for "any other" which includes
 * Middle Eastern origins].
 */
export const GDM_ELIGIBLE_SHARE: Record<NhsEthnicCode, number> = {
  A: 0.35,
  B: 0.35,
  C: 0.35,
  D: 0.6,
  E: 0.45,
  F: 0.6,
  G: 0.45,
  H: 1,
  J: 1,
  K: 1,
  L: 0.6,
  M: 1,
  N: 0.45,
  P: 0.6,
  R: 0.35,
  S: 0.5,
  Z: 0.45,
  '99': 0.45,
};

/**
 * Ratio of births (babies) to maternities (women delivering): NHS Maternity Statistics
 * 2021-22, 551,225 babies / 546,100 deliveries.
 */
export const BABIES_PER_MATERNITY = 551_225 / 546_100;

/** Women booked per birth in a month (bookings include pregnancies that end before 24 weeks or move away) [assumption, data-model.md §6.3]. */
export const BOOKINGS_PER_BIRTH = 1.05;
