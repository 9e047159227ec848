import type { ReferenceTables } from '../loaders/reference-tables.js';
import { TOTAL_CODE } from '../schema/ethnic-category.js';
import type { Period } from '../schema/period.js';
import { periodOfDate } from '../schema/period.js';

/**
 * What a submission is checked against: the codes the catalogue knows, the current month (so
 * future months are refused) and, when a file is uploaded for one site and month, that site
 * and month.
 */
export interface SubmissionContext {
  siteIds: ReadonlySet<string>;
  measureIds: ReadonlySet<string>;
  /** Measures reported for the site total only (`by_ethnic_group` = 0). */
  totalOnlyMeasureIds: ReadonlySet<string>;
  /** NHS ETHNIC CATEGORY codes (A...S, Z, 99). */
  nhsEthnicCodes: ReadonlySet<string>;
  /** Level-1 group codes (WHITE, ASIAN, ...). */
  groupCodes: ReadonlySet<string>;
  /** The latest month that may be submitted (the current month, in UTC). */
  currentPeriod: Period;
  /** The site this file was uploaded for, if any: any other site is an error. */
  expectedSiteId: string | null;
  /** The month this file was uploaded for, if any. */
  expectedPeriod: Period | null;
  /** Largest plausible count in one cell (one unit, one month). */
  maxCount: number;
}

export interface SubmissionContextOptions {
  /** "Now"; defaults to the system clock. Pass a fixed date in tests. */
  today?: Date;
  expectedSiteId?: string | null;
  expectedPeriod?: Period | null;
  maxCount?: number;
}

/**
 * Builds the checking context from the reference tables.
 *
 * @example
 * ```ts
 * const context = createSubmissionContext(
 *   { regions: [], sites: [{ site_id: 'S1' }], measures: [{ measure_id: 'caesarean_rate', by_ethnic_group: true }],
 *     ethnicCategories: [{ code: 'A', level: 'nhs2001' }, { code: 'WHITE', level: 'level1' }, { code: 'ALL', level: 'total' }] },
 *   { today: new Date('2025-05-10T00:00:00Z') },
 * );
 * context.currentPeriod; // => '2025-05'
 * context.nhsEthnicCodes.has('A'); // => true
 * ```
 */
export function createSubmissionContext(
  tables: Pick<ReferenceTables, 'sites' | 'measures' | 'ethnicCategories'> | ReferenceTablesLike,
  options: SubmissionContextOptions = {},
): SubmissionContext {
  return {
    siteIds: new Set(tables.sites.map((s) => s.site_id)),
    measureIds: new Set(tables.measures.map((m) => m.measure_id)),
    totalOnlyMeasureIds: new Set(tables.measures.filter((m) => !m.by_ethnic_group).map((m) => m.measure_id)),
    nhsEthnicCodes: new Set(tables.ethnicCategories.filter((e) => e.level === 'nhs2001').map((e) => e.code)),
    groupCodes: new Set(
      tables.ethnicCategories.filter((e) => e.level === 'level1' && e.code !== TOTAL_CODE).map((e) => e.code),
    ),
    currentPeriod: periodOfDate(options.today ?? new Date()),
    expectedSiteId: options.expectedSiteId ?? null,
    expectedPeriod: options.expectedPeriod ?? null,
    maxCount: options.maxCount ?? 100_000,
  };
}

/** The fields of the reference tables that checking needs (so tests can pass small objects). */
export interface ReferenceTablesLike {
  regions?: unknown[];
  sites: ReadonlyArray<{ site_id: string }>;
  measures: ReadonlyArray<{ measure_id: string; by_ethnic_group: boolean }>;
  ethnicCategories: ReadonlyArray<{ code: string; level: string }>;
}
