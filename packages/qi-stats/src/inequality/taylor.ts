import { betweenGroupVariance } from './between-group-variance.js';
import type { AnalyticInterval } from './measure-definition.js';
import { bestIndex, type PreparedGroups } from './prepare.js';

/**
 * Deterministic (Taylor-series, delta-method) intervals for the measures
 * HEAT only simulates: var(F) ≈ Σ (∂F/∂y_k)² σ_k², as HD*Calc linearises
 * its summary measures (Harper & Lynch 2005, NCI monograph 6). Normal
 * interval, lower limit truncated at 0 because every one of these measures
 * is non-negative.
 *
 * These are approximations: the measures are not differentiable where a
 * group sits exactly on the average or ties for best, and the normal
 * interval ignores their skew when groups are close together. HEAT-style
 * simulation stays the default of `inequality`; Taylor intervals are for
 * speed and reproducibility (`disparityTable` uses them by default).
 * The gradients are disparity-measures.md §5; the tests compare the
 * resulting SEs with simulated spreads.
 */

function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** Normal interval from a gradient: se = √Σ(g_k σ_k)², lower truncated at 0. */
export function intervalFromGradient(
  groups: PreparedGroups,
  estimate: number,
  gradient: ReadonlyArray<number>,
): AnalyticInterval | null {
  if (groups.se === null) return null;
  let variance = 0;
  for (let k = 0; k < gradient.length; k++)
    variance += ((gradient[k] as number) * (groups.se[k] as number)) ** 2;
  return fromSe(groups, estimate, Math.sqrt(variance));
}

function fromSe(groups: PreparedGroups, estimate: number, se: number): AnalyticInterval {
  const lower = estimate - groups.z * se;
  return {
    se,
    lower: Math.max(0, lower),
    upper: estimate + groups.z * se,
    notes: lower < 0 ? ['Taylor approximation; lower limit truncated at 0'] : ['Taylor approximation'],
  };
}

/** ∂MDM/∂y_k: weighted p_k(s_k − Σp_j s_j); unweighted (1/J)(s_k − p_k Σ s_j). */
export function meanDifferenceFromMeanGradient(groups: PreparedGroups, weighted: boolean): number[] {
  const { y, share, mean } = groups;
  const signs = y.map((value) => sign(value - mean));
  const J = y.length;
  let weightedSum = 0;
  let plainSum = 0;
  for (let j = 0; j < J; j++) {
    weightedSum += (share[j] as number) * (signs[j] as number);
    plainSum += signs[j] as number;
  }
  return signs.map((s, k) => {
    const p = share[k] as number;
    return weighted ? p * (s - weightedSum) : (s - p * plainSum) / J;
  });
}

/** ∂MDB/∂y_k: w_k·sign(y_k − y_best) for the others; the best group takes minus their sum. */
export function meanDifferenceFromBestGradient(groups: PreparedGroups, weighted: boolean): number[] {
  const { y, share } = groups;
  const best = bestIndex(y, groups.favourable);
  const bestValue = y[best] as number;
  const gradient = y.map(
    (value, k) => (weighted ? (share[k] as number) : 1 / y.length) * sign(value - bestValue),
  );
  gradient[best] = -gradient.reduce((sum, g, k) => (k === best ? sum : sum + g), 0);
  return gradient;
}

/** ∂(100·MD/μ)/∂y_k = 100(∂MD_k/μ − MD·p_k/μ²). */
export function indexOfDisparityGradient(
  groups: PreparedGroups,
  weighted: boolean,
  meanDifference: number,
): number[] {
  const { share, mean } = groups;
  return meanDifferenceFromMeanGradient(groups, weighted).map(
    (g, k) => 100 * (g / mean - (meanDifference * (share[k] as number)) / (mean * mean)),
  );
}

/** BGSD: var ≈ var(BGV) / (4·BGV), the delta method on √BGV with Ahn's BGV variance. */
export function betweenGroupSdTaylor(groups: PreparedGroups, estimate: number): AnalyticInterval | null {
  if (estimate === 0) return null;
  const bgv = betweenGroupVariance.analytic?.(groups, estimate * estimate) ?? null;
  if (bgv === null) return null;
  return fromSe(groups, estimate, bgv.se / (2 * estimate));
}

/** COV = 100·BGSD/μ: ∂_k = 100(p_k(y_k − μ)/(BGSD·μ) − BGSD·p_k/μ²). */
export function coefficientOfVariationGradient(groups: PreparedGroups, bgsd: number): number[] {
  const { y, share, mean } = groups;
  return y.map((value, k) => {
    const p = share[k] as number;
    return 100 * ((p * (value - mean)) / (bgsd * mean) - (bgsd * p) / (mean * mean));
  });
}
