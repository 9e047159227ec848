import type { PreparedGroups } from './prepare.js';
import type { InequalityMeasure, InequalityUnavailableRule } from './types.js';

/** An analytic standard error and interval for a summary measure. */
export interface AnalyticInterval {
  se: number;
  lower: number;
  upper: number;
  notes?: string[];
}

/**
 * Why a measure is undefined for these estimates: the stable rule name, the
 * reason in words (the `reason` of an `InequalityUnavailable`) and, where one
 * input is at fault, its field, 1-based position and value.
 */
export interface MeasureUndefined {
  rule: InequalityUnavailableRule;
  reason: string;
  field?: string;
  position?: number;
  value?: unknown;
}

/** The setting average μ is 0, so a relative measure (÷μ) is undefined. */
export const ZERO_SETTING_AVERAGE: MeasureUndefined = Object.freeze({
  rule: 'zero-setting-average',
  reason: 'the setting average is 0',
  field: 'estimate',
  value: 0,
});

/**
 * How one summary measure is computed. Internal: `inequality` is the public
 * entry point; each measure lives in its own file with its formula and
 * reference.
 */
export interface MeasureDefinition {
  measure: InequalityMeasure;
  /** Fewest groups the measure is defined for: 2 for the pairwise measures, 3 for the complex ones (HEAT's rule). */
  minGroups: number;
  /**
   * The point estimate for estimates `y` (the observed ones, or a simulated
   * replicate) with the groups' shares; a `MeasureUndefined` says why it is undefined.
   */
  estimate(y: ReadonlyArray<number>, groups: PreparedGroups): number | MeasureUndefined;
  /** Closed-form interval, where HEAT has one. Returns null when the SEs it needs are missing. */
  analytic?(groups: PreparedGroups, estimate: number): AnalyticInterval | null;
  /** Taylor-series (delta-method) interval for measures HEAT only simulates; see taylor.ts. */
  taylor?(groups: PreparedGroups, estimate: number): AnalyticInterval | null;
  /** Notes about the point estimate (zeros replaced, clipping), shown to the analyst. */
  notes?(groups: PreparedGroups, estimate: number): string[];
}
