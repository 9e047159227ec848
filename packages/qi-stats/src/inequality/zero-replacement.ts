/**
 * HEAT and healthequal replace estimates of exactly 0 by 1e-6 before taking
 * logs in TI and MLD (healthequal 1.0.1 `ti.R`, `mld.R`), and recompute the
 * setting average with the replaced value. qi-stats does the same, for
 * agreement, and says so in the result's notes.
 */
export const ZERO_REPLACEMENT = 1e-6;

/** The estimates with zeros replaced by 1e-6. */
export function replaceZeros(y: ReadonlyArray<number>): number[] {
  return y.map((value) => (value === 0 ? ZERO_REPLACEMENT : value));
}
