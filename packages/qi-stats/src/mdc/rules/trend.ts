/**
 * Trend rule: at least `runLength` consecutive points each strictly higher
 * (or each strictly lower) than the one before; every point of the run is
 * flagged. An equal value is a pause and breaks the run ("there cannot be any
 * pauses", MDC-DOC "Special cause – trend"; NHSRplotthedots needs every
 * `sign(diff(y))` equal). The trend ignores the mean and sigma lines, so it
 * may cross the mean; a turning point can belong to a rising and a falling
 * trend at once.
 *
 * Six points (five rises) in MDC's Single Chart Tool and the NHSE SQL v2.6;
 * seven in NHSRplotthedots 0.2.2.
 *
 * Marks `up[k]` / `down[k]` with 1 for the points of [from, to) in a rising /
 * falling trend. O(n).
 *
 * @example
 * const up = new Uint8Array(7);
 * const down = new Uint8Array(7);
 * markTrend([11, 14, 18, 20, 22, 23, 18], 6, up, down);
 * Array.from(up); // [1, 1, 1, 1, 1, 1, 0]
 */
export function markTrend(
  values: ArrayLike<number>,
  runLength: number,
  up: Uint8Array,
  down: Uint8Array,
  from = 0,
  to = values.length,
): void {
  // A run of (runLength − 1) same-direction steps spans runLength points.
  const steps = runLength - 1;
  let runStart = from; // first point of the current monotone run
  let direction = 0;
  for (let k = from + 1; k <= to; k++) {
    let step = 0;
    if (k < to) {
      const a = values[k - 1] ?? 0;
      const b = values[k] ?? 0;
      step = b > a ? 1 : b < a ? -1 : 0;
    }
    if (k < to && step === direction && step !== 0) continue;
    // The run [runStart, k − 1] has ended.
    if (direction !== 0 && k - 1 - runStart >= steps) {
      const target = direction > 0 ? up : down;
      for (let j = runStart; j < k; j++) target[j] = 1;
    }
    runStart = k - 1;
    direction = step;
  }
}
