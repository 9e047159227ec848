/**
 * Two-in-three rule: in any three consecutive points all on the same side of
 * the mean, two or three beyond the two-sigma line on that side are flagged
 * (only those, not the third). A point beyond the process limit does not
 * count — it is flagged as a single point instead (MDC-DOC "Special cause –
 * two-sigma", example "two-sigma – 2"; NHSRplotthedots `close_to_limits =
 * !outside_limits & ...`). All three on one side: NHSE SQL v2.1 and
 * NHSRplotthedots 0.2 (issue #143). The NHSE SQL v2.6 lets beyond-limit
 * points count; that variant is not offered here.
 *
 * `sides[k]` is the side of the mean, `close[k]` 1 when the k-th observed
 * point is beyond its two-sigma line but within its limits. Writes the side
 * into `out[k]` for flagged points of [from, to). O(n).
 *
 * @example
 * const out = new Int8Array(4);
 * markTwoInThree([1, 1, 1, -1], [1, 0, 1, 0], out);
 * Array.from(out); // [1, 0, 1, 0]
 */
export function markTwoInThree(
  sides: ArrayLike<number>,
  close: ArrayLike<number>,
  out: Int8Array,
  from = 0,
  to = sides.length,
): void {
  for (let k = from; k + 2 < to; k++) {
    const side = sides[k] ?? 0;
    if (side === 0 || sides[k + 1] !== side || sides[k + 2] !== side) continue;
    const a = close[k] ?? 0;
    const b = close[k + 1] ?? 0;
    const c = close[k + 2] ?? 0;
    if (a + b + c < 2) continue;
    if (a) out[k] = side;
    if (b) out[k + 1] = side;
    if (c) out[k + 2] = side;
  }
}
