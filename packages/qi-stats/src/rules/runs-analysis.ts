import { anhoejLimits, anhoejSignal } from './anhoej.js';
import { bestBoxSignal } from './best-box.js';
import { cutBoxSignal } from './cut-box.js';

/** Runs-analysis rule set. */
export type RunsAnalysisMethod = 'anhoej' | 'bestbox' | 'cutbox';

/** Why a runs analysis signals. */
export type RunsAnalysisReason = 'long-run' | 'few-crossings' | 'borderline';

/** The outcome of a runs analysis of one series (one part of a chart). */
export interface RunsAnalysis {
  /** Observations analysed, including missing ones and ones on the centre line. */
  nObs: number;
  /** Observations neither missing nor on the centre line. */
  nUseful: number;
  longestRun: number | null;
  /** Anhøj's limit round(log2(nUseful)) + 3, reported whatever the method (as qicharts2 does). */
  longestRunMax: number | null;
  crossings: number | null;
  /** Anhøj's limit qbinom(0.05, nUseful − 1, ½), reported whatever the method. */
  crossingsMin: number | null;
  runsSignal: boolean;
  /** The method actually applied: best/cut box fall back to 'anhoej' outside 10–100 useful observations. */
  method: RunsAnalysisMethod;
  reasons: RunsAnalysisReason[];
  /** The first longest run, by the positions given (default 1-based index). */
  longestRunAt: { start: number; end: number; side: 'above' | 'below'; length: number } | null;
}

/**
 * Runs analysis of a series against its centre line (Anhøj rules, or the
 * best box / cut box). Exactly qicharts2 0.8.1 `runs.analysis()`:
 *
 * 1. the side of each point, sign(y − cl); points ON the centre line and
 *    missing points are dropped, so they neither break nor extend a run;
 * 2. runs are maximal blocks of the same side (R `rle`); crossings = runs − 1;
 * 3. signal per `method` (see anhoej.ts, best-box.ts, cut-box.ts).
 *
 * Unlike qicharts2 it also reports where the longest run is (the earliest
 * one when several are equally long) and which rule fired.
 *
 * O(n), in one pass that keeps no per-point arrays (charts of a million
 * points come through here). `values`, `centre` and `positions` are
 * parallel; pass only the points that take part (qicharts2 leaves excluded
 * points out). Without `positions`, value k is at position
 * `firstPosition + k` (default 1).
 *
 * Reference: Anhøj & Olesen 2014, PLoS ONE 9(11):e113825; qicharts2 0.8.1
 * R/helper.functions.R `runs.analysis()`.
 *
 * @example
 * const result = runsAnalysis([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 6.5);
 * result.longestRun;    // 6
 * result.crossings;     // 1
 * result.runsSignal;    // true (1 crossing < 3)
 * result.longestRunAt;  // { start: 1, end: 6, side: 'below', length: 6 }
 */
export function runsAnalysis(
  values: ReadonlyArray<number | null>,
  centre: number | null | ReadonlyArray<number | null>,
  options: { method?: RunsAnalysisMethod; positions?: ReadonlyArray<number>; firstPosition?: number } = {},
): RunsAnalysis {
  const method = options.method ?? 'anhoej';
  const positions = options.positions;
  const firstPosition = options.firstPosition ?? 1;
  // A constant centre line (every chart here) is read once, not per point.
  const centres = typeof centre === 'number' || centre === null ? null : centre;
  const constant = centres === null ? (centre as number | null) : null;

  const nObs = values.length;
  let nUseful = 0;
  // Runs are closed as the side changes: count them and keep the first longest (strictly longer wins).
  let runs = 0;
  let side = 0;
  let runLength = 0;
  let runStart = 0;
  let lastPosition = 0;
  let longestRun = 0;
  let longestStart = 0;
  let longestEnd = 0;
  let longestSide = 0;
  for (let index = 0; index < nObs; index++) {
    const value = values[index] as number | null;
    const cl = centres === null ? constant : (centres[index] ?? null);
    if (value === null || cl === null || Number.isNaN(value) || Number.isNaN(cl)) continue;
    const pointSide = Math.sign(value - cl);
    if (pointSide === 0 || Number.isNaN(pointSide)) continue;
    const position = positions?.[index] ?? firstPosition + index;
    nUseful += 1;
    if (pointSide !== side) {
      if (runLength > longestRun) {
        longestRun = runLength;
        longestStart = runStart;
        longestEnd = lastPosition;
        longestSide = side;
      }
      if (runLength > 0) runs += 1;
      side = pointSide;
      runLength = 0;
      runStart = position;
    }
    runLength += 1;
    lastPosition = position;
  }

  if (nUseful === 0) {
    return {
      nObs,
      nUseful,
      longestRun: null,
      longestRunMax: null,
      crossings: null,
      crossingsMin: null,
      runsSignal: false,
      method,
      reasons: [],
      longestRunAt: null,
    };
  }
  // Close the last run.
  runs += 1;
  if (runLength > longestRun) {
    longestRun = runLength;
    longestStart = runStart;
    longestEnd = lastPosition;
    longestSide = side;
  }
  const crossings = Math.max(runs - 1, 0);
  const { longestRunMax, crossingsMin } = anhoejLimits(nUseful);
  const counts = { nUseful, crossings, longestRun };

  let applied: RunsAnalysisMethod = method;
  let reasons: RunsAnalysisReason[] | null = null;
  if (method === 'bestbox') reasons = bestBoxSignal(counts);
  else if (method === 'cutbox') reasons = cutBoxSignal(counts);
  if (reasons === null) {
    // qicharts2: "Best box and cut box computations only available for n
    // between 10 and 100. Using method = 'anhoej'".
    applied = 'anhoej';
    reasons = anhoejSignal(counts);
  }

  return {
    nObs,
    nUseful,
    longestRun,
    longestRunMax,
    crossings,
    crossingsMin,
    runsSignal: reasons.length > 0,
    method: applied,
    reasons,
    longestRunAt: {
      start: longestStart,
      end: longestEnd,
      side: longestSide > 0 ? 'above' : 'below',
      length: longestRun,
    },
  };
}
