// Disparity between ethnic groups: per-group tables against a reference,
// pooling, rolling windows, gaps over time and funnel limits.
export {
  type DisparityGroup,
  type DisparityTable,
  type DisparityTableOptions,
  disparityTable,
} from './disparity-table.js';
export { isUnknownEthnicity, UNKNOWN_ETHNICITY_CODES } from './ethnicity.js';
export {
  type FunnelLimitsAt,
  type FunnelOptions,
  type FunnelPoint,
  type FunnelPointResult,
  type FunnelSignificance,
  funnelLimits,
} from './funnel-limits.js';
export {
  type GapOverTimeOptions,
  type GapPoint,
  gapOverTime,
  type PeriodGroupCount,
} from './gap-over-time.js';
export type {
  Comparison,
  ComparisonCategory,
  CountStatistic,
  EstimateWithLimits,
  LevelLimits,
} from './group-comparison.js';
export { type CountRow, type PooledCount, poolCounts } from './pool-counts.js';
export { type PeriodCount, type RollingSum, rollingSums } from './rolling-sums.js';
