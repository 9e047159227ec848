/**
 * The dimensions and category labels of NHS Maternity Statistics 2021-22 (NHS Digital, MSDS
 * annual, provider level; Open Government Licence v3.0), which the importer treats as the
 * canonical names: every other year is mapped onto these. Read from
 * ../shared/data/real/nhs-maternity-statistics-2021-22.csv. The two totals have an empty
 * category.
 */
export const CANONICAL_DIMENSIONS: Readonly<
  Record<string, { countOf: 'Deliveries' | 'Babies'; categories: readonly string[] }>
> = {
  AgeAtBookingMotherGroup: {
    countOf: 'Deliveries',
    categories: [
      'Under 20',
      '20 to 24',
      '25 to 29',
      '30 to 34',
      '35 to 39',
      '40 to 44',
      '45 or Over',
      'Missing value / Value outside reporting parameters',
    ],
  },
  ApgarScore5TermGroup7: {
    countOf: 'Babies',
    categories: ['0 to 6', '7 to 10', 'Missing value / Value outside reporting parameters'],
  },
  BabyFirstFeedBreastMilkStatus: {
    countOf: 'Babies',
    categories: [
      'Maternal or Donor Breast Milk',
      'Not Breast Milk',
      'Missing value / Value outside reporting parameters',
    ],
  },
  BirthweightTermGroup: {
    countOf: 'Babies',
    categories: [
      'Under 1500g',
      '1500g to 1999g',
      '2000g to 2499g',
      '2500g to 2999g',
      '3000g to 3499g',
      '3500g to 3999g',
      '4000g to 4999g',
      '5000g and over',
      'Missing value / Value outside reporting parameters',
    ],
  },
  BirthweightTermGroup2500: {
    countOf: 'Babies',
    categories: ['Under 2500g', '2500g and over', 'Missing value / Value outside reporting parameters'],
  },
  ComplexSocialFactorsInd: {
    countOf: 'Deliveries',
    categories: ['N', 'Y', 'Missing value / Value outside reporting parameters'],
  },
  DeliveryMethodBabyGroup: {
    countOf: 'Deliveries',
    categories: [
      'Elective caesarean section',
      'Emergency caesarean section',
      'Instrumental',
      'Missing value / Value outside reporting parameters',
      'Other',
      'Spontaneous',
    ],
  },
  DeprivationDecileAtBooking: {
    countOf: 'Deliveries',
    categories: [
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '01 - Most deprived',
      '10 - Least deprived',
      'Pseudo postcode recorded (includes no fixed abode or resident overseas)',
      'Resident Elsewhere in UK, Channel Islands or Isle of Man',
      'Missing value / Value outside reporting parameters',
    ],
  },
  EthnicCategoryMotherGroup: {
    countOf: 'Deliveries',
    categories: [
      'Any other ethnic group',
      'Asian or Asian British',
      'Black or Black British',
      'Mixed',
      'Not known',
      'Not Stated',
      'White',
      'Missing value / Value outside reporting parameters',
    ],
  },
  FolicAcidSupplement: {
    countOf: 'Deliveries',
    categories: [
      'Has been taking prior to becoming pregnant',
      'Not Stated (Person asked but declined to provide a response)',
      'Not taking folic acid supplement',
      'Started taking once pregnancy confirmed',
      'Missing value / Value outside reporting parameters',
    ],
  },
  GestAgeFormalAntenatalBookingGroup: {
    countOf: 'Deliveries',
    categories: [
      '0 to 70 days',
      '141+ days',
      '71 to 90 days',
      '91 to 140 days',
      'Missing value / Value outside reporting parameters',
    ],
  },
  GestationLengthBirth: {
    countOf: 'Babies',
    categories: [
      '27 weeks and under',
      '28 to 31 weeks',
      '32 to 33 weeks',
      '34 to 36 weeks',
      '37 weeks',
      '38 weeks',
      '39 weeks',
      '40 weeks',
      '41 weeks',
      '42 weeks',
      '43 weeks and over',
      'Missing value / Value outside reporting parameters',
    ],
  },
  GestationLengthBirthGroup37: {
    countOf: 'Babies',
    categories: ['<37 weeks', '>=37 weeks', 'Missing value / Value outside reporting parameters'],
  },
  OnsetOfLabour: {
    countOf: 'Deliveries',
    categories: [
      'Caesarean Section',
      'Medical induction',
      'Not known',
      'Spontaneous',
      'Surgical and medical induction',
      'Surgical induction',
      'Missing value / Value outside reporting parameters',
    ],
  },
  PlaceTypeActualDeliveryMidwifery: {
    countOf: 'Babies',
    categories: [
      'Home (NHS care)',
      'Home (private care)',
      'In transit (with NHS ambulance services)',
      'In transit (with private ambulance services)',
      'In transit (without healthcare services present)',
      'Maternity assessment or triage unit/ area',
      'NHS Alongside midwifery unit',
      'NHS Freestanding midwifery unit (FMU)',
      'NHS Obstetric unit (including theatre)',
      'NHS ward/health care setting without delivery facilities',
      'Non-domestic and non-health care setting',
      'Not known (not recorded)',
      'Other (not listed)',
      'Private hospital',
      'Missing value / Value outside reporting parameters',
    ],
  },
  PreviousCaesareanSectionsGroup: {
    countOf: 'Deliveries',
    categories: [
      'At least one Caesarean',
      'At least one Previous Birth, zero Caesareans',
      'Zero Previous Births',
      'Missing value / Value outside reporting parameters',
    ],
  },
  PreviousLiveBirthsGroup: {
    countOf: 'Deliveries',
    categories: [
      '1',
      '2',
      '3',
      '4',
      '5+',
      'No previous live births',
      'Missing value / Value outside reporting parameters',
    ],
  },
  SkinToSkinContact1HourTerm: {
    countOf: 'Babies',
    categories: ['No', 'Yes', 'Missing value / Value outside reporting parameters'],
  },
  SmokingStatusGroupBooking: {
    countOf: 'Deliveries',
    categories: ['Non-Smoker / Ex-Smoker', 'Smoker', 'Missing value / Value outside reporting parameters'],
  },
  TotalBabies: { countOf: 'Babies', categories: [''] },
  TotalDeliveries: { countOf: 'Deliveries', categories: [''] },
};

/**
 * NHS England region names as the 2021-22 file spells them, by region code (other years write
 * "London" or "NHS England London").
 */
export const CANONICAL_REGION_NAMES: Readonly<Record<string, string>> = {
  Y56: 'LONDON COMMISSIONING REGION',
  Y58: 'SOUTH WEST COMMISSIONING REGION',
  Y59: 'SOUTH EAST COMMISSIONING REGION',
  Y60: 'MIDLANDS COMMISSIONING REGION',
  Y61: 'EAST OF ENGLAND COMMISSIONING REGION',
  Y62: 'NORTH WEST COMMISSIONING REGION',
  Y63: 'NORTH EAST AND YORKSHIRE COMMISSIONING REGION',
};

/** The canonical label for missing or out-of-range values (2021-22 spelling). */
export const MISSING_LABEL = 'Missing value / Value outside reporting parameters';
