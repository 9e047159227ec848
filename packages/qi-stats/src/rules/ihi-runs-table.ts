/**
 * Limits for the number of runs on a run chart, by the number of useful
 * observations (points not on the median): Table 1 of Perla, Provost & Murray,
 * "The run chart: a simple analytical tool for learning from variation in
 * healthcare processes", BMJ Qual Saf 2011;20:46–51, which the authors adapted
 * from Swed & Eisenhart, "Tables for testing randomness of grouping in a
 * sequence of alternatives", Ann Math Stat 1943;14:66–87 (about 5% of random
 * series fall outside, split between the two tails).
 *
 * The table is data, copied, never computed: an exact Swed–Eisenhart
 * computation with the useful points split ⌊n/2⌋ / ⌈n/2⌉ at 2.5% a tail does
 * NOT reproduce the published rows (it differs at n = 11, 12, 17, 20, 22, 23,
 * 25), so deriving the table would silently disagree with the paper that
 * IHI-trained analysts read their charts against.
 *
 * Rows shipped: n = 10 to 26 only. Each row is given identically by two
 * independent transcriptions (nobody on the project has the printed paper):
 *  1. shared/spec/spc-rules.md §1.2, the project's research notes (written
 *     from the researcher's copy of the IHI table);
 *  2. a third-party JavaScript transcription that cites Perla et al. and
 *     Swed & Eisenhart (a school attendance dashboard's `RUNS_LIMITS`, found
 *     in the public code corpus).
 * A third source, another project's test fixtures citing Perla Table 1,
 * agrees at n = 10, 14, 16 and 24.
 *
 * Where we stopped, and why: from n = 27 the transcriptions disagree (e.g.
 * n = 27: [9, 20] vs [10, 19]; n = 30: [11, 22] vs [11, 21]) and there is no
 * printed table to settle it. Row 40 ([15, 27]) agrees in two
 * sources, but the rows below it do not, so the table stops at 26 rather than
 * holding a hole. For n < 10 the paper gives no row (too few points to judge
 * the number of runs). For any n without a row, {@link ihiRunsLimits} returns
 * null: no verdict rather than a guessed one. To extend the table, copy the
 * rows from the paper and cite it here.
 */

/** Useful observations → [lower, upper] limits for the number of runs, Perla et al. 2011 Table 1. */
export const IHI_RUNS_TABLE: Readonly<Record<number, readonly [lower: number, upper: number]>> =
  Object.freeze({
    10: [3, 9],
    11: [3, 10],
    12: [3, 11],
    13: [4, 11],
    14: [4, 12],
    15: [5, 12],
    16: [5, 13],
    17: [5, 13],
    18: [6, 14],
    19: [6, 15],
    20: [6, 16],
    21: [7, 16],
    22: [7, 17],
    23: [7, 17],
    24: [8, 18],
    25: [8, 18],
    26: [9, 19],
  });

/**
 * The IHI limits for the number of runs given `nUseful` useful observations
 * (points not on the median). Fewer runs than `lower` ("too few") or more
 * than `upper` ("too many") signals non-random variation. Returns null where
 * the shipped table has no row (n < 10 or n > 26; see the module comment).
 * Cost: O(1).
 *
 * @example
 * ihiRunsLimits(20); // { lower: 6, upper: 16 }
 * ihiRunsLimits(9);  // null: too few points for the runs rule
 * ihiRunsLimits(40); // null: the row is not corroborated yet
 */
export function ihiRunsLimits(nUseful: number): { lower: number; upper: number } | null {
  const row = IHI_RUNS_TABLE[nUseful];
  return row ? { lower: row[0], upper: row[1] } : null;
}
