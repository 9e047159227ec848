/**
 * @maternity-qi/network-data: the network's data model. This entry point is browser-safe (no
 * Node built-ins); file system, CLI and DuckDB helpers live under `@maternity-qi/network-data/node`.
 */

export type { ArrowColumnKind } from './arrow/arrow-columns.js';
export {
  dateVector,
  dictionaryVector,
  int32Vector,
  rowsToArrowColumns,
  utcDays,
} from './arrow/arrow-columns.js';
export type { TableColumns } from './arrow/network-table-columns.js';
export { networkTableColumns } from './arrow/network-table-columns.js';
export type { SubmissionDictionaries } from './arrow/submission-arrow.js';
export { submissionColumnsToArrow, submissionDictionaries } from './arrow/submission-arrow.js';
export type { CsvReadResult, CsvRecord, CsvSyntaxProblem } from './csv/read-csv.js';
export { readCsv } from './csv/read-csv.js';
export { csvField, toCsv } from './csv/write-csv.js';
export type { DenominatorModel, MeasureModel } from './generator/base-rates.js';
export {
  BABIES_PER_MATERNITY,
  BOOKINGS_PER_BIRTH,
  GDM_ELIGIBLE_SHARE,
  MEASURE_MODELS,
} from './generator/base-rates.js';
export { binomial, invLogit, logit, normal, poisson } from './generator/distributions.js';
export type { Level1Mix, WithinGroupShares } from './generator/ethnic-mix.js';
export { codeShares, DEFAULT_WITHIN_GROUP, LEVEL1_OF_CODE, LONDON_WHITE } from './generator/ethnic-mix.js';
export type { DemoNetwork, DemoNetworkOptions, SubmissionLogEntry } from './generator/generate-network.js';
export { DEMO_SEED, DEMO_UNTIDINESS, generateDemoNetwork } from './generator/generate-network.js';
export type { NationalNetworkOptions, NationalProvider } from './generator/national-network.js';
export { generateNationalNetwork } from './generator/national-network.js';
export type { Prng } from './generator/prng.js';
export { createPrng } from './generator/prng.js';
export type { ImprovementStory, QiTables } from './generator/qi-stories.js';
export { DEMO_STORIES, qiTablesFromStories } from './generator/qi-stories.js';
export type { SimulateSiteOptions, SiteModel, SiteUntidiness } from './generator/simulate-site.js';
export { simulateSite } from './generator/simulate-site.js';
export type { SubmissionColumns } from './generator/submission-columns.js';
export { emptySubmissionColumns, submissionColumnsToRows } from './generator/submission-columns.js';
export type { ParsedTable } from './loaders/parse-table.js';
export { parseTable } from './loaders/parse-table.js';
export type { ReferenceTables, ReferenceTableTexts } from './loaders/reference-tables.js';
export { parseReferenceTables, ReferenceTableError } from './loaders/reference-tables.js';
export * from './msds-import/index.js';
export * from './schema/ethnic-category.js';
export * from './schema/measure.js';
export * from './schema/period.js';
export * from './schema/qi-activity.js';
export * from './schema/region.js';
export * from './schema/site.js';
export * from './schema/submission-row.js';
export type { TemplateOptions } from './submission/submission-template.js';
export { buildSubmissionTemplate } from './submission/submission-template.js';
export type { AppliedSubmission } from './validation/apply-submission.js';
export { applySubmission, latestVersions } from './validation/apply-submission.js';
export { checkCategorySums } from './validation/category-sums.js';
export type { DataProblem, SubmissionRule } from './validation/problem.js';
export { formatProblem, SUBMISSION_RULES } from './validation/problem.js';
export type {
  ReferenceTablesLike,
  SubmissionContext,
  SubmissionContextOptions,
} from './validation/submission-context.js';
export { createSubmissionContext } from './validation/submission-context.js';
export type {
  RejectedSubmission,
  SubmissionValidation,
  ValidSubmission,
} from './validation/validate-submission.js';
export { validateSubmission } from './validation/validate-submission.js';
