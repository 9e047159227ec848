import type { Level1Group } from '../schema/ethnic-category.js';
import type { MsdsRow } from './import-msds.js';

/** MSDS `EthnicCategoryMotherGroup` labels (2021-22) → the network's level-1 groups. */
export const MSDS_ETHNIC_GROUP_TO_LEVEL1: Readonly<Record<string, Level1Group>> = {
  White: 'WHITE',
  'Asian or Asian British': 'ASIAN',
  'Black or Black British': 'BLACK',
  Mixed: 'MIXED',
  'Any other ethnic group': 'OTHER',
  'Not Stated': 'UNKNOWN',
  'Not known': 'UNKNOWN',
  'Missing value / Value outside reporting parameters': 'UNKNOWN',
};

/** One organisation's ethnic mix (mothers delivering) in level-1 groups. */
export interface ProviderEthnicMix {
  period: string;
  org_level: MsdsRow['org_level'];
  org_code: string;
  org_name: string;
  total_deliveries: number | null;
  /** Sum of the ethnic breakdown; it can exceed total deliveries (booking-based records). */
  breakdown_total: number;
  pct_white: number;
  pct_asian: number;
  pct_black: number;
  pct_mixed: number;
  pct_other: number;
  pct_unknown: number;
}

/**
 * Each organisation's ethnic mix as % of its ethnic breakdown total (not of total deliveries,
 * which the breakdown can exceed, data-model.md §4), with "Not stated", "Not known" and missing
 * grouped as unknown. Organisations with a suppressed cell or a zero total are skipped.
 *
 * @example
 * ```ts
 * const row = (dimension, category, value) => ({ period: '2021-22', org_level: 'provider', org_code: 'R1', org_name: 'A TRUST',
 *   dimension, category, count_of: 'Deliveries', value });
 * const [mix] = deriveProviderEthnicMix([row('TotalDeliveries', '', 100), row('EthnicCategoryMotherGroup', 'White', 60),
 *   row('EthnicCategoryMotherGroup', 'Asian or Asian British', 30), row('EthnicCategoryMotherGroup', 'Not known', 10)]);
 * [mix.pct_white, mix.pct_asian, mix.pct_unknown, mix.total_deliveries]; // => [60, 30, 10, 100]
 * ```
 */
export function deriveProviderEthnicMix(rows: readonly MsdsRow[]): ProviderEthnicMix[] {
  const orgs = new Map<
    string,
    { org: MsdsRow; groups: Record<Level1Group, number>; total: number | null; broken: boolean }
  >();
  for (const row of rows) {
    const key = `${row.period}|${row.org_level}|${row.org_code}`;
    let entry = orgs.get(key);
    if (!entry) {
      entry = {
        org: row,
        groups: { WHITE: 0, ASIAN: 0, BLACK: 0, MIXED: 0, OTHER: 0, UNKNOWN: 0 },
        total: null,
        broken: false,
      };
      orgs.set(key, entry);
    }
    if (row.dimension === 'TotalDeliveries') entry.total = row.value;
    if (row.dimension !== 'EthnicCategoryMotherGroup') continue;
    const group = MSDS_ETHNIC_GROUP_TO_LEVEL1[row.category];
    if (!group) continue;
    if (row.value === null) entry.broken = true;
    else entry.groups[group] += row.value;
  }
  const mixes: ProviderEthnicMix[] = [];
  for (const { org, groups, total, broken } of orgs.values()) {
    const sum = Object.values(groups).reduce((a, b) => a + b, 0);
    if (broken || sum === 0) continue;
    const pct = (n: number) => Math.round((1000 * n) / sum) / 10;
    mixes.push({
      period: org.period,
      org_level: org.org_level,
      org_code: org.org_code,
      org_name: org.org_name,
      total_deliveries: total,
      breakdown_total: sum,
      pct_white: pct(groups.WHITE),
      pct_asian: pct(groups.ASIAN),
      pct_black: pct(groups.BLACK),
      pct_mixed: pct(groups.MIXED),
      pct_other: pct(groups.OTHER),
      pct_unknown: pct(groups.UNKNOWN),
    });
  }
  return mixes;
}
