import { betweenGroupVarianceOf } from './between-group-variance.js';
import type { MeasureDefinition } from './measure-definition.js';
import { betweenGroupSdTaylor } from './taylor.js';

/**
 * BGSD, between-group standard deviation √BGV (HEAT technical notes v6.0
 * §3.4), in the indicator's units. HEAT has no closed-form interval; qi-stats
 * simulates one (see bootstrap.ts) or, on request, uses the Taylor
 * approximation var(BGV)/(4·BGV) (see taylor.ts).
 */
export const betweenGroupSd: MeasureDefinition = {
  measure: 'bgsd',
  minGroups: 3,
  estimate(y, groups) {
    return Math.sqrt(betweenGroupVarianceOf(y, groups.share));
  },
  taylor: betweenGroupSdTaylor,
};
