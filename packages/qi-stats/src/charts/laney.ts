import { averageMovingRange, D2_FOR_TWO } from './moving-range.js';
import { floorLimitAtZero } from './non-negative.js';
import { clampLowerLimit, clampUpperLimit } from './p-chart.js';
import type { ChartLines, ChartOptions, PartFrame } from './part-frame.js';
import { pooledRatio } from './proportion-centre.js';

/**
 * Laney's p′ and u′ charts: p and u charts for large denominators, where
 * between-subgroup variation makes the binomial/Poisson limits far too
 * narrow. Each baseline point is standardised, z_i = (y_i − CL)/σ_i with the
 * ordinary p or u σ_i; the spread of the z's is estimated like an I chart,
 * σ_z = AMR(z)/1.128 (moving ranges screened at 3.267 · AMR when screening is
 * on); the limits are CL ± 3 σ_i σ_z. With σ_z = 1 they are the p/u limits.
 *
 * qicharts2 uses sd(z) instead of the moving range when x is categorical
 * (funnel plots); qi-stats treats subgroup keys as ordered, so always uses
 * the moving range.
 *
 * Reference: Laney DB. Improved control charts for attributes. Qual Eng
 * 2002;14(4):531-7; qicharts2 0.8.1 `qic.pp()`, `qic.up()`.
 *
 * @example
 * // p̄ = 0.2, σ_i = 0.04, z = −2.5, 0, 2.5, σ_z = 2.5 / 1.128
 * const pp = controlChart({ chart: 'pp', y: [10, 20, 30], n: [100, 100, 100] });
 * pp.points[0].ucl; // 0.2 + 3 * 0.04 * 2.5 / 1.128 = 0.46595...
 * pp.points[0].lcl; // 0 (clamped)
 */
export function laneyChartLines(frame: PartFrame, kind: 'p' | 'u', options: ChartOptions): ChartLines {
  const cl = pooledRatio(frame);
  const length = frame.y.length;
  const variance = kind === 'p' ? cl * (1 - cl) : cl;
  const sigma = new Float64Array(length);
  for (let k = 0; k < length; k++) sigma[k] = Math.sqrt(variance / (frame.n[k] as number));
  const z: number[] = [];
  for (let k = 0; k < length; k++) {
    if (frame.baseline[k] && frame.include[k]) z.push(((frame.y[k] as number) - cl) / (sigma[k] as number));
  }
  const sigmaZ = averageMovingRange(z, options.screenMovingRanges) / D2_FOR_TWO;
  const lower = kind === 'p' ? clampLowerLimit : floorLimitAtZero;
  const upper = kind === 'p' ? clampUpperLimit : unclamped;
  const lcl = new Array<number>(length);
  const ucl = new Array<number>(length);
  const lcl95 = new Array<number>(length);
  const ucl95 = new Array<number>(length);
  // One loop for all four limits, no intermediate arrays.
  for (let k = 0; k < length; k++) {
    const spread = (sigma[k] as number) * sigmaZ;
    lcl[k] = lower(cl - 3 * spread);
    ucl[k] = upper(cl + 3 * spread);
    lcl95[k] = lower(cl - 2 * spread);
    ucl95[k] = upper(cl + 2 * spread);
  }
  return { y: frame.y, cl, lcl, ucl, lcl95, ucl95 };
}

/** A u′ chart's upper limit is not clamped. */
function unclamped(value: number): number {
  return value;
}
