/**
 * Candidates for the IHI "astronomical data point" (Perla, Provost & Murray,
 * BMJ Qual Saf 2011;20:46–51, rule 4).
 *
 * The paper's rule is a judgement, not a test: a point "obviously, even
 * blatantly, different" that anyone looking at the chart would agree is
 * unusual, and not merely the highest or lowest point. No computation can
 * make that call, so qi-stats only nominates CANDIDATES for a person to look
 * at: the points outside the 3-sigma limits of an individuals (XmR) chart on
 * the same values. Why this screen: it is the standard, assumption-light way
 * to say "further from the rest than routine variation explains" (Provost &
 * Murray, The Health Care Data Guide, 2011, ch. 5), it needs no denominator,
 * and it is what an analyst would draw next to the run chart anyway.
 *
 * The choices, each as qicharts2 0.8.1 makes them for its I chart:
 * - centre = mean of the baseline points (the same baseline as the median);
 * - moving ranges only between neighbours in the series (a missing value
 *   breaks the pair rather than bridging it);
 * - moving ranges ≥ 3.267 × their mean are screened out before sigma is
 *   estimated (Nelson 1982), so the outlier under suspicion does not inflate
 *   the limits that are meant to expose it;
 * - sigma = mean moving range / 1.128; a point is a candidate when it is
 *   strictly above centre + 3 sigma or below centre − 3 sigma.
 * With no moving range (fewer than two neighbouring baseline values) or no
 * variation at all (sigma 0), there is nothing to judge against and no
 * candidate is returned. Cost: O(n).
 */
import type { IhiPoint } from './ihi-runs.js';

/** d2 for moving ranges of two: mean |x_i - x_{i-1}| = 1.128 sigma for normal data. */
const D2 = 1.128;
/** Nelson's screen: a moving range this many times the mean one is itself a special cause. */
const MOVING_RANGE_SCREEN = 3.267;

/**
 * Positions of the points outside I-chart 3-sigma limits computed from
 * `baselinePoints`; candidates for a person to judge, not signals.
 *
 * @example
 * const points = [10, 12, 9, 11, 13, 10, 12, 9, 11, 40].map((value, i) => ({ position: i + 1, value }));
 * astronomicalCandidates(points, points); // [10]
 */
export function astronomicalCandidates(
  points: ReadonlyArray<IhiPoint>,
  baselinePoints: ReadonlyArray<IhiPoint>,
): number[] {
  if (baselinePoints.length < 2) return [];
  const centre = baselinePoints.reduce((sum, point) => sum + point.value, 0) / baselinePoints.length;

  const movingRanges: number[] = [];
  for (let i = 1; i < baselinePoints.length; i++) {
    const current = baselinePoints[i] as IhiPoint;
    const previous = baselinePoints[i - 1] as IhiPoint;
    if (current.position === previous.position + 1)
      movingRanges.push(Math.abs(current.value - previous.value));
  }
  if (movingRanges.length === 0) return [];
  const mean = (xs: ReadonlyArray<number>): number => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const rawMean = mean(movingRanges);
  const kept = movingRanges.filter((range) => range < MOVING_RANGE_SCREEN * rawMean);
  const sigma = (kept.length > 0 ? mean(kept) : rawMean) / D2;
  if (!(sigma > 0)) return [];

  const upper = centre + 3 * sigma;
  const lower = centre - 3 * sigma;
  return points.filter((point) => point.value > upper || point.value < lower).map((point) => point.position);
}
