import { meanAbsoluteDifference } from './mean-difference.js';
import { type MeasureDefinition, ZERO_SETTING_AVERAGE } from './measure-definition.js';
import { weightedMean } from './prepare.js';
import { indexOfDisparityGradient, intervalFromGradient } from './taylor.js';

function indexOfDisparity(weighted: boolean): MeasureDefinition['estimate'] {
  return (y, groups) => {
    const mean = weightedMean(y, groups.share);
    if (mean === 0) return ZERO_SETTING_AVERAGE;
    return (100 * meanAbsoluteDifference(y, groups.share, mean, weighted)) / mean;
  };
}

/**
 * IDISU and IDISW, index of disparity: 100·MDMU/μ and 100·MDMW/μ (HEAT
 * technical notes v6.0 §3.6; Pearcy & Keppel 2002 with the total rate as
 * reference), in percent. Undefined when μ = 0. Simulated intervals, μ
 * recomputed in each replicate (as healthequal does), or Taylor (taylor.ts).
 */
export const indexOfDisparityUnweighted: MeasureDefinition = {
  measure: 'idisu',
  minGroups: 3,
  estimate: indexOfDisparity(false),
  taylor: (groups, estimate) =>
    intervalFromGradient(
      groups,
      estimate,
      indexOfDisparityGradient(groups, false, (estimate * groups.mean) / 100),
    ),
};

/** See `indexOfDisparityUnweighted`. */
export const indexOfDisparityWeighted: MeasureDefinition = {
  measure: 'idisw',
  minGroups: 3,
  estimate: indexOfDisparity(true),
  taylor: (groups, estimate) =>
    intervalFromGradient(
      groups,
      estimate,
      indexOfDisparityGradient(groups, true, (estimate * groups.mean) / 100),
    ),
};
