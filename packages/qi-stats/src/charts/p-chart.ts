import type { ChartLines, PartFrame } from './part-frame.js';
import { pooledRatio } from './proportion-centre.js';

/**
 * Limits of a proportion cannot leave [0, 1]; qicharts2 clamps finite ones
 * only (`ucl[ucl > 1 & is.finite(ucl)] <- 1`), leaving ±Inf to become null.
 *
 * @example
 * clampToUnit([1.2, 0.5], 'upper'); // [1, 0.5]
 * clampToUnit([-0.1, 0.5], 'lower'); // [0, 0.5]
 */
export function clampToUnit(limits: ReadonlyArray<number>, side: 'lower' | 'upper'): number[] {
  return limits.map(side === 'upper' ? clampUpperLimit : clampLowerLimit);
}

/**
 * One upper limit of `clampToUnit`: at most 1 when finite.
 *
 * @example
 * clampUpperLimit(1.2); // 1
 */
export function clampUpperLimit(value: number): number {
  return Number.isFinite(value) ? Math.min(value, 1) : value;
}

/**
 * One lower limit of `clampToUnit`: at least 0 when finite.
 *
 * @example
 * clampLowerLimit(-0.1); // 0
 */
export function clampLowerLimit(value: number): number {
  return Number.isFinite(value) ? Math.max(value, 0) : value;
}

/**
 * P chart: y = Σy/Σn per subgroup; CL = p̄ = Σy/Σn over the baseline's
 * included subgroups; σ_i = √(p̄(1 − p̄)/n_i); limits p̄ ± 3σ_i clamped to
 * [0, 1].
 *
 * Reference: Montgomery (6th ed.) §7.2; qicharts2 0.8.1 `qic.p()`.
 *
 * @example
 * const p = controlChart({ chart: 'p', y: [1, 2, 3], n: [10, 10, 10] });
 * p.points[0].cl;  // 0.2
 * p.points[0].ucl; // 0.2 + 3 * √(0.16 / 10) = 0.57947...
 * p.points[0].lcl; // 0 (−0.179... clamped)
 */
export function pChartLines(frame: PartFrame): ChartLines {
  const cl = pooledRatio(frame);
  const variance = cl * (1 - cl);
  const length = frame.y.length;
  const lcl = new Array<number>(length);
  const ucl = new Array<number>(length);
  const lcl95 = new Array<number>(length);
  const ucl95 = new Array<number>(length);
  // One loop for all four limits (thousands of small p charts are drawn at once).
  for (let k = 0; k < length; k++) {
    const sigma = Math.sqrt(variance / (frame.n[k] as number));
    lcl[k] = clampLowerLimit(cl - 3 * sigma);
    ucl[k] = clampUpperLimit(cl + 3 * sigma);
    lcl95[k] = clampLowerLimit(cl - 2 * sigma);
    ucl95[k] = clampUpperLimit(cl + 2 * sigma);
  }
  return { y: frame.y, cl, lcl, ucl, lcl95, ucl95 };
}
