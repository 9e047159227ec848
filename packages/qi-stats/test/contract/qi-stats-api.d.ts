/**
 * The public contract of the `qi-stats` package: the names and shapes that
 * every consumer (the dashboard, the server, outside developers, the
 * conformance suite) relies on. Implement exactly these; add freely, rename
 * nothing. Positions are 1-based wherever a caller names a point, as in the
 * reference tools. `null` means a missing value, never NaN.
 *
 * The expected numbers for every function here are in ../conformance/*.json,
 * produced by the reference implementations named in ../conformance/README.md.
 */

// ---------------------------------------------------------------------------
// Run charts and Shewhart control charts (reference: qicharts2 0.8.1, qic())
// ---------------------------------------------------------------------------

export type ChartType = 'run' | 'i' | 'mr' | 'xbar' | 's' | 't' | 'p' | 'pp' | 'c' | 'u' | 'up' | 'g';

export interface ControlChartInput {
  chart: ChartType;
  /** One value per observation: a count (p, pp, c, u, up), a measurement, or a time/opportunities between events (t, g). */
  y: ReadonlyArray<number | null>;
  /** Denominator per observation (p, pp, u, up; optional for run and i). */
  n?: ReadonlyArray<number | null> | null;
  /** Subgroup key per observation. Observations that share a key form one subgroup (xbar, s). Default: each observation is its own subgroup, in order. */
  x?: ReadonlyArray<string | number> | null;
  /** 1-based subgroup positions after which a new part (phase) begins; centre line, limits and runs analysis are computed per part. */
  part?: number | ReadonlyArray<number> | null;
  /** Last subgroup (1-based) of the baseline used for centre line and limits; ignored when `part` is given. */
  freeze?: number | null;
  /** 1-based subgroup positions left out of the centre line, limits and runs analysis (still plotted). */
  exclude?: number | ReadonlyArray<number> | null;
  /** Multiplies y, centre line and limits (100 for percent, 1000 for per 1,000). Default 1. */
  multiply?: number;
  /** Runs-analysis rule set. Default 'anhoej'. */
  method?: 'anhoej' | 'bestbox' | 'cutbox';
  /** Drop moving ranges >= 3.267 x their mean before the I, T, P' and U' limits (Nelson). Default true, as qicharts2 does once attached. */
  screenMovingRanges?: boolean;
}

export interface ControlChartPoint {
  x: string | number;
  /** The plotted value: count/n for p and u charts, subgroup mean for xbar, subgroup sd for s, moving range for mr (null for the first). */
  y: number | null;
  n: number | null;
  cl: number | null;
  lcl: number | null;
  ucl: number | null;
  /** 2-sigma limits. */
  lcl95: number | null;
  ucl95: number | null;
  part: number;
  include: boolean;
  baseline: boolean;
  /** Point outside the 3-sigma limits. */
  sigmaSignal: boolean;
  /** The point's part shows a runs signal (unusually long run or too few crossings). */
  runsSignal: boolean;
}

export interface ControlChartPart {
  part: number;
  nObs: number;
  /** Observations not on the centre line. */
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

export function controlChart(input: ControlChartInput): ControlChartResult;

// ---------------------------------------------------------------------------
// IHI run-chart rules (Perla, Provost & Murray 2011): shift, trend, too few or
// too many runs, astronomical point. No oracle ships these; cite the paper's
// table of run limits in the implementation and test it.
// ---------------------------------------------------------------------------

export interface IhiRunChartResult {
  median: number;
  nUseful: number;
  runs: number;
  runsLimits: { lower: number; upper: number } | null;
  /** 1-based positions of points in each signal. */
  shifts: number[][];
  trends: number[][];
  astronomical: number[];
}

export function ihiRunChart(
  values: ReadonlyArray<number | null>,
  options?: { baseline?: number },
): IhiRunChartResult;

// ---------------------------------------------------------------------------
// NHS England "Making Data Count" XmR charts (reference: NHSRplotthedots 0.2.2)
// ---------------------------------------------------------------------------

export type MdcPointType =
  | 'common_cause'
  | 'special_cause_improvement'
  | 'special_cause_concern'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low';

export type MdcAssurance = 'consistent_pass' | 'consistent_fail' | 'inconsistent';

export interface MdcInput {
  /**
   * Rule preset. 'mdc' (default): NHS England Making Data Count as in its
   * Single Chart Tool v5 (2.66 x mean moving range, no screening, shift and
   * trend of 6, two-in-three beyond 2 sigma excluding points beyond the
   * limits, improvement wins a conflict, no limits or icons under 13 points).
   * 'ptd': NHSRplotthedots 0.2.2 (shift and trend of 7, screening on, one
   * label per point by precedence). Explicit options below override a preset.
   */
  rules?: 'mdc' | 'ptd';
  shiftLength?: number;
  trendLength?: number;
  values: ReadonlyArray<number | null>;
  /** ISO dates (yyyy-mm-dd), one per value, ascending. */
  dates?: ReadonlyArray<string> | null;
  improvement: 'increase' | 'decrease' | 'neutral';
  target?: number | null;
  /** 1-based positions at which a new period (rebase group) begins. */
  rebase?: number | ReadonlyArray<number> | null;
  /** Fix the limits after this many points. */
  fixAfter?: number | null;
  /** Screen moving ranges above 3.267 x the mean moving range before computing limits ('ptd' default true, 'mdc' default false). */
  screenOutliers?: boolean;
}

export interface MdcPoint {
  value: number | null;
  rebaseGroup: number; // 0 for the first period
  mean: number;
  /** Process limits; null where the preset shows none (fewer than 13 points under 'mdc'). */
  lpl: number | null;
  upl: number | null;
  outsideLimits: boolean;
  relativeToMean: -1 | 0 | 1;
  closeToLimits: boolean;
  specialCauseFlag: boolean;
  pointType: MdcPointType;
  /** Why the point is flagged: the rules that fire on it ('outside_limits', 'shift', 'trend', 'two_in_three'). */
  rules?: string[];
}

export interface MdcGroup {
  rebaseGroup: number;
  mean: number;
  lpl: number | null;
  upl: number | null;
  n: number;
  /** The variation icon: the point type of the group's last point. */
  variation: MdcPointType;
  /** The assurance icon: only for the last group, only with a target and a direction. */
  assurance: MdcAssurance | null;
}

export function makingDataCount(input: MdcInput): { points: MdcPoint[]; groups: MdcGroup[] };

// ---------------------------------------------------------------------------
// Confidence intervals (reference: PHEindicatormethods 2.0.0; epitools)
// ---------------------------------------------------------------------------

export interface Interval {
  value: number;
  lower: number;
  upper: number;
}

/** Proportion with Wilson score interval. level default 0.95. */
export function proportionInterval(events: number, denominator: number, level?: number): Interval;

/** Rate per `multiplier`: exact Poisson interval below 10 events, Byar's method from 10. */
export function rateInterval(
  events: number,
  denominator: number,
  options?: { level?: number; multiplier?: number },
): Interval & { method: 'exact' | 'byar' };

/** Directly standardised rate with Dobson's interval. */
export function standardisedRate(
  strata: {
    events: ReadonlyArray<number>;
    denominators: ReadonlyArray<number>;
    standardPopulation: ReadonlyArray<number>;
  },
  options?: { level?: number; multiplier?: number },
): Interval;

/** Risk ratio of group b against reference a, log (Katz/Wald) interval. */
export function riskRatio(
  a: { events: number; denominator: number },
  b: { events: number; denominator: number },
  level?: number,
): Interval;

/** Rate ratio of group b against reference a, log (Wald) interval. */
export function rateRatio(
  a: { events: number; denominator: number },
  b: { events: number; denominator: number },
  level?: number,
): Interval;

// ---------------------------------------------------------------------------
// Summary measures of inequality across unordered groups such as ethnicity
// (reference: WHO HEAT technical notes and its R package healthequal 1.0.1).
// ---------------------------------------------------------------------------

export type InequalityMeasure =
  | 'd'
  | 'r'
  | 'bgv'
  | 'bgsd'
  | 'covar'
  | 'idisu'
  | 'idisw'
  | 'mdbu'
  | 'mdbw'
  | 'mdmu'
  | 'mdmw'
  | 'ti'
  | 'mld'
  | 'paf'
  | 'parisk';

export interface GroupEstimate {
  group: string;
  /** The group's estimate on the indicator's scale (e.g. per 1,000). */
  estimate: number;
  /** Standard error on the same scale; needed for intervals. */
  se?: number | null;
  population: number;
}

export interface InequalityResult {
  measure: InequalityMeasure;
  estimate: number;
  se: number | null;
  lower: number | null;
  upper: number | null;
}

export function inequality(
  groups: ReadonlyArray<GroupEstimate>,
  measure: InequalityMeasure,
  options: {
    /** Whether a lower or a higher estimate is the better outcome. */
    favourable: 'lower' | 'higher';
    /** Reference group for d and r; without one, the best and worst groups are compared. */
    reference?: string | null;
    level?: number;
    /** The indicator's scale (100 for percent, 1000 per 1,000), needed by paf and parisk. */
    scale?: number;
  },
): InequalityResult;
