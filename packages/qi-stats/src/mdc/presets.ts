/**
 * The two rule presets of `makingDataCount`, and how explicit options
 * override them. Each line names the tool behaviour it copies, so a reader can
 * see at a glance where the presets differ (shared/spec/spc-rules.md §3).
 */

/** Everything that differs between the presets, fully resolved. */
export interface MdcSettings {
  preset: 'mdc' | 'ptd';
  /** Points in a run on one side of the mean that make a shift. */
  shiftLength: number;
  /** Points in a strictly rising or falling run that make a trend. */
  trendLength: number;
  /** Drop moving ranges ≥ 3.267 × their mean before the limits (Nelson 1982). */
  screenOutliers: boolean;
  /** Fewest observed values for limits, rules and icons. */
  minimumPoints: number;
  /** Shift, trend and two-in-three may run across a recalculation. */
  rulesCrossRebase: boolean;
  /** How a point flagged by rules pointing both ways is labelled. */
  conflict: 'improvement-wins' | 'precedence';
  /** Whether a target exactly on a process limit is a pass/fail (inclusive) or hit-and-miss (strict). */
  assuranceBoundary: 'inclusive' | 'strict';
  /** How a baseline (fixAfter) combines with recalculations. */
  baselineScope: 'first-period' | 'every-period';
}

/**
 * NHS England Making Data Count, Single Chart Tool v5.0, as checked by the
 * MDC team's "SPC Charts XmR Testing" document (MDC-DOC):
 * - shift and trend of 6 (MDC-DOC "Special cause – shift/trend"; NHSE SQL v2.6
 *   `@SettingSpecialCauseShiftPoints = 6`);
 * - no moving-range screening (MDC-DOC "Moving range outliers": not supported);
 * - nothing under 13 points (MDC-DOC "Number of points");
 * - shift, trend and two-sigma may cross a recalculation (MDC-DOC "Special
 *   cause crossing recalculations");
 * - improvement (blue) wins a conflict (MDC-DOC "Special cause conflict");
 * - a target on a limit is a pass/fail (NHSE SQL v2.1 change log);
 * - a baseline fixes the first period only (NHSE SQL v2.6 step 4c: the
 *   baseline is partition 0, later recalculations get their own limits).
 */
export const MDC_PRESET: Readonly<MdcSettings> = Object.freeze({
  preset: 'mdc',
  shiftLength: 6,
  trendLength: 6,
  screenOutliers: false,
  minimumPoints: 13,
  rulesCrossRebase: true,
  conflict: 'improvement-wins',
  assuranceBoundary: 'inclusive',
  baselineScope: 'first-period',
});

/**
 * NHSRplotthedots 0.2.2 (`ptd_spc()`):
 * - 7-point shift and trend, hard-coded (`ptd_seven_point_one_side_mean`,
 *   `ptd_seven_point_trend`; issue #202 asks for 6);
 * - screening on (`screen_outliers = TRUE`, keeps MR < 3.267 × MR̄);
 * - limits at any length (only a `short_group_warning` under 13);
 * - every rule computed per rebase group (`group_by(f, rebase_group)`);
 * - one label per point: outside limits > trend > two-in-three > shift
 *   (`ptd_special_cause_type`);
 * - strict assurance comparisons (`ptd_calculate_assurance_type`);
 * - `fix_after_n_points` counts within each rebase group (`row_number()`
 *   inside `group_by(rebase_group)` in `ptd_spc_standard`).
 */
export const PTD_PRESET: Readonly<MdcSettings> = Object.freeze({
  preset: 'ptd',
  shiftLength: 7,
  trendLength: 7,
  screenOutliers: true,
  minimumPoints: 0,
  rulesCrossRebase: false,
  conflict: 'precedence',
  assuranceBoundary: 'strict',
  baselineScope: 'every-period',
});

/**
 * The settings for a call: the preset named by `rules` ('mdc' when absent),
 * with any explicit `shiftLength`, `trendLength`, `screenOutliers` or
 * `minimumPoints` taking precedence. Inputs are assumed validated.
 *
 * @example
 * resolveMdcSettings({ rules: 'ptd', shiftLength: 6 }).shiftLength; // 6
 * resolveMdcSettings({}).trendLength; // 6
 */
export function resolveMdcSettings(options: {
  rules?: 'mdc' | 'ptd' | undefined;
  shiftLength?: number | undefined;
  trendLength?: number | undefined;
  screenOutliers?: boolean | undefined;
  minimumPoints?: number | undefined;
}): MdcSettings {
  const preset = options.rules === 'ptd' ? PTD_PRESET : MDC_PRESET;
  return {
    ...preset,
    shiftLength: options.shiftLength ?? preset.shiftLength,
    trendLength: options.trendLength ?? preset.trendLength,
    screenOutliers: options.screenOutliers ?? preset.screenOutliers,
    minimumPoints: options.minimumPoints ?? preset.minimumPoints,
  };
}
