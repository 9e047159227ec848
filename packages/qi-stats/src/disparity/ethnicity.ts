/**
 * Group labels that mean "ethnicity unknown": NHS Data Dictionary ETHNIC
 * CATEGORY codes Z (not stated: asked and declined) and 99 (not known: not
 * asked), plus the level-1 label and the MSDS group labels for them
 * (shared/spec/data-model.md §1). Compared case-insensitively, trimmed.
 */
export const UNKNOWN_ETHNICITY_CODES: ReadonlyArray<string> = [
  'Z',
  '99',
  'Unknown',
  'Not stated',
  'Not known',
  'Not Stated',
  'Not Known',
  'UNKNOWN',
];

/**
 * Whether a group label means "ethnicity unknown or not stated". Such
 * groups are excluded from comparisons and summary measures (they are not
 * an ethnic group, and including them distorts the shares and the setting
 * average) but are reported as recording completeness.
 *
 * Cost: O(codes). Reference: NHS Data Dictionary ETHNIC CATEGORY; NHS
 * Data Dictionary change request CR406 (Z vs 99).
 *
 * @example
 * isUnknownEthnicity('Z');          // true
 * isUnknownEthnicity(' not known '); // true
 * isUnknownEthnicity('A');          // false
 */
export function isUnknownEthnicity(
  group: string,
  codes: ReadonlyArray<string> = UNKNOWN_ETHNICITY_CODES,
): boolean {
  const label = group.trim().toLowerCase();
  return codes.some((code) => code.trim().toLowerCase() === label);
}
