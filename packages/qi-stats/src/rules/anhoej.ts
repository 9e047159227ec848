import binomialQuantile from '@stdlib/stats-base-dists-binomial-quantile';

/**
 * Anhøj's runs-analysis limits for a run or control chart with `nUseful`
 * observations not on the centre line:
 *
 * - longest run allowed: round(log2(n)) + 3 (Schilling 2012; qicharts2
 *   writes it as `round(log2(n.useful)) + 3`; log2 of an integer is never
 *   exactly x.5, so the rounding mode does not matter);
 * - fewest crossings allowed: the 5th percentile of Binomial(n − 1, ½), R's
 *   `qbinom(0.05, n - 1, 0.5)` = the smallest k with P(X ≤ k) ≥ 0.05
 *   (Chen 2010). P(X ≤ k) is a dyadic fraction, never exactly 0.05.
 *
 * A signal needs a run *longer* than the maximum or *fewer* crossings than
 * the minimum (both strict). O(n) for the quantile.
 *
 * Reference: Anhøj J, Olesen AV. Run charts revisited. PLoS ONE 2014;
 * 9(11):e113825; qicharts2 0.8.1 `runs.analysis()` and `crsignal()`.
 *
 * @example
 * anhoejLimits(24); // { longestRunMax: 8, crossingsMin: 8 }
 */
export function anhoejLimits(nUseful: number): { longestRunMax: number; crossingsMin: number } {
  return {
    longestRunMax: Math.round(Math.log2(nUseful)) + 3,
    crossingsMin: fewestCrossings(nUseful),
  };
}

/** Series up to this many useful observations have their crossings limit remembered. */
const CROSSINGS_CACHE_SIZE = 4096;
/** qbinom(0.05, n − 1, ½) by n; NaN = not yet computed. */
const crossingsCache = new Float64Array(CROSSINGS_CACHE_SIZE).fill(Number.NaN);

/**
 * qbinom(0.05, n − 1, ½), remembered for the usual series lengths: thousands
 * of small charts drawn together ask for the same few n, each twice (limits
 * and signal), and the quantile costs far more than the rest of their runs
 * analysis.
 */
function fewestCrossings(nUseful: number): number {
  const cacheable = nUseful >= 0 && nUseful < CROSSINGS_CACHE_SIZE && Number.isInteger(nUseful);
  if (cacheable) {
    const known = crossingsCache[nUseful] as number;
    if (!Number.isNaN(known)) return known;
  }
  const quantile = binomialQuantile(0.05, Math.max(nUseful - 1, 0), 0.5);
  // stdlib answers −0 for a degenerate Binomial(0, ½); report a plain 0.
  const crossingsMin = quantile === 0 ? 0 : quantile;
  if (cacheable) crossingsCache[nUseful] = crossingsMin;
  return crossingsMin;
}

/**
 * Anhøj's two-rule test: a signal when the longest run exceeds
 * round(log2(n)) + 3 or the number of crossings is below
 * qbinom(0.05, n − 1, ½). Returns which rule(s) fired, empty when none.
 *
 * Reference: Anhøj J. Diagnostic value of run chart analysis. PLoS ONE 2015;
 * 10(3):e0121349; qicharts2 0.8.1 `crsignal(method = 'anhoej')`.
 *
 * @example
 * anhoejSignal({ nUseful: 20, crossings: 5, longestRun: 4 }); // ['few-crossings']
 */
export function anhoejSignal(counts: {
  nUseful: number;
  crossings: number;
  longestRun: number;
}): Array<'long-run' | 'few-crossings'> {
  const { longestRunMax, crossingsMin } = anhoejLimits(counts.nUseful);
  const reasons: Array<'long-run' | 'few-crossings'> = [];
  if (counts.longestRun > longestRunMax) reasons.push('long-run');
  if (counts.crossings < crossingsMin) reasons.push('few-crossings');
  return reasons;
}
