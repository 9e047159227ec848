import { c4, c5 } from '../math/c4.js';
import { baseIndices, type ChartLines, type PartFrame, pick } from './part-frame.js';
import { hasEqualSizes, pooledOrMeanSd } from './subgroup-sd.js';

/**
 * B3(n) = max(0, 1 − k·c5/c4) and B4(n) = 1 + k·c5/c4: the s chart's lower
 * and upper k-sigma multiples of the centre line. `NaN` for n ≤ 1.
 *
 * Reference: Montgomery (6th ed.) Appendix VI; qicharts2 0.8.1 `b3()`, `b4()`.
 *
 * @example
 * sChartFactors(5); // { b3: 0, b4: 2.08899786863027... }
 */
export function sChartFactors(n: number, sigmas = 3): { b3: number; b4: number } {
  if (!(n > 1)) return { b3: Number.NaN, b4: Number.NaN };
  const spread = (sigmas * c5(n)) / c4(n);
  return { b3: Math.max(0, 1 - spread), b4: 1 + spread };
}

/**
 * S chart: y = subgroup sd; CL = s̄ (equal sizes) or the pooled sd; limits
 * B3(n_i)·CL and B4(n_i)·CL. Subgroups of one observation have no sd and no
 * limits.
 *
 * Reference: Montgomery (6th ed.) §6.3; qicharts2 0.8.1 `qic.s()`.
 *
 * @example
 * const s = controlChart({ chart: 's', x: ['a', 'a', 'b', 'b'], y: [1, 3, 2, 6] });
 * s.points[0].cl;  // 1.5√2 = 2.12132...
 * s.points[0].ucl; // B4(2) * 1.5√2 = 6.92936...
 */
export function sChartLines(frame: PartFrame): ChartLines {
  const base = baseIndices(frame);
  const cl = pooledOrMeanSd(pick(frame.yLength, base), pick(frame.ySd, base), hasEqualSizes(frame.yLength));
  const length = frame.y.length;
  const lcl = new Array<number>(length);
  const ucl = new Array<number>(length);
  const lcl95 = new Array<number>(length);
  const ucl95 = new Array<number>(length);
  for (let k = 0; k < length; k++) {
    const n = frame.yLength[k] as number;
    const three = sChartFactors(n, 3);
    const two = sChartFactors(n, 2);
    lcl[k] = three.b3 * cl;
    ucl[k] = three.b4 * cl;
    lcl95[k] = two.b3 * cl;
    ucl95[k] = two.b4 * cl;
  }
  return { y: frame.ySd, cl, lcl, ucl, lcl95, ucl95 };
}
