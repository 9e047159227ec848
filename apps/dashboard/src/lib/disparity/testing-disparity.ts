import type { Level2GroupRow } from '$lib/queries/disparity-queries';
import type { EthnicGroupRow, SiteRow } from '$lib/queries/network-queries';
import type { MeasureCount } from './disparity-bundle';

/** Two sites, two months, level-2 groups that roll up to White, Black and Asian, and unknowns. Test-only. */
export const testSites: SiteRow[] = [
  { site_id: 'S1', display_name: 'Site A (London)', region_code: 'Y56', annual_births: 12000 },
  { site_id: 'S2', display_name: 'Site B (Midlands)', region_code: 'Y60', annual_births: 6000 },
];

export const testGroups: EthnicGroupRow[] = [
  { code: 'WHITE', label: 'White', is_reference: true, is_unknown: false },
  { code: 'ASIAN', label: 'Asian or Asian British', is_reference: false, is_unknown: false },
  { code: 'BLACK', label: 'Black or Black British', is_reference: false, is_unknown: false },
  { code: 'UNKNOWN', label: 'Not stated / not known / missing', is_reference: false, is_unknown: true },
];

export const testLevel2: Level2GroupRow[] = [
  { code: 'WHITE', level1_group: 'WHITE', is_reference: true, is_unknown: false },
  { code: 'INDIAN', level1_group: 'ASIAN', is_reference: false, is_unknown: false },
  { code: 'BLACK_CARIBBEAN', level1_group: 'BLACK', is_reference: false, is_unknown: false },
  { code: 'BLACK_AFRICAN', level1_group: 'BLACK', is_reference: false, is_unknown: false },
  { code: 'UNKNOWN', level1_group: 'UNKNOWN', is_reference: false, is_unknown: true },
];

/** PPH-like counts: Black women at S1 clearly worse than White women; March 2024 outside the last-two-months window. */
export const testCounts: MeasureCount[] = [
  ['S1', '2024-03', 'WHITE', 100, 1000],
  ['S1', '2024-04', 'ALL', 150, 3000],
  ['S1', '2024-04', 'WHITE', 30, 2000],
  ['S1', '2024-04', 'INDIAN', 10, 500],
  ['S1', '2024-04', 'BLACK_CARIBBEAN', 20, 200],
  ['S1', '2024-04', 'BLACK_AFRICAN', 25, 200],
  ['S1', '2024-04', 'UNKNOWN', 5, 100],
  ['S2', '2024-05', 'ALL', 40, 1000],
  ['S2', '2024-05', 'WHITE', 20, 800],
  ['S2', '2024-05', 'BLACK_AFRICAN', 4, 100],
  ['S2', '2024-05', 'UNKNOWN', 1, 100],
];
