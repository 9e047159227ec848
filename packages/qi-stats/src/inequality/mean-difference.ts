import type { MeasureDefinition } from './measure-definition.js';
import { bestIndex, weightedMean } from './prepare.js';
import {
  intervalFromGradient,
  meanDifferenceFromBestGradient,
  meanDifferenceFromMeanGradient,
} from './taylor.js';

/** Σ w_j |y_j − target|, with w_j = 1/J (unweighted) or p_j (weighted). */
export function meanAbsoluteDifference(
  y: ReadonlyArray<number>,
  share: ReadonlyArray<number>,
  target: number,
  weighted: boolean,
): number {
  let sum = 0;
  for (let j = 0; j < y.length; j++) {
    const weight = weighted ? (share[j] as number) : 1 / y.length;
    sum += weight * Math.abs((y[j] as number) - target);
  }
  return sum;
}

function fromMean(weighted: boolean): MeasureDefinition['estimate'] {
  return (y, groups) => meanAbsoluteDifference(y, groups.share, weightedMean(y, groups.share), weighted);
}

function fromBest(weighted: boolean): MeasureDefinition['estimate'] {
  return (y, groups) =>
    meanAbsoluteDifference(y, groups.share, y[bestIndex(y, groups.favourable)] as number, weighted);
}

/**
 * MDMU and MDMW, mean difference from the mean: (1/J)Σ|y_j − μ| and
 * Σp_j|y_j − μ|, with μ the population-weighted average even for the
 * unweighted form (HEAT technical notes v6.0 §3.5, footnote 4). Units: the
 * indicator's. Simulated intervals, or Taylor (see taylor.ts).
 */
export const meanDifferenceFromMeanUnweighted: MeasureDefinition = {
  measure: 'mdmu',
  minGroups: 3,
  estimate: fromMean(false),
  taylor: (groups, estimate) =>
    intervalFromGradient(groups, estimate, meanDifferenceFromMeanGradient(groups, false)),
};

/** See `meanDifferenceFromMeanUnweighted`. */
export const meanDifferenceFromMeanWeighted: MeasureDefinition = {
  measure: 'mdmw',
  minGroups: 3,
  estimate: fromMean(true),
  taylor: (groups, estimate) =>
    intervalFromGradient(groups, estimate, meanDifferenceFromMeanGradient(groups, true)),
};

/**
 * MDBU and MDBW, mean difference from the best group: (1/J)Σ|y_j − y_best|
 * and Σp_j|y_j − y_best|, best being the lowest estimate when lower is
 * favourable (HEAT technical notes v6.0 §3.5). The best group is found again
 * in each simulated replicate. Simulated intervals, or Taylor (see taylor.ts).
 */
export const meanDifferenceFromBestUnweighted: MeasureDefinition = {
  measure: 'mdbu',
  minGroups: 3,
  estimate: fromBest(false),
  taylor: (groups, estimate) =>
    intervalFromGradient(groups, estimate, meanDifferenceFromBestGradient(groups, false)),
};

/** See `meanDifferenceFromBestUnweighted`. */
export const meanDifferenceFromBestWeighted: MeasureDefinition = {
  measure: 'mdbw',
  minGroups: 3,
  estimate: fromBest(true),
  taylor: (groups, estimate) =>
    intervalFromGradient(groups, estimate, meanDifferenceFromBestGradient(groups, true)),
};
