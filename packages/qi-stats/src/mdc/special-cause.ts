import { conflictSide } from './classify-point.js';
import { markShift } from './rules/shift.js';
import { markTrend } from './rules/trend.js';
import { markTwoInThree } from './rules/two-in-three.js';
import type { MdcImprovement } from './types.js';

/** Bits of `SpecialCauses.rules`, one per rule. */
export const RULE_OUTSIDE_LIMITS = 1;
export const RULE_SHIFT = 2;
export const RULE_TREND = 4;
export const RULE_TWO_IN_THREE = 8;

/** The lines of one period of a chart; NaN where a line is not drawn. */
export interface PeriodLines {
  /** 0-based [start, end) of the period. */
  start: number;
  end: number;
  centre: number;
  upl: number;
  lpl: number;
  upperTwoSigma: number;
  lowerTwoSigma: number;
}

/** A chart to judge: its values (null = missing) and its periods in order, covering every position. */
export interface ChartLines {
  values: ReadonlyArray<number | null>;
  periods: ReadonlyArray<PeriodLines>;
}

export interface SpecialCauseOptions {
  shiftLength: number;
  trendLength: number;
  /** Let shift, trend and two-in-three run across a period boundary. */
  crossGroups: boolean;
  conflict: 'improvement-wins' | 'precedence';
  improvement: MdcImprovement;
  /** False: report positions against the lines but apply no rule (too few points). */
  evaluate: boolean;
}

/** Per position: what the rules found. Missing values get zeros. */
export interface SpecialCauses {
  /** Bit set of the rules that fire (RULE_*). */
  rules: Uint8Array;
  /** Side the point's special cause points to after conflict handling: 1 high, −1 low, 0 none. */
  side: Int8Array;
  relativeToMean: Int8Array;
  outsideLimits: Uint8Array;
  closeToLimits: Uint8Array;
}

/**
 * Applies the four MDC special-cause rules — a point beyond a process limit,
 * a shift, a trend, two in three beyond two sigma — to a chart whose lines
 * are already drawn, and decides which way each flagged point points.
 *
 * Missing values are taken out first and the rules run over the observed
 * values in order, so a gap neither breaks nor extends a run and a missing
 * value is never flagged. This is what MDC asks analysts to do with an
 * empty date ("the dates … must be manually entered to ensure empty dates
 * are skipped", MDC-DOC "Gaps") and what qicharts2 does (NA dropped before
 * the runs analysis); it avoids the spurious flags NHSRplotthedots 0.2.2
 * gives next to an NA (issue #156, open).
 *
 * Each point is judged against its own period's mean and lines. With
 * `crossGroups` the run rules then look across period boundaries, as MDC's
 * Single Chart Tool v5 does ("Special cause crossing recalculations");
 * without, each period stands alone (NHSRplotthedots `group_by(rebase_group)`).
 *
 * Conflicts: 'improvement-wins' (MDC Excel) or 'precedence' — one label per
 * point, outside limits > trend > two-in-three > shift, with the trend's
 * direction read as NHSRplotthedots `ptd_special_cause_type` reads it.
 * O(n).
 *
 * @example
 * const found = findSpecialCauses(
 *   { values: [1, 9, 2],
 *     periods: [{ start: 0, end: 3, centre: 3, upl: 8, lpl: -2, upperTwoSigma: 6, lowerTwoSigma: 0 }] },
 *   { shiftLength: 6, trendLength: 6, crossGroups: true, conflict: 'improvement-wins', improvement: 'increase', evaluate: true },
 * );
 * Array.from(found.side); // [0, 1, 0]
 */
export function findSpecialCauses(lines: ChartLines, options: SpecialCauseOptions): SpecialCauses {
  const { values, periods } = lines;
  const n = values.length;
  const result: SpecialCauses = {
    rules: new Uint8Array(n),
    side: new Int8Array(n),
    relativeToMean: new Int8Array(n),
    outsideLimits: new Uint8Array(n),
    closeToLimits: new Uint8Array(n),
  };
  const work = workspace(n);
  const { position, period: periodOf, y, sides, close, outside } = work;

  // Compress to the observed values, judging each against its own period.
  let m = 0;
  for (let g = 0; g < periods.length; g++) {
    const line = periods[g] as PeriodLines;
    const { centre: c, upl, lpl, upperTwoSigma, lowerTwoSigma } = line;
    for (let i = line.start; i < line.end; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      const side = v > c ? 1 : v < c ? -1 : 0;
      // Comparisons with NaN (no line) are false: no limits, no flag.
      const beyond = v > upl ? 1 : v < lpl ? -1 : 0;
      const near = beyond === 0 && (v > upperTwoSigma || v < lowerTwoSigma) ? 1 : 0;
      position[m] = i;
      periodOf[m] = g;
      y[m] = v;
      sides[m] = side;
      outside[m] = beyond;
      close[m] = near;
      result.relativeToMean[i] = side;
      result.outsideLimits[i] = beyond === 0 ? 0 : 1;
      result.closeToLimits[i] = near;
      m++;
    }
  }
  if (!options.evaluate) return result;

  const { shift, up, down, twoInThree } = work;
  shift.fill(0, 0, m);
  up.fill(0, 0, m);
  down.fill(0, 0, m);
  twoInThree.fill(0, 0, m);
  let segmentStart = 0;
  for (let k = 1; k <= m; k++) {
    const boundary = k === m || (!options.crossGroups && periodOf[k] !== periodOf[k - 1]);
    if (!boundary) continue;
    markShift(sides, options.shiftLength, shift, segmentStart, k);
    markTrend(y, options.trendLength, up, down, segmentStart, k);
    markTwoInThree(sides, close, twoInThree, segmentStart, k);
    if (options.conflict === 'precedence') {
      precedenceSides(result, position, y, sides, outside, shift, up, down, twoInThree, segmentStart, k);
    }
    segmentStart = k;
  }

  for (let k = 0; k < m; k++) {
    const i = position[k] ?? 0;
    const o = outside[k] ?? 0;
    const s = shift[k] ?? 0;
    const u = up[k] ?? 0;
    const d = down[k] ?? 0;
    const t = twoInThree[k] ?? 0;
    let bits = 0;
    if (o !== 0) bits |= RULE_OUTSIDE_LIMITS;
    if (s !== 0) bits |= RULE_SHIFT;
    if (u !== 0 || d !== 0) bits |= RULE_TREND;
    if (t !== 0) bits |= RULE_TWO_IN_THREE;
    result.rules[i] = bits;
    if (bits === 0 || options.conflict === 'precedence') continue;
    const high = o > 0 || s > 0 || u !== 0 || t > 0;
    const low = o < 0 || s < 0 || d !== 0 || t < 0;
    result.side[i] = conflictSide(high, low, options.improvement, sides[k] ?? 0);
  }
  return result;
}

/**
 * NHSRplotthedots 0.2.2 `ptd_special_cause_type`: one label per point by
 * precedence. Outside limits and the mean-based rules take the point's side
 * of the mean (`relative_to_mean == 1` / `> 0`: above). A trend point takes
 * the step to the next point when that point is in a trend too, else the step
 * from the previous point; a rising step reads "Increasing", anything else
 * "Decreasing".
 */
function precedenceSides(
  result: SpecialCauses,
  position: Int32Array,
  y: Float64Array,
  sides: Int8Array,
  outside: Int8Array,
  shift: Int8Array,
  up: Uint8Array,
  down: Uint8Array,
  twoInThree: Int8Array,
  from: number,
  to: number,
): void {
  for (let k = from; k < to; k++) {
    const i = position[k] ?? 0;
    const above = (sides[k] ?? 0) > 0 ? 1 : -1;
    const inTrend = (up[k] ?? 0) !== 0 || (down[k] ?? 0) !== 0;
    let side = 0;
    if ((outside[k] ?? 0) !== 0) {
      side = sides[k] === 1 ? 1 : -1;
    } else if (inTrend) {
      const nextInTrend = k + 1 < to && ((up[k + 1] ?? 0) !== 0 || (down[k + 1] ?? 0) !== 0);
      const step = nextInTrend
        ? Math.sign((y[k + 1] ?? 0) - (y[k] ?? 0))
        : k > from
          ? Math.sign((y[k] ?? 0) - (y[k - 1] ?? 0))
          : 0;
      side = step === 1 ? 1 : -1;
    } else if ((twoInThree[k] ?? 0) !== 0 || (shift[k] ?? 0) !== 0) {
      side = above;
    }
    result.side[i] = side;
  }
}

/**
 * Scratch arrays for the observed values, reused from call to call: the
 * board summary charts 10,000 series, and allocating a dozen typed arrays
 * for each was a third of its time. Safe because JavaScript runs one call
 * at a time and nothing here is returned or kept by a caller.
 */
interface Workspace {
  position: Int32Array;
  period: Int32Array;
  y: Float64Array;
  sides: Int8Array;
  close: Uint8Array;
  outside: Int8Array;
  shift: Int8Array;
  up: Uint8Array;
  down: Uint8Array;
  twoInThree: Int8Array;
}

let shared: Workspace | null = null;

function workspace(n: number): Workspace {
  if (shared !== null && shared.position.length >= n) return shared;
  const size = Math.max(n, 64, (shared?.position.length ?? 0) * 2);
  shared = {
    position: new Int32Array(size),
    period: new Int32Array(size),
    y: new Float64Array(size),
    sides: new Int8Array(size),
    close: new Uint8Array(size),
    outside: new Int8Array(size),
    shift: new Int8Array(size),
    up: new Uint8Array(size),
    down: new Uint8Array(size),
    twoInThree: new Int8Array(size),
  };
  return shared;
}
