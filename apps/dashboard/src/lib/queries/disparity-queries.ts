import type { NetworkDatabase } from '../data/network-database.ts';
import type { MeasureRow } from './network-queries.ts';

/**
 * The SQL of the Disparity explorer and the Measure page. Like the Site page's
 * queries (network-queries.ts), it runs at build time on DuckDB-WASM's Node build
 * to precompute the pages' small JSON files, and in tests on the same engine.
 */

/** A measure's whole catalogue entry (data/measures.csv): what the Measure page explains. */
export interface MeasureDefinitionRow extends MeasureRow {
  lan_priority_area: string | null;
  numerator_definition: string | null;
  denominator_definition: string | null;
  denominator_unit: string | null;
  target_type: string | null;
  target_source: string | null;
  national_baseline: number | null;
  baseline_period: string | null;
  baseline_source: string | null;
}

export function listMeasureDefinitions(database: NetworkDatabase): Promise<MeasureDefinitionRow[]> {
  return database.query<MeasureDefinitionRow>(
    `SELECT measure_id, name, domain, multiplier, unit_label, direction, target_value, default_chart,
            window_months, rare_event, by_ethnic_group, min_denominator_for_display,
            lan_priority_area, numerator_definition, denominator_definition, denominator_unit,
            target_type, target_source, national_baseline, baseline_period::VARCHAR AS baseline_period,
            baseline_source
     FROM measures ORDER BY domain, name`,
  );
}

/** A level-2 ethnic group (the drill-down: Indian, Black Caribbean, …) and the level-1 group it sits in. */
export interface Level2GroupRow {
  code: string;
  level1_group: string;
  is_reference: boolean;
  is_unknown: boolean;
}

/**
 * The level-2 groups of the NHS ethnic codes, in display order (the order of their
 * first code). White's level-2 group is White itself, and unknown codes share one group.
 */
export function listLevel2Groups(database: NetworkDatabase): Promise<Level2GroupRow[]> {
  return database.query<Level2GroupRow>(
    `SELECT level2_group AS code, any_value(level1_group) AS level1_group,
            bool_or(is_reference) AS is_reference, bool_or(is_unknown) AS is_unknown
     FROM ethnic_categories
     WHERE level = 'nhs2001' AND level2_group IS NOT NULL
     GROUP BY level2_group
     ORDER BY min(sort_order)`,
  );
}

/** One month of a measure at one site for one level-2 group (or 'ALL', the site total). */
export interface MeasureCountRow {
  site_id: string;
  period: Date;
  ethnic_group: string;
  numerator: number;
  denominator: number;
}

/**
 * Every site's monthly counts of one measure by level-2 ethnic group, plus the
 * submitted site total ('ALL'), from the latest version of every submission
 * (resubmissions replace, never add). NHS codes roll up through
 * `ethnic_categories.level2_group`; a code not in the catalogue counts as unknown.
 * Level-1 groups are sums of these (each level-2 group lies in one level-1 group).
 */
export function measureCountsByGroup(
  database: NetworkDatabase,
  measureId: string,
): Promise<MeasureCountRow[]> {
  return database.query<MeasureCountRow>(
    `WITH latest AS (
       SELECT site_id::VARCHAR AS site_id, period, ethnic_category::VARCHAR AS ethnic_category,
              numerator, denominator,
              row_number() OVER (
                PARTITION BY site_id, period, measure_id, ethnic_category ORDER BY version DESC) AS newest
       FROM submissions
       WHERE measure_id = ?
     )
     SELECT latest.site_id, latest.period,
            CASE WHEN latest.ethnic_category = 'ALL' THEN 'ALL'
                 ELSE coalesce(category.level2_group, 'UNKNOWN') END AS ethnic_group,
            sum(latest.numerator)::INTEGER AS numerator,
            sum(latest.denominator)::INTEGER AS denominator
     FROM latest
     LEFT JOIN ethnic_categories AS category
       ON category.code = latest.ethnic_category AND category.level = 'nhs2001'
     WHERE latest.newest = 1
     GROUP BY ALL
     ORDER BY latest.site_id, latest.period, ethnic_group`,
    [measureId],
  );
}
