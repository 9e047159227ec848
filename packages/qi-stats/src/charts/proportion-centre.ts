import { sumOfPresent } from '../math/sum.js';
import { baseValues, type PartFrame } from './part-frame.js';

/**
 * Centre line of a p, p′, u or u′ chart: Σy / Σn over the baseline's
 * included subgroups (the pooled proportion or rate), not the mean of the
 * subgroup proportions. Missing subgroups add nothing to either sum.
 *
 * Reference: Montgomery (6th ed.) eqs. 7.8 and 7.19; qicharts2 0.8.1
 * `qic.p()`, `qic.u()`.
 *
 * @example
 * // 7 / 40 = 0.175, not the mean of the proportions (0.1 + 0.2) / 2 = 0.15
 * controlChart({ chart: 'p', y: [1, 6], n: [10, 30] }).points[0].cl; // 0.175
 */
export function pooledRatio(frame: PartFrame): number {
  return sumOfPresent(baseValues(frame.ySum, frame)) / sumOfPresent(baseValues(frame.n, frame));
}
