/** The 15 WHO HEAT summary measures valid for unordered groups such as ethnicity. */
export type InequalityMeasure =
  | 'd'
  | 'r'
  | 'bgv'
  | 'bgsd'
  | 'covar'
  | 'idisu'
  | 'idisw'
  | 'mdbu'
  | 'mdbw'
  | 'mdmu'
  | 'mdmw'
  | 'ti'
  | 'mld'
  | 'paf'
  | 'parisk';

/** Every measure `inequality` computes, in the order HEAT's technical notes list them. */
export const INEQUALITY_MEASURES: ReadonlyArray<InequalityMeasure> = [
  'd',
  'r',
  'bgv',
  'bgsd',
  'covar',
  'idisu',
  'idisw',
  'mdbu',
  'mdbw',
  'mdmu',
  'mdmw',
  'ti',
  'mld',
  'paf',
  'parisk',
];

/** One group's estimate, as the shared API contract defines it. */
export interface GroupEstimate {
  group: string;
  /** The group's estimate on the indicator's scale (e.g. per 1,000). */
  estimate: number;
  /** Standard error on the same scale; needed for intervals. */
  se?: number | null;
  population: number;
}

/** How the interval of a summary measure was obtained. */
export type InequalityIntervalMethod = 'analytic' | 'simulation' | 'taylor' | 'none';

/** A summary measure with its standard error and interval (the shared API shape, plus provenance). */
export interface InequalityResult {
  measure: InequalityMeasure;
  estimate: number;
  /**
   * Standard error. For `r` it is se(ln R), as healthequal reports it; for
   * simulated intervals it is null (a percentile interval has none).
   */
  se: number | null;
  lower: number | null;
  upper: number | null;
  /** 'analytic' (closed form), 'simulation' (seeded parametric bootstrap), 'taylor' (delta-method approximation) or 'none' (no interval: SEs missing, or simulation off). */
  intervalMethod?: InequalityIntervalMethod;
  /** For simulated intervals: the number of replicates and the seed, so the interval can be reproduced. */
  simulations?: number;
  seed?: number;
  /** Things an analyst should know: zero estimates replaced, estimate clipped, reference chosen. */
  notes?: string[];
}

/**
 * Why a summary measure cannot be computed for the groups: the stable rule
 * name `inequality` throws (as `QiStatsInputError.rule`) where
 * `inequalityOrReason` returns an `InequalityUnavailable` with a reason.
 *
 * - 'too-few-groups': fewer than 2 groups (3 for the complex measures, HEAT's rule)
 * - 'all-estimates-zero': every group estimate is 0 (HEAT computes no measure)
 * - 'zero-setting-average': the setting average is 0 (relative measures)
 * - 'reference-not-found': `options.reference` is not among the groups (d, r)
 * - 'no-comparison-group': no group other than the reference (d, r; cannot
 *   occur once d and r have their 2 groups, kept so every reason has a rule)
 * - 'zero-ratio-denominator': r would divide by a group estimate of 0
 */
export type InequalityUnavailableRule =
  | 'too-few-groups'
  | 'all-estimates-zero'
  | 'zero-setting-average'
  | 'reference-not-found'
  | 'no-comparison-group'
  | 'zero-ratio-denominator';

/** A summary measure that cannot be computed for these groups; `reason` says why. Never NaN. */
export interface InequalityUnavailable {
  measure: InequalityMeasure;
  estimate: null;
  se: null;
  lower: null;
  upper: null;
  reason: string;
}

/** Options of `inequality`. */
export interface InequalityOptions {
  /** Whether a lower or a higher estimate is the better outcome. */
  favourable: 'lower' | 'higher';
  /** Reference group for d and r; without one, the best and worst groups are compared. paf and parisk always use the best group (healthequal). */
  reference?: string | null;
  /** Confidence level; default 0.95. */
  level?: number;
  /** The indicator's scale (100 for percent, 1000 per 1,000), needed by paf and parisk intervals and by the simulation's upper bound for percentages. */
  scale?: number;
  /** Replicates for the simulated intervals; default 1000 (HEAT uses 100). 0 switches the simulation off. */
  simulations?: number;
  /** Seed of the simulation's PRNG; default 123456 (HEAT's seed, though not its generator). */
  seed?: number;
  /**
   * Interval for the measures HEAT only simulates (bgsd, covar, idisu, idisw,
   * mdbu, mdbw, mdmu, mdmw): 'simulation' (default, HEAT-compatible) or
   * 'taylor' (deterministic delta-method approximation, fast; see taylor.ts).
   */
  intervalApproach?: 'simulation' | 'taylor';
}
