/**
 * Shift rule: a run of at least `runLength` consecutive points all above, or
 * all below, the mean; every point of the run is flagged. A point exactly on
 * the mean (side 0) breaks the run (MDC-DOC "Special cause – shift";
 * NHSRplotthedots `ptd_seven_point_one_side_mean` requires `vp[[i]] != 0`;
 * NHSE SQL counts only `[Value] > [Mean]` or `< [Mean]`).
 *
 * MDC's Single Chart Tool and the NHSE SQL v2.6 use 6 points;
 * NHSRplotthedots 0.2.2 uses 7.
 *
 * `sides[k]` is the sign of (value − mean) for the k-th observed point,
 * judged against that point's own period. Writes the side (1 above, −1
 * below) into `out[k]` for the flagged points of [from, to). O(n).
 *
 * @example
 * const out = new Int8Array(8);
 * markShift([1, 1, 1, 1, 1, 1, 0, -1], 6, out);
 * Array.from(out); // [1, 1, 1, 1, 1, 1, 0, 0]
 */
export function markShift(
  sides: ArrayLike<number>,
  runLength: number,
  out: Int8Array,
  from = 0,
  to = sides.length,
): void {
  let runStart = from;
  for (let k = from; k <= to; k++) {
    const side = k < to ? (sides[k] ?? 0) : 0;
    const runSide = sides[runStart] ?? 0;
    if (k < to && side === runSide && side !== 0) continue;
    // The run [runStart, k) has ended.
    if (runSide !== 0 && k - runStart >= runLength) {
      for (let j = runStart; j < k; j++) out[j] = runSide;
    }
    runStart = k;
  }
}
