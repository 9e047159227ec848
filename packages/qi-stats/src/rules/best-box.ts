/**
 * The "best box" runs test of Anhøj & Wentzel-Larsen (2020): for n useful
 * observations (10–100 only) a part is random when it has at least cb(n)
 * crossings AND a longest run of at most lb(n); anything outside that box
 * signals. The box was chosen by the authors to balance sensitivity and
 * specificity better than the separate Anhøj limits.
 *
 * The four columns below are copied verbatim from the `bounds` data frame
 * inside `crsignal()` of qicharts2 (anhoej/qicharts2, R/helper.functions.R
 * and R/crsignal.R; identical in both files). `cbord`/`lbord` are the
 * borderline cells used by the cut box (see cut-box.ts); `null` where R has
 * NA (no borderline cells for that n). Do not "derive" these numbers: they
 * come from the authors' simulation, not from a closed formula.
 *
 * Reference: Anhøj J, Wentzel-Larsen T. Smooth operator: modifying the Anhøj
 * rules to improve runs analysis in statistical process control. PLoS ONE
 * 2020;15(6):e0233920. qicharts2 `crsignal(method = 'bestbox')`.
 */

/** Smallest n with a tabulated box. */
export const BOX_MIN_N = 10;
/** Largest n with a tabulated box. */
export const BOX_MAX_N = 100;

// n = 10, 11, ..., 100 (91 values per column), rows of 13 as in the R source.
// biome-ignore format: keep the rows of the R source, 13 values each
const CB = [
  2, 3, 3, 3, 3, 4, 5, 5, 5, 5, 6, 7, 6,
  6, 6, 6, 9, 9, 9, 10, 11, 11, 11, 11, 11, 12,
  13, 14, 13, 15, 15, 15, 14, 14, 17, 17, 17, 17, 19,
  19, 19, 19, 19, 21, 21, 21, 21, 23, 23, 23, 23, 23,
  25, 25, 26, 26, 27, 27, 27, 28, 29, 29, 29, 30, 30,
  31, 31, 31, 32, 33, 33, 33, 34, 33, 35, 35, 35, 35,
  37, 37, 38, 37, 39, 39, 39, 39, 39, 41, 41, 42, 41,
];
// biome-ignore format: keep the rows of the R source, 13 values each
const LB = [
  6, 7, 6, 6, 6, 7, 8, 7, 7, 7, 7, 8, 7,
  7, 7, 7, 9, 8, 8, 8, 10, 9, 8, 8, 8, 8,
  9, 10, 8, 11, 9, 9, 8, 8, 10, 9, 9, 9, 12,
  10, 9, 9, 9, 11, 10, 9, 9, 12, 10, 10, 9, 9,
  11, 10, 11, 10, 12, 10, 10, 11, 14, 11, 10, 11, 10,
  12, 11, 10, 11, 13, 11, 10, 11, 10, 11, 11, 10, 10,
  12, 11, 12, 10, 13, 11, 11, 10, 10, 12, 11, 12, 10,
];
const NA = null;
// biome-ignore format: keep the rows of the R source, 13 values each
const CBORD = [
  3, 4, NA, NA, NA, 6, 6, NA, 6, 6, NA, NA, 7,
  7, 7, NA, 10, 10, 11, NA, 12, 14, NA, 12, 13, NA,
  15, NA, NA, NA, NA, 17, NA, NA, NA, NA, 19, 20, 20,
  21, NA, 21, 21, 23, 23, NA, 23, 25, 24, 26, NA, 24,
  27, 27, 27, 27, 29, NA, 29, 29, 30, 31, 30, 31, NA,
  32, 34, 33, 33, 37, 35, NA, 36, 36, NA, 38, 36, 38,
  38, 39, NA, 39, 41, 40, 42, NA, 41, 42, 44, 43, 42,
];
// biome-ignore format: keep the rows of the R source, 13 values each
const LBORD = [
  5, 6, NA, NA, NA, 6, 7, NA, 6, 5, NA, NA, 6,
  6, 6, NA, 7, 7, 7, NA, 9, 8, NA, 7, 7, NA,
  8, NA, NA, NA, NA, 8, NA, NA, NA, NA, 8, 7, 11,
  9, NA, 8, 7, 9, 8, NA, 8, 11, 9, 8, NA, 8,
  9, 9, 10, 9, 10, NA, 8, 8, 13, 9, 9, 10, NA,
  9, 8, 9, 8, 11, 9, NA, 10, 7, NA, 8, 9, 8,
  10, 9, NA, 9, 12, 10, 8, NA, 8, 9, 9, 10, 9,
];

/** The tabulated bounds for one n. */
export interface BoxBounds {
  n: number;
  /** Fewest crossings inside the best box. */
  cb: number;
  /** Longest run allowed inside the best box. */
  lb: number;
  /** Cut box: crossings from which a run of lb is still accepted; null when n has no borderline cells. */
  cbord: number | null;
  /** Cut box: longest run accepted with exactly cb crossings; null when n has no borderline cells. */
  lbord: number | null;
}

/**
 * The best-box/cut-box bounds for n useful observations, or null outside
 * 10–100 (where qicharts2 falls back to the Anhøj rules).
 *
 * @example
 * boxBounds(10); // { n: 10, cb: 2, lb: 6, cbord: 3, lbord: 5 }
 */
export function boxBounds(n: number): BoxBounds | null {
  if (!Number.isInteger(n) || n < BOX_MIN_N || n > BOX_MAX_N) return null;
  const k = n - BOX_MIN_N;
  return {
    n,
    cb: CB[k] as number,
    lb: LB[k] as number,
    cbord: CBORD[k] ?? null,
    lbord: LBORD[k] ?? null,
  };
}

/**
 * Best-box test: why the part signals (empty when it does not), or null when
 * n is outside 10–100 and the test is not defined.
 *
 * @example
 * bestBoxSignal({ nUseful: 10, crossings: 1, longestRun: 5 }); // ['few-crossings']
 */
export function bestBoxSignal(counts: {
  nUseful: number;
  crossings: number;
  longestRun: number;
}): Array<'long-run' | 'few-crossings'> | null {
  const bounds = boxBounds(counts.nUseful);
  if (bounds === null) return null;
  const reasons: Array<'long-run' | 'few-crossings'> = [];
  if (counts.longestRun > bounds.lb) reasons.push('long-run');
  if (counts.crossings < bounds.cb) reasons.push('few-crossings');
  return reasons;
}
