/**
 * Shapes of the NHS England "Making Data Count" (MDC) charts. The first five
 * declarations are the public contract in shared/spec/qi-stats-api.d.ts,
 * kept exactly; the fields marked "added" extend it (never rename).
 */

export type MdcPointType =
  | 'common_cause'
  | 'special_cause_improvement'
  | 'special_cause_concern'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low';

export type MdcAssurance = 'consistent_pass' | 'consistent_fail' | 'inconsistent';

/** The name of a special-cause rule, as reported in `MdcPoint.rules`. */
export type MdcRule = 'outside_limits' | 'shift' | 'trend' | 'two_in_three';

/**
 * The MDC variation icon (added). MDC draws a different icon for a high and a
 * low special cause, which the point type alone does not say
 * (MDC-DOC "Summary icons – variation"; NHSE SQL v2.6 `[VariationIcon]`).
 */
export type MdcVariationIcon =
  | 'common_cause'
  | 'improvement_high'
  | 'improvement_low'
  | 'concern_high'
  | 'concern_low'
  | 'neither_high'
  | 'neither_low';

export type MdcImprovement = 'increase' | 'decrease' | 'neutral';

export interface MdcInput {
  /**
   * Rule preset. 'mdc' (default): NHS England Making Data Count as in its
   * Single Chart Tool v5 (2.66 x mean moving range, no screening, shift and
   * trend of 6, two-in-three beyond 2 sigma excluding points beyond the
   * limits, improvement wins a conflict, no limits or icons under 13 points).
   * 'ptd': NHSRplotthedots 0.2.2 (shift and trend of 7, screening on, one
   * label per point by precedence). Explicit options below override a preset.
   */
  rules?: 'mdc' | 'ptd';
  shiftLength?: number;
  trendLength?: number;
  values: ReadonlyArray<number | null>;
  /** ISO dates (yyyy-mm-dd), one per value, ascending. */
  dates?: ReadonlyArray<string> | null;
  improvement: MdcImprovement;
  target?: number | null;
  /** 1-based positions at which a new period (rebase group) begins. */
  rebase?: number | ReadonlyArray<number> | null;
  /** Fix the limits after this many points. */
  fixAfter?: number | null;
  /** Screen moving ranges above 3.267 x the mean moving range before computing limits ('ptd' default true, 'mdc' default false). */
  screenOutliers?: boolean;
  /**
   * (added) Fewest observed values for limits, rules and icons. 'mdc' default
   * 13 (Single Chart Tool v5 and NHSE SQL `@SettingMinimumPoints = 13`);
   * 'ptd' default 0 (NHSRplotthedots always draws limits and only warns).
   */
  minimumPoints?: number;
}

export interface MdcPoint {
  value: number | null;
  rebaseGroup: number; // 0 for the first period
  mean: number;
  /** Process limits; null where the preset shows none (fewer than 13 points under 'mdc'). */
  lpl: number | null;
  upl: number | null;
  outsideLimits: boolean;
  relativeToMean: -1 | 0 | 1;
  closeToLimits: boolean;
  specialCauseFlag: boolean;
  pointType: MdcPointType;
  /** Why the point is flagged: the rules that fire on it ('outside_limits', 'shift', 'trend', 'two_in_three'). */
  rules?: MdcRule[];
  /** (added) 1-based position in the input. */
  position: number;
  /** (added) The input date, or null when no dates were given. */
  date: string | null;
  /** (added) Two-sigma lines (mean ± 2/3 × 2.66 × mean moving range); null with no limits. */
  lowerTwoSigma: number | null;
  upperTwoSigma: number | null;
}

export interface MdcGroup {
  rebaseGroup: number;
  mean: number;
  lpl: number | null;
  upl: number | null;
  n: number;
  /** The variation icon: the point type of the group's last point. */
  variation: MdcPointType;
  /** The assurance icon: only for the last group, only with a target and a direction. */
  assurance: MdcAssurance | null;
  /** (added) 1-based positions of the group's first and last points. */
  start: number;
  end: number;
  /** (added) The variation icon with its high/low side; null where MDC shows no icon (too few points). */
  variationIcon: MdcVariationIcon | null;
  /** (added) Fewer than 13 observed values: "trial limits" (NHSRplotthedots `short_group_warning`). */
  shortGroupWarning: boolean;
}

export interface MdcResult {
  points: MdcPoint[];
  groups: MdcGroup[];
}
