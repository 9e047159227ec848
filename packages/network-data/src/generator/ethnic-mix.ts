import type { Level1Group, NhsEthnicCode } from '../schema/ethnic-category.js';
import { NHS_ETHNIC_CODES } from '../schema/ethnic-category.js';

/** The level-1 group of each NHS ethnic code (NHS Data Dictionary; data-model.md §1.1). */
export const LEVEL1_OF_CODE: Record<NhsEthnicCode, Level1Group> = {
  A: 'WHITE',
  B: 'WHITE',
  C: 'WHITE',
  D: 'MIXED',
  E: 'MIXED',
  F: 'MIXED',
  G: 'MIXED',
  H: 'ASIAN',
  J: 'ASIAN',
  K: 'ASIAN',
  L: 'ASIAN',
  M: 'BLACK',
  N: 'BLACK',
  P: 'BLACK',
  R: 'OTHER',
  S: 'OTHER',
  Z: 'UNKNOWN',
  '99': 'UNKNOWN',
};

/** Shares of each NHS code within its level-1 group. */
export type WithinGroupShares = Record<NhsEthnicCode, number>;

/**
 * Default shares within level-1 groups [assumption unless stated]:
 * - White: Census 2021 England (TS021) has White British 73.5%, Irish 0.9%, Other White 6.3% of
 *   the population; women giving birth include more recent (EU) migrants, so A 0.82, B 0.01,
 *   C 0.17.
 * - Asian: Indian 30%, Pakistani 35%, Bangladeshi 15%, Other Asian 20% (data-model.md §6.1).
 * - Black: African 70%, Caribbean 20%, Other Black 10% (data-model.md §6.1).
 * - Mixed: D 30%, E 15%, F 25%, G 30%; Other: Chinese 15%, any other 85%.
 * - Unknown: Z (declined) 60%, 99 (not asked) 40%.
 */
export const DEFAULT_WITHIN_GROUP: WithinGroupShares = {
  A: 0.82,
  B: 0.01,
  C: 0.17,
  D: 0.3,
  E: 0.15,
  F: 0.25,
  G: 0.3,
  H: 0.3,
  J: 0.35,
  K: 0.15,
  L: 0.2,
  M: 0.2,
  N: 0.7,
  P: 0.1,
  R: 0.15,
  S: 0.85,
  Z: 0.6,
  '99': 0.4,
};

/** London: far more "White - any other" (Census 2021 London: White British 36.8%, Other White 14.7%). */
export const LONDON_WHITE = { A: 0.55, B: 0.03, C: 0.42 } as const;

export interface Level1Mix {
  pct_white: number;
  pct_asian: number;
  pct_black: number;
  pct_mixed: number;
  pct_other: number;
  pct_unknown: number;
}

/**
 * The share of births in each NHS ethnic code for a site in a given month. The level-1 mix is
 * the site's; the unknown share falls linearly by `unknownDecline` (30% by default, the
 * data-quality improvement story of data-model.md §6.2) from the first month to the last, the
 * known groups growing in proportion. Shares sum to 1.
 *
 * @example
 * ```ts
 * const mix = { pct_white: 50, pct_asian: 20, pct_black: 10, pct_mixed: 5, pct_other: 5, pct_unknown: 10 };
 * const first = codeShares(mix, DEFAULT_WITHIN_GROUP, 0, 1);
 * const last = codeShares(mix, DEFAULT_WITHIN_GROUP, 1, 1);
 * Math.round((first.Z + first['99']) * 1000) / 1000; // => 0.1
 * Math.round((last.Z + last['99']) * 1000) / 1000; // => 0.07
 * Math.round(Object.values(last).reduce((a, b) => a + b, 0) * 1e9) / 1e9; // => 1
 * ```
 */
export function codeShares(
  mix: Level1Mix,
  within: WithinGroupShares,
  monthIndex: number,
  lastMonthIndex: number,
  unknownDecline = 0.3,
): Record<NhsEthnicCode, number> {
  const total =
    mix.pct_white + mix.pct_asian + mix.pct_black + mix.pct_mixed + mix.pct_other + mix.pct_unknown || 1;
  const progress = lastMonthIndex > 0 ? monthIndex / lastMonthIndex : 0;
  const unknown = (mix.pct_unknown / total) * (1 - unknownDecline * progress);
  const knownTotal = (total - mix.pct_unknown) / total;
  const scale = knownTotal > 0 ? (1 - unknown) / knownTotal : 0;
  const level1: Record<Level1Group, number> = {
    WHITE: (mix.pct_white / total) * scale,
    ASIAN: (mix.pct_asian / total) * scale,
    BLACK: (mix.pct_black / total) * scale,
    MIXED: (mix.pct_mixed / total) * scale,
    OTHER: (mix.pct_other / total) * scale,
    UNKNOWN: knownTotal > 0 ? unknown : 1,
  };
  const groupTotals: Record<Level1Group, number> = {
    WHITE: 0,
    ASIAN: 0,
    BLACK: 0,
    MIXED: 0,
    OTHER: 0,
    UNKNOWN: 0,
  };
  for (const code of NHS_ETHNIC_CODES) groupTotals[LEVEL1_OF_CODE[code]] += within[code];
  const shares = {} as Record<NhsEthnicCode, number>;
  for (const code of NHS_ETHNIC_CODES) {
    const group = LEVEL1_OF_CODE[code];
    shares[code] = (level1[group] * within[code]) / (groupTotals[group] || 1);
  }
  return shares;
}
