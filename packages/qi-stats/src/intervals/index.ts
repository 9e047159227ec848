// Confidence intervals for one group and for a group against a reference.
// One concept per file; this barrel is the table of contents. The contract
// functions (standardisedRate, riskRatio, rateRatio) return an `Interval` or
// throw QiStatsInputError; their `...OrReason` twins return an
// `IncompleteInterval` with a reason instead, for tables that need a row
// for every group.
export { byarLimits } from './byar.js';
export {
  DSR_MIN_EVENTS,
  type StandardisationStrata,
  standardisedRate,
  standardisedRateOrReason,
} from './dobson.js';
export { exactPoissonLimits } from './exact-poisson.js';
export { type IncompleteInterval, type Interval, isCompleteInterval } from './interval.js';
export { proportionDifference } from './newcombe.js';
export { rateDifference } from './rate-difference.js';
export { BYAR_MIN_EVENTS, rateInterval } from './rate-interval.js';
export { type RateRatioOptions, rateRatio, rateRatioOrReason } from './rate-ratio.js';
export { rateRatioExactOrReason } from './rate-ratio-exact.js';
export { type GroupCount, riskRatio, riskRatioOrReason } from './risk-ratio.js';
export { proportionInterval, wilsonLimits } from './wilson.js';
