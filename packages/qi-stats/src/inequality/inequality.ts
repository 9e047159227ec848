import { QiStatsInputError } from '../errors.js';
import { betweenGroupSd } from './between-group-sd.js';
import { betweenGroupVariance } from './between-group-variance.js';
import { simulateInterval } from './bootstrap.js';
import { coefficientOfVariation } from './coefficient-of-variation.js';
import { difference } from './difference.js';
import { indexOfDisparityUnweighted, indexOfDisparityWeighted } from './index-of-disparity.js';
import {
  meanDifferenceFromBestUnweighted,
  meanDifferenceFromBestWeighted,
  meanDifferenceFromMeanUnweighted,
  meanDifferenceFromMeanWeighted,
} from './mean-difference.js';
import { meanLogDeviation } from './mean-log-deviation.js';
import type { MeasureDefinition, MeasureUndefined } from './measure-definition.js';
import { populationAttributableFraction, populationAttributableRiskMeasure } from './paf.js';
import { type PreparedGroups, prepareGroups } from './prepare.js';
import { ratio } from './ratio.js';
import { theilIndex } from './theil.js';
import type {
  GroupEstimate,
  InequalityMeasure,
  InequalityOptions,
  InequalityResult,
  InequalityUnavailable,
} from './types.js';

const DEFINITIONS: Record<InequalityMeasure, MeasureDefinition> = {
  d: difference,
  r: ratio,
  bgv: betweenGroupVariance,
  bgsd: betweenGroupSd,
  covar: coefficientOfVariation,
  idisu: indexOfDisparityUnweighted,
  idisw: indexOfDisparityWeighted,
  mdbu: meanDifferenceFromBestUnweighted,
  mdbw: meanDifferenceFromBestWeighted,
  mdmu: meanDifferenceFromMeanUnweighted,
  mdmw: meanDifferenceFromMeanWeighted,
  ti: theilIndex,
  mld: meanLogDeviation,
  paf: populationAttributableFraction,
  parisk: populationAttributableRiskMeasure,
};

const ALL_ESTIMATES_ZERO: MeasureUndefined = Object.freeze({
  rule: 'all-estimates-zero',
  reason: 'every group estimate is 0 (HEAT computes no measure)',
  field: 'estimate',
  value: 0,
});

/** HEAT's default seed (`set.seed(123456)`); qi-stats' generator differs, the number is kept for familiarity. */
export const DEFAULT_SEED = 123456;
/** Replicates for simulated intervals. HEAT uses 100; 1000 makes the 2.5% and 97.5% quantiles steadier. */
export const DEFAULT_SIMULATIONS = 1000;

function checkedSimulations(options: InequalityOptions): number {
  const simulations = options.simulations ?? DEFAULT_SIMULATIONS;
  if (!Number.isInteger(simulations) || simulations < 0) {
    throw new QiStatsInputError({
      field: 'simulations',
      rule: 'invalid-simulations',
      value: simulations,
      message: 'simulations must be a whole number >= 0',
    });
  }
  return simulations;
}

function unavailable(measure: InequalityMeasure, reason: string): InequalityUnavailable {
  return { measure, estimate: null, se: null, lower: null, upper: null, reason };
}

/** What `inequality` suggests instead, per reason the measure is undefined. */
const INSTEAD: Record<MeasureUndefined['rule'], string> = {
  'too-few-groups':
    'd, r, paf and parisk need 2 groups, the other measures 3; with 2 groups use one of those four',
  'all-estimates-zero': "there is no inequality to measure; report the groups' estimates (all 0) instead",
  'zero-setting-average':
    "relative measures divide by the setting average; use an absolute measure such as 'd' or 'bgv'",
  'reference-not-found':
    'pass the name of one of the groups as options.reference, or null to compare best with worst',
  'no-comparison-group': 'add at least one group besides the reference',
  'zero-ratio-denominator': "use the difference 'd', which is defined when an estimate is 0",
};

function unavailableError(measure: InequalityMeasure, why: MeasureUndefined): QiStatsInputError {
  return new QiStatsInputError({
    field: why.field ?? 'groups',
    position: why.position ?? null,
    rule: why.rule,
    value: why.value,
    message:
      `inequality measure '${measure}' is undefined for these groups: ${why.reason}; ` +
      `${INSTEAD[why.rule]}, or call inequalityOrReason for an InequalityUnavailable with this reason`,
  });
}

function isUndefinedMeasure(result: InequalityResult | MeasureUndefined): result is MeasureUndefined {
  return 'rule' in result;
}

function checkedDefinition(measure: InequalityMeasure, field: string): MeasureDefinition {
  const definition = DEFINITIONS[measure];
  if (definition === undefined) {
    throw new QiStatsInputError({
      field,
      rule: 'unknown-measure',
      value: measure,
      message: `unknown inequality measure '${String(measure)}'`,
    });
  }
  return definition;
}

/** One measure, or why it is undefined; shared by `inequality` and `inequalityOrReason`. */
function computeMeasure(
  groups: ReadonlyArray<GroupEstimate>,
  measure: InequalityMeasure,
  options: InequalityOptions,
): InequalityResult | MeasureUndefined {
  const definition = checkedDefinition(measure, 'measure');
  const simulations = checkedSimulations(options);
  const seed = options.seed ?? DEFAULT_SEED;
  return measureFromPrepared(
    prepareGroups(groups, options),
    definition,
    simulations,
    seed,
    options.intervalApproach,
  );
}

/**
 * One summary measure of inequality across unordered groups (ethnic groups,
 * sites, regions): the 15 measures WHO's Health Equity Assessment Toolkit
 * (HEAT) computes for non-ordered dimensions.
 *
 * | measure | what | unit |
 * | --- | --- | --- |
 * | d, r | difference and ratio, reference vs the worst other group (or best vs worst) | unit / ratio |
 * | bgv, bgsd | between-group variance and standard deviation | unit², unit |
 * | covar | coefficient of variation, 100·BGSD/μ | % |
 * | mdmu, mdmw | mean absolute difference from the setting average, unweighted / weighted | unit |
 * | mdbu, mdbw | mean absolute difference from the best group | unit |
 * | idisu, idisw | index of disparity, 100·MDM/μ | % |
 * | ti, mld | Theil index and mean log deviation, ×1000 | — |
 * | paf, parisk | population attributable fraction (%) and risk (unit) | %, unit |
 *
 * μ is the population-weighted average Σp_j·y_j, as HEAT uses whenever
 * populations are known (for counts it is the pooled rate).
 *
 * When to use: a one-number summary of how far apart all groups are, beside
 * the per-group comparisons of `disparityTable`. Absolute measures (d, bgv,
 * mdxx, parisk) and relative ones (r, covar, idisx, ti, mld, paf) can move in
 * opposite directions; report one of each.
 *
 * Intervals: analytic (normal) for d, r (log scale), bgv, ti, mld, paf and
 * parisk; a seeded parametric simulation (`options.simulations`,
 * `options.seed`) for the others, where HEAT only simulates, or with
 * `intervalApproach: 'taylor'` a deterministic delta-method approximation. Every interval
 * needs every group's `se`; paf and parisk need `options.scale` instead.
 * Where HEAT's own intervals are wrong, qi-stats computes them correctly:
 * TI and MLD standard errors are scaled ×1000 like their estimates, and the
 * PAF standard error ×100 like PAF (see theil.ts, mean-log-deviation.ts,
 * paf.ts); BGV's lower limit is truncated at 0.
 *
 * Undefined measures throw: fewer than 2 groups (3 for the complex
 * measures, HEAT's rule), every estimate 0, a setting average of 0 for
 * relative measures, a reference that is not among the groups, or a ratio
 * over a zero estimate throw QiStatsInputError with the rule named in
 * `InequalityUnavailableRule` and a message saying what to use instead.
 * Where every measure or every table needs a result, use
 * `inequalityOrReason`, which returns an `InequalityUnavailable` with nulls
 * and the reason instead. Bad input (negative or non-finite estimates,
 * non-positive populations, a level outside (0, 1)) throws QiStatsInputError
 * from both.
 *
 * Cost: O(groups) for analytic measures; O(simulations × groups) for
 * simulated ones (about 1 ms for 16 groups and 1000 replicates).
 *
 * @throws QiStatsInputError with rule 'too-few-groups', 'all-estimates-zero',
 *   'zero-setting-average', 'reference-not-found', 'no-comparison-group' or
 *   'zero-ratio-denominator' when the measure is undefined for the groups
 *   (see `InequalityUnavailableRule`)
 * @throws QiStatsInputError for bad groups or options ('invalid-estimate',
 *   'non-positive-population', 'level-out-of-range', 'unknown-measure', ...)
 *
 * Reference: WHO HEAT and HEAT Plus technical notes v6.0 (2024); healthequal
 * 1.0.1 (WHO's R package), whose point estimates qi-stats reproduces to 1e-9
 * (conformance cases disp-101-01 to -40).
 *
 * @example
 * const groups = [
 *   { group: 'White', estimate: 13.14, se: 0.43, population: 6210 },
 *   { group: 'Mixed', estimate: 23.46, se: 0.28, population: 22503 },
 *   { group: 'Chinese', estimate: 31.75, se: 0.50, population: 8645 },
 * ];
 * inequality(groups, 'd', { favourable: 'lower', reference: 'White' });
 * // { measure: 'd', estimate: 18.61, se: 0.6595, lower: 17.317, upper: 19.903, intervalMethod: 'analytic',
 * //   notes: ['Chinese compared with White'] }
 * inequality(groups, 'd', { favourable: 'lower', reference: 'Black' });
 * // throws QiStatsInputError, rule 'reference-not-found'
 */
export function inequality(
  groups: ReadonlyArray<GroupEstimate>,
  measure: InequalityMeasure,
  options: InequalityOptions,
): InequalityResult {
  const result = computeMeasure(groups, measure, options);
  if (!isUndefinedMeasure(result)) return result;
  const why = result.rule === 'reference-not-found' ? { ...result, value: options.reference } : result;
  throw unavailableError(measure, why);
}

/**
 * `inequality` that never throws for an undefined measure: where the measure
 * does not exist for these groups (too few groups, every estimate 0, a
 * setting average of 0, a reference not among the groups, a ratio over a
 * zero estimate) it returns an `InequalityUnavailable` with nulls and the
 * reason, never NaN. Use it where every measure needs a row, as
 * `inequalitySummary` and `disparityTable` do. Otherwise the same result as
 * `inequality`; bad input still throws QiStatsInputError.
 *
 * Cost: as `inequality`.
 *
 * @example
 * // groups as in the `inequality` example
 * inequalityOrReason(groups, 'd', { favourable: 'lower', reference: 'Black' });
 * // { measure: 'd', estimate: null, se: null, lower: null, upper: null,
 * //   reason: 'the reference group is not among the groups' }
 */
export function inequalityOrReason(
  groups: ReadonlyArray<GroupEstimate>,
  measure: InequalityMeasure,
  options: InequalityOptions,
): InequalityResult | InequalityUnavailable {
  const result = computeMeasure(groups, measure, options);
  return isUndefinedMeasure(result) ? unavailable(measure, result.reason) : result;
}

/**
 * Several summary measures of the same groups, validating and preparing the
 * groups once (what `disparityTable` uses). Same results, in the same
 * order, as calling `inequalityOrReason` for each measure: an undefined
 * measure is an `InequalityUnavailable` with a reason, never an error.
 *
 * Cost: O(measures × groups) plus the simulations.
 *
 * @example
 * // groups as in the `inequality` example
 * inequalitySummary(groups, ['d', 'bgv', 'ti'], { favourable: 'lower', reference: 'White' })
 *   .map((m) => m.estimate); // [18.61, 33.566..., 31.839...]
 */
export function inequalitySummary(
  groups: ReadonlyArray<GroupEstimate>,
  measures: ReadonlyArray<InequalityMeasure>,
  options: InequalityOptions,
): Array<InequalityResult | InequalityUnavailable> {
  const simulations = checkedSimulations(options);
  const seed = options.seed ?? DEFAULT_SEED;
  const prepared = prepareGroups(groups, options);
  return measures.map((measure) => {
    const definition = checkedDefinition(measure, 'measures');
    const result = measureFromPrepared(prepared, definition, simulations, seed, options.intervalApproach);
    return isUndefinedMeasure(result) ? unavailable(measure, result.reason) : result;
  });
}

function measureFromPrepared(
  prepared: PreparedGroups,
  definition: MeasureDefinition,
  simulations: number,
  seed: number,
  approach: 'simulation' | 'taylor' = 'simulation',
): InequalityResult | MeasureUndefined {
  const measure = definition.measure;
  if (prepared.y.length < definition.minGroups) {
    return {
      rule: 'too-few-groups',
      reason: `needs at least ${definition.minGroups} groups, got ${prepared.y.length}`,
      field: 'groups',
      value: prepared.y.length,
    };
  }
  if (prepared.y.every((value) => value === 0)) {
    return ALL_ESTIMATES_ZERO;
  }
  const estimate = definition.estimate(prepared.y, prepared);
  if (typeof estimate !== 'number') return estimate;
  const notes = definition.notes ? definition.notes(prepared, estimate) : [];
  if (definition.analytic) {
    const interval = definition.analytic(prepared, estimate);
    if (interval === null) {
      return { measure, estimate, se: null, lower: null, upper: null, intervalMethod: 'none', notes };
    }
    return {
      measure,
      estimate,
      se: interval.se,
      lower: interval.lower,
      upper: interval.upper,
      intervalMethod: 'analytic',
      notes: interval.notes?.length ? [...notes, ...interval.notes] : notes,
    };
  }
  if (approach === 'taylor' && definition.taylor) {
    const interval = definition.taylor(prepared, estimate);
    if (interval === null) {
      return { measure, estimate, se: null, lower: null, upper: null, intervalMethod: 'none', notes };
    }
    return {
      measure,
      estimate,
      se: interval.se,
      lower: interval.lower,
      upper: interval.upper,
      intervalMethod: 'taylor',
      notes: interval.notes?.length ? [...notes, ...interval.notes] : notes,
    };
  }
  const simulated = simulations > 0 ? simulateInterval(prepared, definition, simulations, seed) : null;
  if (simulated === null) {
    return { measure, estimate, se: null, lower: null, upper: null, intervalMethod: 'none', notes };
  }
  return {
    measure,
    estimate,
    se: null,
    lower: simulated.lower,
    upper: simulated.upper,
    intervalMethod: 'simulation',
    simulations,
    seed,
    notes,
  };
}
