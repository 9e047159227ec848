import { betweenGroupVarianceOf } from './between-group-variance.js';
import { type MeasureDefinition, ZERO_SETTING_AVERAGE } from './measure-definition.js';
import { weightedMean } from './prepare.js';
import { coefficientOfVariationGradient, intervalFromGradient } from './taylor.js';

/**
 * COV, coefficient of variation 100·BGSD/μ (HEAT technical notes v6.0
 * §3.4), in percent. Undefined when μ = 0. Simulated interval, or Taylor
 * (see taylor.ts).
 */
export const coefficientOfVariation: MeasureDefinition = {
  measure: 'covar',
  minGroups: 3,
  estimate(y, groups) {
    const mean = weightedMean(y, groups.share);
    if (mean === 0) return ZERO_SETTING_AVERAGE;
    return (100 * Math.sqrt(betweenGroupVarianceOf(y, groups.share))) / mean;
  },
  taylor(groups, estimate) {
    const bgsd = (estimate * groups.mean) / 100;
    if (bgsd === 0) return null;
    return intervalFromGradient(groups, estimate, coefficientOfVariationGradient(groups, bgsd));
  },
};
