import type { MdcAssurance, MdcImprovement } from './types.js';

/**
 * The MDC assurance icon: where the target sits against the latest process
 * limits. With 'increase', a target at or below the lower limit is
 * consistently passed and one at or above the upper limit consistently
 * failed; otherwise the process will hit and miss it. Reversed for
 * 'decrease'. None for a neutral direction, without a target, or without
 * limits (MDC-DOC "Summary icons – assurance").
 *
 * `boundary` is the one place the tools differ: 'inclusive' — the NHSE SQL
 * v2.1 change log ("pass/fail when the target is on a process limit") and
 * MDC; 'strict' — NHSRplotthedots 0.2.2 (`target > upl`, `target < lpl`).
 *
 * @example
 * // MDC-DOC: mean 25.17, LPL 13.33, UPL 37.00
 * assuranceOf(40, 'increase', 13.33, 37, 'inclusive'); // 'consistent_fail'
 * assuranceOf(37, 'increase', 13.33, 37, 'strict'); // 'inconsistent'
 */
export function assuranceOf(
  target: number | null,
  improvement: MdcImprovement,
  lpl: number | null,
  upl: number | null,
  boundary: 'inclusive' | 'strict',
): MdcAssurance | null {
  if (target === null || improvement === 'neutral' || lpl === null || upl === null) return null;
  const aboveUpper = boundary === 'inclusive' ? target >= upl : target > upl;
  const belowLower = boundary === 'inclusive' ? target <= lpl : target < lpl;
  const increasing = improvement === 'increase';
  // NHSRplotthedots tests the upper limit first; both can hold only when
  // the limits coincide (a constant series), and then the upper test wins.
  if (aboveUpper) return increasing ? 'consistent_fail' : 'consistent_pass';
  if (belowLower) return increasing ? 'consistent_pass' : 'consistent_fail';
  return 'inconsistent';
}
