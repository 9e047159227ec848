import { floorLimitAtZero } from './non-negative.js';
import type { ChartLines, PartFrame } from './part-frame.js';
import { pooledRatio } from './proportion-centre.js';

/**
 * U chart: y = Σy/Σn per subgroup (events per unit of exposure); CL = ū =
 * Σy/Σn over the baseline's included subgroups; σ_i = √(ū/n_i); limits
 * ū ± 3σ_i, lower limit floored at 0.
 *
 * Reference: Montgomery (6th ed.) eq. 7.19; qicharts2 0.8.1 `qic.u()`.
 *
 * @example
 * const u = controlChart({ chart: 'u', y: [2, 4], n: [10, 10] });
 * u.points[0].cl;  // 0.3
 * u.points[0].ucl; // 0.3 + 3 * √0.03 = 0.81961...
 */
export function uChartLines(frame: PartFrame): ChartLines {
  const cl = pooledRatio(frame);
  const length = frame.y.length;
  const lcl = new Array<number>(length);
  const ucl = new Array<number>(length);
  const lcl95 = new Array<number>(length);
  const ucl95 = new Array<number>(length);
  // One loop for all four limits, no intermediate arrays.
  for (let k = 0; k < length; k++) {
    const sigma = Math.sqrt(cl / (frame.n[k] as number));
    lcl[k] = floorLimitAtZero(cl - 3 * sigma);
    ucl[k] = cl + 3 * sigma;
    lcl95[k] = floorLimitAtZero(cl - 2 * sigma);
    ucl95[k] = cl + 2 * sigma;
  }
  return { y: frame.y, cl, lcl, ucl, lcl95, ucl95 };
}
