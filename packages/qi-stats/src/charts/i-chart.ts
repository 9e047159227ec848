import { meanOfPresent } from '../math/mean.js';
import { averageMovingRange, D2_FOR_TWO } from './moving-range.js';
import { baseValues, type ChartLines, type ChartOptions, type PartFrame } from './part-frame.js';

/**
 * I (individuals, XmR) chart: CL = mean of the baseline's included points;
 * σ̂ = AMR / 1.128 with the moving ranges taken over those points IN
 * SEQUENCE — an excluded or non-baseline point is skipped, so the range
 * bridges it; a missing value makes its ranges missing (dropped). Limits
 * CL ± 3σ̂ (i.e. 2.6596 · AMR, not 2.66) and CL ± 2σ̂.
 *
 * With screening (on by default, as qicharts2 once attached), moving ranges
 * ≥ 3.267 · AMR are dropped and AMR recomputed; the mean is NOT recomputed.
 *
 * Reference: Montgomery (6th ed.) eq. 6.33; Nelson 1982; qicharts2 0.8.1
 * `qic.i()`.
 *
 * @example
 * // mean 2.5; moving ranges 2, 1, 2 (none screened), AMR 5/3
 * controlChart({ chart: 'i', y: [1, 3, 2, 4] }).points[0].ucl; // 2.5 + 3 * (5/3) / 1.128 = 6.93262...
 */
export function iChartLines(frame: PartFrame, options: ChartOptions): ChartLines {
  const base = baseValues(frame.y, frame);
  const cl = meanOfPresent(base);
  // qicharts2 takes diff(y - cl); cl is constant, so this is diff(y) up to rounding. A typed array,
  // filled in a loop: on a chart of a million points this is one of the few full passes.
  const centred = new Float64Array(base.length);
  for (let k = 0; k < base.length; k++) centred[k] = (base[k] as number) - cl;
  const sigma = averageMovingRange(centred, options.screenMovingRanges) / D2_FOR_TWO;
  return {
    // Read-only, so the frame's own array serves as the plotted values.
    y: frame.y,
    cl,
    lcl: cl - 3 * sigma,
    ucl: cl + 3 * sigma,
    lcl95: cl - 2 * sigma,
    ucl95: cl + 2 * sigma,
  };
}
