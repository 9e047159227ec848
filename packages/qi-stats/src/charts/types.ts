/**
 * Public shapes of `controlChart`: the contract in
 * shared/spec/qi-stats-api.d.ts, kept name for name, plus the fields that say
 * *why* a point or a part signals (qicharts2 only flags; it never says where
 * the long run is — its issue #26). Positions are 1-based subgroup positions,
 * as in qicharts2's `part`, `freeze` and `exclude` arguments.
 */

/** Chart types of qicharts2 0.8.1 `qic(chart = ...)`; 'pp' is Laney's p′ and 'up' Laney's u′. */
export type ChartType = 'run' | 'i' | 'mr' | 'xbar' | 's' | 't' | 'p' | 'pp' | 'c' | 'u' | 'up' | 'g';

/** Runs-analysis rule set: Anhøj's (default) or the best box / cut box of Anhøj & Wentzel-Larsen 2020. */
export type RunsMethod = 'anhoej' | 'bestbox' | 'cutbox';

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
  method?: RunsMethod;
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

/** Where a part's longest run lies: 1-based subgroup positions of its first and last point, and its side of the centre line. */
export interface LongestRunLocation {
  /** Position of the run's first point. */
  start: number;
  /** Position of the run's last point. Points on the centre line, missing or excluded points inside [start, end] are skipped, not counted. */
  end: number;
  /** Above or below the centre line. */
  side: 'above' | 'below';
  /** Number of points in the run (= the part's `longestRun`). */
  length: number;
}

/**
 * Why a part's runs analysis signals: 'long-run' (the longest run is longer
 * than the method allows), 'few-crossings' (the line is crossed fewer times
 * than the method allows), 'borderline' (cut box only: inside the best box
 * but in a cell the cut box removes).
 */
export type RunsSignalReason = 'long-run' | 'few-crossings' | 'borderline';

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
  /** 1-based positions of the part's first and last subgroup. */
  start: number;
  end: number;
  /** The rule set actually applied (best box and cut box fall back to 'anhoej' outside 10–100 useful points, as qicharts2 does). */
  runsMethod: RunsMethod;
  /** Why `runsSignal` is true; empty when it is false. */
  runsSignalReasons: RunsSignalReason[];
  /** The first longest run (ties: the earliest); null without useful observations. Computed for MR charts too, though they never signal. */
  longestRunAt: LongestRunLocation | null;
}

/** Which points and parts signal, by 1-based position, so a caller can say why without re-deriving it. */
export interface ControlChartSignals {
  /** Points above the upper or below the lower 3-sigma limit (same as `sigmaSignal`). */
  outsideLimits: number[];
  /** Points above the upper 3-sigma limit. */
  aboveUpperLimit: number[];
  /** Points below the lower 3-sigma limit. */
  belowLowerLimit: number[];
  /** Parts (1-based part numbers) whose runs analysis signals. */
  runsSignalParts: number[];
}

export interface ControlChartResult {
  chart: ChartType;
  points: ControlChartPoint[];
  parts: ControlChartPart[];
  /** Every signal and where it is. */
  signals: ControlChartSignals;
}

/**
 * Which entries of each number column of `ControlChartColumns` hold a value:
 * 1 where the value is defined (the point's field would be a number), 0
 * where it is missing (the point's field would be null; the value column
 * holds 0 there, never NaN).
 */
export interface ControlChartColumnsDefined {
  y: Uint8Array<ArrayBuffer>;
  n: Uint8Array<ArrayBuffer>;
  cl: Uint8Array<ArrayBuffer>;
  lcl: Uint8Array<ArrayBuffer>;
  ucl: Uint8Array<ArrayBuffer>;
  lcl95: Uint8Array<ArrayBuffer>;
  ucl95: Uint8Array<ArrayBuffer>;
}

/**
 * The result of `controlChartColumns`: `controlChart`'s points as columns,
 * one entry per subgroup, in subgroup order — `columns.ucl[k]` is
 * `points[k].ucl` — with the same `parts` and `signals`.
 *
 * Missing values: a number column never holds NaN or Infinity. Where a point's
 * field would be null, the column holds 0 and its mask in `defined` holds 0;
 * so read `defined.ucl[k] === 1 ? ucl[k] : null`. Flags are 0 or 1.
 */
export interface ControlChartColumns {
  chart: ChartType;
  /** Number of subgroups (points): the length of every column. */
  length: number;
  /** Subgroup keys (`points[k].x`). A fresh array, never the one passed as `x`. */
  x: ReadonlyArray<string | number>;
  /** Plotted values (`points[k].y`); 0 where `defined.y[k]` is 0. */
  y: Float64Array<ArrayBuffer>;
  /** Denominators (`points[k].n`); 0 where `defined.n[k]` is 0. */
  n: Float64Array<ArrayBuffer>;
  /** Centre line; 0 where `defined.cl[k]` is 0. */
  cl: Float64Array<ArrayBuffer>;
  /** 3-sigma limits; 0 where undefined. */
  lcl: Float64Array<ArrayBuffer>;
  ucl: Float64Array<ArrayBuffer>;
  /** 2-sigma limits; 0 where undefined. */
  lcl95: Float64Array<ArrayBuffer>;
  ucl95: Float64Array<ArrayBuffer>;
  /** 1 where the number column of the same name holds a value, 0 where the point's field would be null. */
  defined: ControlChartColumnsDefined;
  /** 1-based part number of each point. */
  part: Int32Array<ArrayBuffer>;
  /** 1 = not excluded. */
  include: Uint8Array<ArrayBuffer>;
  /** 1 = in the baseline. */
  baseline: Uint8Array<ArrayBuffer>;
  /** 1 = outside the 3-sigma limits. */
  sigmaSignal: Uint8Array<ArrayBuffer>;
  /** 1 = the point's part shows a runs signal. */
  runsSignal: Uint8Array<ArrayBuffer>;
  parts: ControlChartPart[];
  signals: ControlChartSignals;
}
