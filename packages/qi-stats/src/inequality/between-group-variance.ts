import type { MeasureDefinition } from './measure-definition.js';
import { weightedMean } from './prepare.js';

/** BGV = Σ p_j (y_j − μ)², the population-weighted variance of group estimates around the setting average. */
export function betweenGroupVarianceOf(y: ReadonlyArray<number>, share: ReadonlyArray<number>): number {
  const mean = weightedMean(y, share);
  let sum = 0;
  for (let j = 0; j < y.length; j++) sum += (share[j] as number) * ((y[j] as number) - mean) ** 2;
  return sum;
}

/**
 * BGV, between-group variance (HEAT technical notes v6.0 §3.4), in squared
 * units of the indicator. Analytic variance (Ahn et al. 2018, as HEAT):
 *
 *   var = 4Σp_j²σ_j²(y_j−μ)² + 2[(Σp_j²σ_j²)² − Σp_j⁴σ_j⁴ + Σp_j²(1−p_j)²σ_j⁴]
 *
 * HEAT does not truncate the normal interval, so its lower limit can go
 * below zero, which a variance cannot; qi-stats truncates it at 0 and says
 * so in the notes.
 */
export const betweenGroupVariance: MeasureDefinition = {
  measure: 'bgv',
  minGroups: 3,
  estimate(y, groups) {
    return betweenGroupVarianceOf(y, groups.share);
  },
  analytic(groups, estimate) {
    if (groups.se === null) return null;
    const { y, share, mean } = groups;
    let first = 0;
    let sumP2S2 = 0;
    let sumP4S4 = 0;
    let sumCross = 0;
    for (let j = 0; j < y.length; j++) {
      const p = share[j] as number;
      const s2 = (groups.se[j] as number) ** 2;
      first += p * p * s2 * ((y[j] as number) - mean) ** 2;
      sumP2S2 += p * p * s2;
      sumP4S4 += p ** 4 * s2 * s2;
      sumCross += p * p * (1 - p) ** 2 * s2 * s2;
    }
    const variance = 4 * first + 2 * (sumP2S2 ** 2 - sumP4S4 + sumCross);
    const se = Math.sqrt(Math.max(0, variance));
    const rawLower = estimate - groups.z * se;
    const notes = rawLower < 0 ? ['lower limit truncated at 0 (HEAT leaves it negative)'] : [];
    return { se, lower: Math.max(0, rawLower), upper: estimate + groups.z * se, notes };
  },
};
