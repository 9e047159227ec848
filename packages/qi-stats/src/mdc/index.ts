// NHS England "Making Data Count" charts; re-exported from ../index.ts.
// Only the chart functions, presets and types are public: the building blocks
// (moving range, limits, rules) stay internal so their names cannot collide
// with the qicharts2-style charts module.
export { makingDataCount } from './making-data-count.js';
export { type MdcSeries, type MdcSummaryRow, mdcSummary } from './mdc-summary.js';
export { MDC_PRESET, type MdcSettings, PTD_PRESET } from './presets.js';
export { type MdcGChartInput, mdcGChart } from './rare-event-g.js';
export { type MdcTChartInput, mdcTChart } from './rare-event-t.js';
export type {
  MdcAssurance,
  MdcGroup,
  MdcImprovement,
  MdcInput,
  MdcPoint,
  MdcPointType,
  MdcResult,
  MdcRule,
  MdcVariationIcon,
} from './types.js';
