import type { MeasureDefinition } from './measure-definition.js';
import { weightedMean } from './prepare.js';
import { replaceZeros } from './zero-replacement.js';

/**
 * TI, the Theil index ×1000 (HEAT technical notes v6.0 §3.7):
 *
 *   TI = 1000 · Σ p_j r_j ln r_j,   r_j = y_j / μ
 *
 * 0 means every group has the setting average; it grows as groups with
 * large shares sit far from it. Estimates of 0 are replaced by 1e-6 first
 * (see zero-replacement.ts).
 *
 * Interval (analytic, normal), with
 *
 *   var(TI/1000) = Σ p_j²σ_j²[(1 + ln r_j) − Σ_k p_k r_k(1 + ln r_k)]² / μ²
 *
 * Deliberate difference from the reference: HEAT and healthequal multiply
 * the estimate by 1000 but not its standard error ("added 1000 * per git
 * 374" was applied to the estimate only), so their intervals are 1000 times
 * too narrow. qi-stats multiplies the SE by 1000 too.
 */
export const theilIndex: MeasureDefinition = {
  measure: 'ti',
  minGroups: 3,
  estimate(y, groups) {
    const values = replaceZeros(y);
    const mean = weightedMean(values, groups.share);
    let sum = 0;
    for (let j = 0; j < values.length; j++) {
      const r = (values[j] as number) / mean;
      sum += (groups.share[j] as number) * r * Math.log(r);
    }
    return 1000 * sum;
  },
  analytic(groups, estimate) {
    if (groups.se === null) return null;
    const values = replaceZeros(groups.y);
    const mean = weightedMean(values, groups.share);
    let centre = 0;
    for (let k = 0; k < values.length; k++) {
      const r = (values[k] as number) / mean;
      centre += (groups.share[k] as number) * r * (1 + Math.log(r));
    }
    let variance = 0;
    for (let j = 0; j < values.length; j++) {
      const r = (values[j] as number) / mean;
      const p = groups.share[j] as number;
      variance += p * p * (groups.se[j] as number) ** 2 * (1 + Math.log(r) - centre) ** 2;
    }
    const se = (1000 * Math.sqrt(variance)) / mean;
    return { se, lower: estimate - groups.z * se, upper: estimate + groups.z * se };
  },
  notes(groups) {
    return groups.y.includes(0) ? ['estimates of 0 replaced by 1e-6 before taking logs (as HEAT)'] : [];
  },
};
