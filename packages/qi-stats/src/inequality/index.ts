// Summary measures of inequality across unordered groups (WHO HEAT).
// One measure per file; `inequality` is the entry point (it throws where a
// measure is undefined; `inequalityOrReason` returns the reason instead).
export { quantileType7, seededNormal, seededRandom } from './bootstrap.js';
export {
  DEFAULT_SEED,
  DEFAULT_SIMULATIONS,
  inequality,
  inequalityOrReason,
  inequalitySummary,
} from './inequality.js';
export {
  type GroupEstimate,
  INEQUALITY_MEASURES,
  type InequalityIntervalMethod,
  type InequalityMeasure,
  type InequalityOptions,
  type InequalityResult,
  type InequalityUnavailable,
  type InequalityUnavailableRule,
} from './types.js';
