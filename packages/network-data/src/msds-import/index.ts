export type { MsdsColumn } from './aliases.js';
export {
  DIMENSION_ALIASES,
  HEADER_ALIASES,
  headerKey,
  LABEL_ALIASES,
  MSDS_COLUMNS,
  ORG_LEVEL_ALIASES,
} from './aliases.js';
export { CANONICAL_DIMENSIONS, CANONICAL_REGION_NAMES, MISSING_LABEL } from './canonical-dimensions.js';
export type {
  MsdsImportResult,
  MsdsMergedRow,
  MsdsRow,
  MsdsUnmappedLine,
  MsdsUnmappedRule,
} from './import-msds.js';
export {
  importMsds,
  MsdsImportError,
  mapCategory,
  mapDimension,
  normaliseMsdsPeriod,
} from './import-msds.js';
export { formatMsdsImportReport } from './import-report.js';
export type { Band } from './label-key.js';
export { bandOf, labelKey } from './label-key.js';
export type { ProviderEthnicMix } from './provider-ethnic-mix.js';
export { deriveProviderEthnicMix, MSDS_ETHNIC_GROUP_TO_LEVEL1 } from './provider-ethnic-mix.js';
export type { MsdsMeasureRecipe, ProviderRate } from './provider-rates.js';
export { deriveProviderRates, MSDS_MEASURE_RECIPES } from './provider-rates.js';
