/**
 * The shapes the charts draw, copied from the qi-stats public contract
 * (shared/spec/qi-stats-api.d.ts, 2026-11-26). Chart props are typed by the
 * contract rather than by the package's own (richer) types so that the charts
 * depend only on what qi-stats promises never to rename; the package's results
 * add fields (positions, dates, two-sigma lines) and are assignable to these.
 */

export type ChartType = 'run' | 'i' | 'mr' | 'xbar' | 's' | 't' | 'p' | 'pp' | 'c' | 'u' | 'up' | 'g';

export interface ControlChartPoint {
  x: string | number;
  y: number | null;
  n: number | null;
  cl: number | null;
  lcl: number | null;
  ucl: number | null;
  lcl95: number | null;
  ucl95: number | null;
  part: number;
  include: boolean;
  baseline: boolean;
  sigmaSignal: boolean;
  runsSignal: boolean;
}

export interface ControlChartPart {
  part: number;
  nObs: number;
  nUseful: number;
  longestRun: number | null;
  longestRunMax: number | null;
  crossings: number | null;
  crossingsMin: number | null;
  runsSignal: boolean;
}

export interface ControlChartResult {
  chart: ChartType;
  points: ControlChartPoint[];
  parts: ControlChartPart[];
}

export type MdcPointType =
  | 'common_cause'
  | 'special_cause_improvement'
  | 'special_cause_concern'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low';

export type MdcAssurance = 'consistent_pass' | 'consistent_fail' | 'inconsistent';

export interface MdcPoint {
  value: number | null;
  rebaseGroup: number;
  mean: number;
  lpl: number | null;
  upl: number | null;
  outsideLimits: boolean;
  relativeToMean: -1 | 0 | 1;
  closeToLimits: boolean;
  specialCauseFlag: boolean;
  pointType: MdcPointType;
  rules?: string[];
}

export interface MdcGroup {
  rebaseGroup: number;
  mean: number;
  lpl: number | null;
  upl: number | null;
  n: number;
  variation: MdcPointType;
  assurance: MdcAssurance | null;
}

/** What `makingDataCount()` returns. */
export interface MdcResult {
  points: MdcPoint[];
  groups: MdcGroup[];
}

export interface Interval {
  value: number;
  lower: number;
  upper: number;
}
