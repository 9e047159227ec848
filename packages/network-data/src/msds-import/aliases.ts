/**
 * Names that other years of NHS Maternity Statistics use for the 2021-22 columns, dimensions,
 * organisation levels and labels (data-model.md §7: lower-case or other header names, upper-case
 * and renamed dimensions, drifting labels; monthly-file variants seen in ThomUK/MSDSpipeline's
 * cleaning code: "Org Level", "Final_value", "Trust", "Region"). Keys are compared
 * lower-case with every non-alphanumeric character removed (`headerKey`).
 */

/**
 * A key for header, dimension and organisation-level names: lower case, letters and digits only.
 *
 * @example
 * ```ts
 * headerKey('\uFEFFOrg Level'); // => 'orglevel'
 * headerKey('ETHNIC_CATEGORY_MOTHER_GROUP'); // => 'ethniccategorymothergroup'
 * ```
 */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Canonical output columns of msds.csv. */
export const MSDS_COLUMNS = [
  'period',
  'org_level',
  'org_code',
  'org_name',
  'dimension',
  'category',
  'count_of',
  'value',
] as const;
export type MsdsColumn = (typeof MSDS_COLUMNS)[number];

/** Header names (as `headerKey`) for each canonical column. */
export const HEADER_ALIASES: Readonly<Record<MsdsColumn, readonly string[]>> = {
  period: ['period', 'reportingperiod', 'year', 'financialyear', 'reportingyear', 'fyear'],
  org_level: ['orglevel', 'organisationlevel', 'organizationlevel', 'level', 'geographylevel'],
  org_code: ['orgcode', 'organisationcode', 'organizationcode', 'providercode', 'code'],
  org_name: ['orgname', 'organisationname', 'organizationname', 'providername', 'name'],
  dimension: ['dimension', 'breakdown', 'dimensionname'],
  category: ['measure', 'category', 'measurevalue', 'breakdownvalue', 'dimensionvalue'],
  count_of: ['countof', 'currency', 'unit'],
  value: ['value', 'finalvalue', 'count', 'roundedvalue', 'total'],
};

/** Organisation levels (as `headerKey`) kept in the canonical output. */
export const ORG_LEVEL_ALIASES: Readonly<Record<string, 'national' | 'region' | 'provider'>> = {
  national: 'national',
  england: 'national',
  allsubmitters: 'national',
  nhsenglandregion: 'region',
  nhsenglandregions: 'region',
  region: 'region',
  commissioningregion: 'region',
  nhsenglandregionlocalofficelevel: 'region',
  provider: 'provider',
  trust: 'provider',
  providertrust: 'provider',
  nhstrust: 'provider',
};

/** Dimension names of other years (as `headerKey`) → 2021-22 name. Canonical names map to themselves automatically. */
export const DIMENSION_ALIASES: Readonly<Record<string, string>> = {
  ageatbookingmother: 'AgeAtBookingMotherGroup',
  ageatbooking: 'AgeAtBookingMotherGroup',
  motherageatbooking: 'AgeAtBookingMotherGroup',
  apgarscore5termgroup: 'ApgarScore5TermGroup7',
  apgarscore5term: 'ApgarScore5TermGroup7',
  apgarscoreat5minutes: 'ApgarScore5TermGroup7',
  babyfirstfeedbreastmilk: 'BabyFirstFeedBreastMilkStatus',
  babyfirstfeed: 'BabyFirstFeedBreastMilkStatus',
  firstfeedbreastmilk: 'BabyFirstFeedBreastMilkStatus',
  birthweighttermgroup1: 'BirthweightTermGroup',
  birthweightterm: 'BirthweightTermGroup',
  birthweightterm2500: 'BirthweightTermGroup2500',
  complexsocialfactors: 'ComplexSocialFactorsInd',
  complexsocialfactorsindicator: 'ComplexSocialFactorsInd',
  deliverymethodbaby: 'DeliveryMethodBabyGroup',
  deliverymethod: 'DeliveryMethodBabyGroup',
  deliverymethodgroup: 'DeliveryMethodBabyGroup',
  deprivationdecile: 'DeprivationDecileAtBooking',
  deprivationdecileatbookinggroup: 'DeprivationDecileAtBooking',
  imddecileatbooking: 'DeprivationDecileAtBooking',
  ethniccategorymother: 'EthnicCategoryMotherGroup',
  ethniccategory: 'EthnicCategoryMotherGroup',
  ethnicitymother: 'EthnicCategoryMotherGroup',
  ethnicity: 'EthnicCategoryMotherGroup',
  folicacid: 'FolicAcidSupplement',
  folicacidsupplementstatus: 'FolicAcidSupplement',
  gestageformalantenatalbooking: 'GestAgeFormalAntenatalBookingGroup',
  gestationatbooking: 'GestAgeFormalAntenatalBookingGroup',
  gestationalageatbooking: 'GestAgeFormalAntenatalBookingGroup',
  gestationlengthbirthgroup: 'GestationLengthBirth',
  gestationatbirth: 'GestationLengthBirth',
  gestationlengthbirth37: 'GestationLengthBirthGroup37',
  gestationlengthgroup37: 'GestationLengthBirthGroup37',
  onsetlabour: 'OnsetOfLabour',
  labouronset: 'OnsetOfLabour',
  onsetoflabourmethod: 'OnsetOfLabour',
  placetypeactualdelivery: 'PlaceTypeActualDeliveryMidwifery',
  placeofdelivery: 'PlaceTypeActualDeliveryMidwifery',
  previouscaesareansections: 'PreviousCaesareanSectionsGroup',
  previouscaesareansection: 'PreviousCaesareanSectionsGroup',
  previouslivebirths: 'PreviousLiveBirthsGroup',
  skintoskincontact1hour: 'SkinToSkinContact1HourTerm',
  skintoskincontact: 'SkinToSkinContact1HourTerm',
  skintoskin: 'SkinToSkinContact1HourTerm',
  smokingstatusbooking: 'SmokingStatusGroupBooking',
  smokingstatusatbooking: 'SmokingStatusGroupBooking',
  smokingatbooking: 'SmokingStatusGroupBooking',
  totaldelivery: 'TotalDeliveries',
  deliveriestotal: 'TotalDeliveries',
  totalbaby: 'TotalBabies',
  babiestotal: 'TotalBabies',
};

/**
 * Label synonyms per dimension (keys as `labelKey` gives them) → 2021-22 label, for wordings
 * that normalisation alone cannot match.
 */
export const LABEL_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  EthnicCategoryMotherGroup: {
    'other ethnic group': 'Any other ethnic group',
    'other ethnic groups': 'Any other ethnic group',
    other: 'Any other ethnic group',
    'chinese or other ethnic group': 'Any other ethnic group',
    'any other ethnic group including chinese': 'Any other ethnic group',
    asian: 'Asian or Asian British',
    'asian/asian british': 'Asian or Asian British',
    black: 'Black or Black British',
    'black/african/caribbean/black british': 'Black or Black British',
    'black/black british': 'Black or Black British',
    'mixed/multiple ethnic groups': 'Mixed',
    'mixed or multiple ethnic groups': 'Mixed',
    'mixed/multiple': 'Mixed',
    unknown: 'Not known',
    'not recorded': 'Not known',
    'not stated/declined': 'Not Stated',
  },
  ComplexSocialFactorsInd: { no: 'N', yes: 'Y' },
  SkinToSkinContact1HourTerm: { n: 'No', y: 'Yes' },
  SmokingStatusGroupBooking: {
    'non smoker': 'Non-Smoker / Ex-Smoker',
    'non smoker or ex smoker': 'Non-Smoker / Ex-Smoker',
    'non or ex smoker': 'Non-Smoker / Ex-Smoker',
    'current smoker': 'Smoker',
  },
  BabyFirstFeedBreastMilkStatus: {
    'breast milk': 'Maternal or Donor Breast Milk',
    'maternal or donor breastmilk': 'Maternal or Donor Breast Milk',
    'not breastmilk': 'Not Breast Milk',
    'other than breast milk': 'Not Breast Milk',
  },
  DeliveryMethodBabyGroup: {
    'spontaneous vaginal': 'Spontaneous',
    'instrumental vaginal': 'Instrumental',
    'elective caesarean': 'Elective caesarean section',
    'emergency caesarean': 'Emergency caesarean section',
    'elective cesarean section': 'Elective caesarean section',
    'emergency cesarean section': 'Emergency caesarean section',
  },
  GestationLengthBirthGroup37: { preterm: '<37 weeks', term: '>=37 weeks' },
  PreviousLiveBirthsGroup: { '0': 'No previous live births', none: 'No previous live births' },
};
