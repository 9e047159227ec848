// The charts module: run charts and Shewhart control charts (qicharts2 0.8.1).
export { controlChart } from './control-chart.js';
export type {
  ChartType,
  ControlChartInput,
  ControlChartPart,
  ControlChartPoint,
  ControlChartResult,
  ControlChartSignals,
  LongestRunLocation,
  RunsMethod,
  RunsSignalReason,
} from './types.js';
