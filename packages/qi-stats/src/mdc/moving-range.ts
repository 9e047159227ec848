/**
 * Average moving range of an XmR chart: the mean of |x_i − x_{i−1}| over
 * consecutive points, the basis of its sigma (Wheeler; NHS England MDC).
 *
 * A moving range needs both neighbours: next to a missing value there is no
 * moving range, as in NHSRplotthedots (`c(NA, abs(diff(fix_y)))` then
 * `na.rm`), qicharts2 and the NHSE SQL (`LAG` over rows). Bridging the gap
 * would measure a two-step change and overstate the short-term variation
 * (MDC-DOC "Gaps").
 *
 * Screening (optional) follows NHSRplotthedots 0.2.2: moving ranges not below
 * 3.267 × the first average are dropped and the average recomputed (keep
 * `mr < 3.267 * amr`; the mean is unchanged). When every moving range is zero
 * there is nothing to screen and the average stays 0 — NHSRplotthedots
 * would drop them all and return NaN limits.
 *
 * O(n) over the range. Returns null when the range holds no moving range.
 *
 * @example
 * averageMovingRange([20, 24, 20, 26, 22], 0, 5, false); // (4 + 4 + 6 + 4) / 4 = 4.5
 * averageMovingRange([1, 2, null, 4, 6], 0, 5, false); // (1 + 2) / 2 = 1.5
 */
export function averageMovingRange(
  values: ArrayLike<number | null>,
  from: number,
  to: number,
  screenOutliers: boolean,
): number | null {
  let sum = 0;
  let count = 0;
  for (let i = from + 1; i < to; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a === null || b === null || a === undefined || b === undefined) continue;
    sum += Math.abs(b - a);
    count++;
  }
  if (count === 0) return null;
  const average = sum / count;
  if (!screenOutliers || average === 0) return average;
  // Nelson (1982): a moving range ≥ 3.267 × its mean (the MR chart's upper
  // limit, D4 = 3.267 for n = 2) marks a break, not routine variation.
  const cutoff = 3.267 * average;
  let keptSum = 0;
  let kept = 0;
  for (let i = from + 1; i < to; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a === null || b === null || a === undefined || b === undefined) continue;
    const mr = Math.abs(b - a);
    if (mr < cutoff) {
      keptSum += mr;
      kept++;
    }
  }
  return kept === 0 ? average : keptSum / kept;
}
