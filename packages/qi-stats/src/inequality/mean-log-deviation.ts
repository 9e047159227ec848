import type { MeasureDefinition } from './measure-definition.js';
import { weightedMean } from './prepare.js';
import { replaceZeros } from './zero-replacement.js';

/**
 * MLD, the mean log deviation (Theil's L) ×1000 (HEAT technical notes v6.0
 * §3.7):
 *
 *   MLD = 1000 · Σ p_j (−ln r_j),   r_j = y_j / μ
 *
 * More sensitive than TI to groups far below the average. Estimates of 0
 * are replaced by 1e-6 first (see zero-replacement.ts).
 *
 * Interval (analytic, normal), var(MLD/1000) = Σ (p_j²σ_j²/μ²)(1 − 1/r_j)².
 * Deliberate difference from the reference: as for TI, HEAT and healthequal
 * leave the SE unscaled while the estimate is ×1000; qi-stats scales both.
 */
export const meanLogDeviation: MeasureDefinition = {
  measure: 'mld',
  minGroups: 3,
  estimate(y, groups) {
    const values = replaceZeros(y);
    const mean = weightedMean(values, groups.share);
    let sum = 0;
    for (let j = 0; j < values.length; j++) {
      sum -= (groups.share[j] as number) * Math.log((values[j] as number) / mean);
    }
    return 1000 * sum;
  },
  analytic(groups, estimate) {
    if (groups.se === null) return null;
    const values = replaceZeros(groups.y);
    const mean = weightedMean(values, groups.share);
    let variance = 0;
    for (let j = 0; j < values.length; j++) {
      const r = (values[j] as number) / mean;
      const p = groups.share[j] as number;
      variance += ((p * p * (groups.se[j] as number) ** 2) / (mean * mean)) * (1 - 1 / r) ** 2;
    }
    const se = 1000 * Math.sqrt(variance);
    return { se, lower: estimate - groups.z * se, upper: estimate + groups.z * se };
  },
  notes(groups) {
    return groups.y.includes(0) ? ['estimates of 0 replaced by 1e-6 before taking logs (as HEAT)'] : [];
  },
};
