import * as v from 'valibot';
import { csvBoolean, csvNumber, csvOptionalText } from './csv-coercion.js';

/**
 * NHS Data Dictionary ETHNIC CATEGORY national codes (2001 census based, "16+1"), with Z
 * ("Not stated": asked and declined) and 99 ("Not known": not asked), kept distinct as NHS Data
 * Dictionary change request CR406 (2004) intends. Source:
 * https://www.datadictionary.nhs.uk/data_elements/ethnic_category.html ; data-model.md §1.1.
 */
export const NHS_ETHNIC_CODES = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'R',
  'S',
  'Z',
  '99',
] as const;
export type NhsEthnicCode = (typeof NHS_ETHNIC_CODES)[number];

/** Level-1 reporting groups of the network (data-model.md §1.2); White is the reference. */
export const LEVEL1_GROUPS = ['WHITE', 'ASIAN', 'BLACK', 'MIXED', 'OTHER', 'UNKNOWN'] as const;
export type Level1Group = (typeof LEVEL1_GROUPS)[number];

/** The code a submission uses for the site total over every ethnic category. */
export const TOTAL_CODE = 'ALL';

/**
 * One row of the ethnic-category reference table: an NHS code, a level-1 group code, or the
 * total. `msds_group` is the label NHS Maternity Statistics (`EthnicCategoryMotherGroup`) uses,
 * spelt as in the 2021-22 file; `mbrrace_group` the MBRRACE-UK perinatal-report group.
 */
export const EthnicCategorySchema = v.object({
  code: v.pipe(v.string(), v.regex(/^([A-HJ-NPRSZ]|99|[A-Z]{2,10})$/, 'an NHS ethnic code or group code')),
  label: v.pipe(v.string(), v.minLength(1)),
  level: v.picklist(['nhs2001', 'level1', 'total']),
  level1_group: csvOptionalText,
  level2_group: csvOptionalText,
  msds_group: csvOptionalText,
  mbrrace_group: csvOptionalText,
  census2021_equivalent: csvOptionalText,
  is_reference: csvBoolean,
  is_unknown: csvBoolean,
  sort_order: v.pipe(csvNumber, v.integer()),
});
export type EthnicCategory = v.InferOutput<typeof EthnicCategorySchema>;
