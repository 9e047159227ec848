import { meanOfPresent } from '../math/mean.js';
import { floorLimitAtZero } from './non-negative.js';
import { baseValues, type ChartLines, type PartFrame } from './part-frame.js';

/**
 * C chart: y = the subgroup's count (Σy); CL = c̄ = mean count over the
 * baseline's included subgroups; limits c̄ ± 3√c̄ (Poisson), lower floored
 * at 0. A missing count stays missing (qicharts2 once summed it as 0: its
 * issue #35, fixed in 0.7.4).
 *
 * Reference: Montgomery (6th ed.) eq. 7.17; qicharts2 0.8.1 `qic.c()`.
 *
 * @example
 * controlChart({ chart: 'c', y: [4, 6, 5, 3, 7] }).points[0].ucl; // 5 + 3 * √5 = 11.70820...
 */
export function cChartLines(frame: PartFrame): ChartLines {
  const counts = frame.ySum;
  const cl = meanOfPresent(baseValues(counts, frame));
  const sigma = Math.sqrt(cl);
  return {
    y: counts,
    cl,
    lcl: floorLimitAtZero(cl - 3 * sigma),
    ucl: cl + 3 * sigma,
    lcl95: floorLimitAtZero(cl - 2 * sigma),
    ucl95: cl + 2 * sigma,
  };
}
