import { type AnalyticInterval, type MeasureDefinition, ZERO_SETTING_AVERAGE } from './measure-definition.js';
import { bestIndex, type PreparedGroups, weightedMean } from './prepare.js';

/**
 * The group PAF and PAR measure against: always the best group (lowest
 * estimate when lower is favourable), as healthequal 1.0.1's `paf()` and
 * `parisk()` do; they have no reference argument, and the conformance
 * vectors follow them. HEAT's engine lets a `reference_subgroup` override
 * this; qi-stats does not, because the per-group gap against a named
 * reference is what `disparityTable`'s excess events already report.
 */
function targetIndex(y: ReadonlyArray<number>, groups: PreparedGroups): number {
  return bestIndex(y, groups.favourable);
}

/**
 * PAR = y_target − μ, clipped to 0 when its sign says the target is worse
 * than the average (lower favourable: PAR > 0 → 0; higher favourable:
 * PAR < 0 → 0), as HEAT does.
 */
function populationAttributableRisk(y: ReadonlyArray<number>, groups: PreparedGroups): number {
  const target = targetIndex(y, groups);
  const mean = weightedMean(y, groups.share);
  const par = (y[target] as number) - mean;
  if (groups.favourable === 'lower' ? par > 0 : par < 0) return 0;
  return par;
}

/**
 * Walter's (1978) variance of the attributable fraction (on the 0-1 scale)
 * from the 2×2 table HEAT builds (technical notes v6.0 p.45):
 * c = y_ref/K·n_ref, d = n_ref − c, a = μ/K·N − c, b = N − a − n_ref,
 * var = c·N·[a·d·(N − c) + b·c²] / ((a + c)³ (c + d)³).
 */
function walterSe(groups: PreparedGroups): number | null {
  if (groups.scale === null) return null;
  const target = targetIndex(groups.y, groups);
  const scale = groups.scale;
  const nRef = groups.population[target] as number;
  const total = groups.population.reduce((sum, n) => sum + n, 0);
  const c = ((groups.y[target] as number) / scale) * nRef;
  const d = nRef - c;
  const a = (groups.mean / scale) * total - c;
  const b = total - a - nRef;
  const variance = (c * total * (a * d * (total - c) + b * c * c)) / ((a + c) ** 3 * (c + d) ** 3);
  if (!Number.isFinite(variance) || variance < 0) return null;
  return Math.sqrt(variance);
}

function normalInterval(estimate: number, se: number, groups: PreparedGroups): AnalyticInterval {
  return { se, lower: estimate - groups.z * se, upper: estimate + groups.z * se };
}

/**
 * PARISK, population attributable risk (HEAT technical notes v6.0 §3.8):
 * how much the setting average would change if every group had the
 * best group's estimate, in the indicator's units. Negative
 * for adverse outcomes: the events that would not happen. Interval: normal
 * with se(PAR) = μ·se(PAF fraction) (Walter), which needs `scale`.
 */
export const populationAttributableRiskMeasure: MeasureDefinition = {
  measure: 'parisk',
  minGroups: 2,
  estimate(y, groups) {
    const mean = weightedMean(y, groups.share);
    if (mean === 0) return ZERO_SETTING_AVERAGE;
    return populationAttributableRisk(y, groups);
  },
  analytic(groups, estimate) {
    const se = walterSe(groups);
    return se === null ? null : normalInterval(estimate, groups.mean * se, groups);
  },
  notes(groups) {
    return [`measured against the best group, ${groups.names[targetIndex(groups.y, groups)]}`];
  },
};

/**
 * PAF, population attributable fraction 100·PAR/μ (HEAT technical notes
 * v6.0 §3.8), in percent; negative for adverse outcomes. Interval: normal
 * with Walter's variance.
 *
 * Deliberate difference from the reference: HEAT and healthequal use
 * se(PAF) on the 0-1 scale against PAF in percent, so their interval is 100
 * times too narrow (healthequal's test expects 45.335-45.754 around 45.54).
 * qi-stats puts the SE on the percent scale (×100).
 */
export const populationAttributableFraction: MeasureDefinition = {
  measure: 'paf',
  minGroups: 2,
  estimate(y, groups) {
    const mean = weightedMean(y, groups.share);
    if (mean === 0) return ZERO_SETTING_AVERAGE;
    return (100 * populationAttributableRisk(y, groups)) / mean;
  },
  analytic(groups, estimate) {
    const se = walterSe(groups);
    return se === null ? null : normalInterval(estimate, 100 * se, groups);
  },
  notes(groups) {
    return [`measured against the best group, ${groups.names[targetIndex(groups.y, groups)]}`];
  },
};
