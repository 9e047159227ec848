/**
 * qi-stats: statistics for healthcare quality improvement. Pure functions,
 * no I/O; runs in Node and browsers. The public contract is
 * shared/spec/qi-stats-api.d.ts: names and shapes there are kept exactly.
 */
export * from './charts/index.js';
export * from './disparity/index.js';
export { QiStatsInputError } from './errors.js';
export * from './inequality/index.js';
export * from './intervals/index.js';
export * from './mdc/index.js';
export * from './rules/index.js';
export * from './suppression/index.js';
