import type { MeasureDefinition } from './measure-definition.js';
import { comparedPair } from './pairwise.js';

/**
 * D, the difference between two groups (HEAT technical notes v6.0 §3.1),
 * y₁ − y₂ with the pair chosen by `comparedPair`. Its variance is
 * se₁² + se₂² and its interval normal. Unit: the indicator's.
 */
export const difference: MeasureDefinition = {
  measure: 'd',
  minGroups: 2,
  estimate(y, groups) {
    const pair = comparedPair(y, groups);
    if (!Array.isArray(pair)) return pair;
    return (y[pair[0]] as number) - (y[pair[1]] as number);
  },
  analytic(groups, estimate) {
    const pair = comparedPair(groups.y, groups);
    if (!Array.isArray(pair) || groups.se === null) return null;
    const se = Math.sqrt((groups.se[pair[0]] as number) ** 2 + (groups.se[pair[1]] as number) ** 2);
    return { se, lower: estimate - groups.z * se, upper: estimate + groups.z * se };
  },
  notes(groups) {
    const pair = comparedPair(groups.y, groups);
    if (!Array.isArray(pair)) return [];
    return [`${groups.names[pair[0]]} compared with ${groups.names[pair[1]]}`];
  },
};
