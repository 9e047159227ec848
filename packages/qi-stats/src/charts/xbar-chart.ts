import { c4 } from '../math/c4.js';
import { baseIndices, type ChartLines, type PartFrame, pick } from './part-frame.js';
import { hasEqualSizes, pooledOrMeanSd } from './subgroup-sd.js';

/**
 * A3(n) = k / (c4(n) √n): the multiple of s̄ from the centre line to the
 * k-sigma limit of a subgroup mean. `NaN` for n ≤ 1. Exact c4 (lgamma), not
 * the table, as qicharts2.
 *
 * Reference: Montgomery (6th ed.) Appendix VI; qicharts2 0.8.1 `a3()`.
 *
 * @example
 * a3(5); // 1.42729929292221...
 */
export function a3(n: number, sigmas = 3): number {
  if (!(n > 1)) return Number.NaN;
  return sigmas / (c4(n) * Math.sqrt(n));
}

/**
 * Xbar chart: y = subgroup mean; CL = Σ n_i x̄_i / Σ n_i over the baseline's
 * included subgroups (the grand mean of their observations); limits
 * CL ± A3(n_i) · s, with s the mean or pooled subgroup sd (subgroup-sd.ts).
 * Limits vary with each subgroup's own size.
 *
 * Reference: Montgomery (6th ed.) eqs. 6.29–6.31; qicharts2 0.8.1 `qic.xbar()`.
 *
 * @example
 * // subgroups a = {1, 3}, b = {2, 6}: means 2 and 4, sds √2 and 2√2, s̄ = 1.5√2
 * const xbar = controlChart({ chart: 'xbar', x: ['a', 'a', 'b', 'b'], y: [1, 3, 2, 6] });
 * xbar.points[0].cl;  // 3
 * xbar.points[0].ucl; // 3 + a3(2) * 1.5√2 = 8.63991...
 */
export function xbarChartLines(frame: PartFrame): ChartLines {
  const base = baseIndices(frame);
  const sizes = pick(frame.yLength, base);
  const means = pick(frame.yMean, base);
  let weighted = 0;
  let total = 0;
  for (let k = 0; k < base.length; k++) {
    const size = sizes[k] as number;
    const mean = means[k] as number;
    // R: sum(len * mean, na.rm = TRUE) / sum(len, na.rm = TRUE); an empty subgroup adds 0 to both.
    if (size === 0 || Number.isNaN(mean)) continue;
    weighted += size * mean;
    total += size;
  }
  const cl = weighted / total;
  const s = pooledOrMeanSd(sizes, pick(frame.ySd, base), hasEqualSizes(frame.yLength));
  const length = frame.y.length;
  const lcl = new Array<number>(length);
  const ucl = new Array<number>(length);
  const lcl95 = new Array<number>(length);
  const ucl95 = new Array<number>(length);
  for (let k = 0; k < length; k++) {
    const n = frame.yLength[k] as number;
    const three = a3(n);
    const two = a3(n, 2);
    lcl[k] = cl - three * s;
    ucl[k] = cl + three * s;
    lcl95[k] = cl - two * s;
    ucl95[k] = cl + two * s;
  }
  return { y: frame.yMean, cl, lcl, ucl, lcl95, ucl95 };
}
