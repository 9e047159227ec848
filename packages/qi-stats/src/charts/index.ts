// The charts module: run charts and Shewhart control charts (qicharts2 0.8.1).
export { controlChart } from './control-chart.js';
export { controlChartColumns } from './control-chart-columns.js';
export type {
  ChartType,
  ControlChartColumns,
  ControlChartColumnsDefined,
  ControlChartInput,
  ControlChartPart,
  ControlChartPoint,
  ControlChartResult,
  ControlChartSignals,
  LongestRunLocation,
  RunsMethod,
  RunsSignalReason,
} from './types.js';
