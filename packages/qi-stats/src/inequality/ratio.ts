import type { MeasureDefinition } from './measure-definition.js';
import { comparedPair } from './pairwise.js';

/**
 * R, the ratio of two groups (HEAT technical notes v6.0 §3.1), y₁ / y₂ with
 * the pair chosen by `comparedPair`. The interval is on the log scale:
 * se(ln R) = √(se₁²/y₁² + se₂²/y₂²), limits exp(ln R ± z·se). The reported
 * se is se(ln R), as healthequal reports it (HEAT's engine reports se(R)).
 *
 * Undefined (null, not Infinity) when y₂ = 0, as in HEAT's engine; when
 * y₁ = 0 the ratio is 0 and its log interval does not exist.
 */
export const ratio: MeasureDefinition = {
  measure: 'r',
  minGroups: 2,
  estimate(y, groups) {
    const pair = comparedPair(y, groups);
    if (!Array.isArray(pair)) return pair;
    const denominator = y[pair[1]] as number;
    if (denominator === 0) {
      return {
        rule: 'zero-ratio-denominator',
        reason: `${groups.names[pair[1]]} has an estimate of 0: the ratio is undefined`,
        field: 'estimate',
        position: pair[1] + 1,
        value: 0,
      };
    }
    return (y[pair[0]] as number) / denominator;
  },
  analytic(groups, estimate) {
    const pair = comparedPair(groups.y, groups);
    if (!Array.isArray(pair) || groups.se === null || estimate === 0) return null;
    const y1 = groups.y[pair[0]] as number;
    const y2 = groups.y[pair[1]] as number;
    const se = Math.sqrt(
      ((groups.se[pair[0]] as number) / y1) ** 2 + ((groups.se[pair[1]] as number) / y2) ** 2,
    );
    return { se, lower: estimate * Math.exp(-groups.z * se), upper: estimate * Math.exp(groups.z * se) };
  },
  notes(groups) {
    const pair = comparedPair(groups.y, groups);
    if (!Array.isArray(pair)) return [];
    return [`${groups.names[pair[0]]} compared with ${groups.names[pair[1]]}`];
  },
};
