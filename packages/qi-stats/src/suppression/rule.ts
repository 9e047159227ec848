/**
 * A statistical disclosure control rule for published counts.
 */
export interface SuppressionRule {
  /** Smallest count suppressed (primary suppression). */
  suppressFrom: number;
  /** Largest count suppressed. */
  suppressTo: number;
  /** Counts not suppressed are rounded to the nearest multiple of this (1 = no rounding). 0 is always shown as 0. */
  roundTo: number;
  /** Rates are withheld where the numerator is below this. */
  rateMinNumerator: number;
  /** Hide further cells so that no suppressed cell can be recovered from row or column totals. */
  secondary: boolean;
}

/**
 * NHS Digital's disclosure control for secondary-care statistics, applied
 * to NHS Maternity Statistics since September 2018: 0 is shown as 0,
 * counts of 1 to 7 are suppressed ('*'), all other counts are rounded to
 * the nearest 5, and rates (percentages) are withheld where the numerator
 * is under 8 and computed from the rounded numbers. qi-stats adds secondary
 * suppression, the practice of the rule's predecessor (1-5 plus secondary
 * suppression), so a suppressed cell cannot be recovered from published
 * totals even where rounding is switched off.
 *
 * Reference: NHS Digital, "Disclosure control methodology for HES and ECDS"
 * (shared/spec/disparity-measures.md §9; verify wording on digital.nhs.uk
 * before quoting it).
 */
export const NHS_MATERNITY_RULE: SuppressionRule = {
  suppressFrom: 1,
  suppressTo: 7,
  roundTo: 5,
  rateMinNumerator: 8,
  secondary: true,
};
