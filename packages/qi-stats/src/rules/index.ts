// Filled by the rules module; re-exported from ../index.ts.

export { anhoejLimits, anhoejSignal } from './anhoej.js';
export { BOX_MAX_N, BOX_MIN_N, type BoxBounds, bestBoxSignal, boxBounds } from './best-box.js';
export { cutBoxSignal } from './cut-box.js';
export { type IhiRunChartResult, ihiRunChart } from './ihi-run-chart.js';
export { IHI_RUNS_TABLE, ihiRunsLimits } from './ihi-runs-table.js';
export {
  type RunsAnalysis,
  type RunsAnalysisMethod,
  type RunsAnalysisReason,
  runsAnalysis,
} from './runs-analysis.js';
