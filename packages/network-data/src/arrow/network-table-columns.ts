import type { ArrowColumnKind } from './arrow-columns.js';

/** The Arrow column kinds of one table, in column order. */
export type TableColumns = Readonly<Record<string, ArrowColumnKind>>;

/**
 * The columns and Arrow types of every table the dashboard loads (except `submissions`, which
 * is dictionary-encoded by `submissionColumnsToArrow`). The demo network's files and the
 * portal's per-audience files are both written from this one list, so the browser's SQL sees
 * the same schema whichever build serves it.
 *
 * @example
 * ```ts
 * Object.keys(networkTableColumns.aims); // => ['aim_id', 'site_id', 'measure_id', 'ethnic_groups', 'statement', 'baseline_value', 'target_value', 'target_period']
 * networkTableColumns.submission_log.period; // => 'date'
 * ```
 */
export const networkTableColumns = {
  submission_log: {
    site_id: 'utf8',
    period: 'date',
    version: 'int8',
    submitted_on: 'date',
    note: 'utf8',
  },
  aims: {
    aim_id: 'utf8',
    site_id: 'utf8',
    measure_id: 'utf8',
    ethnic_groups: 'utf8',
    statement: 'utf8',
    baseline_value: 'float64',
    target_value: 'float64',
    target_period: 'date',
  },
  change_ideas: {
    change_idea_id: 'utf8',
    aim_id: 'utf8',
    primary_driver: 'utf8',
    title: 'utf8',
  },
  pdsa_cycles: {
    pdsa_id: 'utf8',
    change_idea_id: 'utf8',
    cycle: 'int32',
    start_period: 'date',
    end_period: 'date',
    plan: 'utf8',
    study: 'utf8',
    act: 'utf8',
  },
  annotations: {
    annotation_id: 'utf8',
    site_id: 'utf8',
    period: 'date',
    measure_id: 'utf8',
    ethnic_groups: 'utf8',
    kind: 'utf8',
    text: 'utf8',
  },
  regions: {
    region_code: 'utf8',
    ons_code: 'utf8',
    name: 'utf8',
  },
  sites: {
    site_id: 'utf8',
    display_name: 'utf8',
    region_code: 'utf8',
    annual_births: 'int32',
    pct_white: 'float64',
    pct_asian: 'float64',
    pct_black: 'float64',
    pct_mixed: 'float64',
    pct_other: 'float64',
    pct_unknown: 'float64',
    is_demo: 'bool',
  },
  ethnic_categories: {
    code: 'utf8',
    label: 'utf8',
    level: 'utf8',
    level1_group: 'utf8',
    level2_group: 'utf8',
    msds_group: 'utf8',
    mbrrace_group: 'utf8',
    census2021_equivalent: 'utf8',
    is_reference: 'bool',
    is_unknown: 'bool',
    sort_order: 'int32',
  },
  measures: {
    measure_id: 'utf8',
    name: 'utf8',
    domain: 'utf8',
    lan_priority_area: 'utf8',
    numerator_definition: 'utf8',
    denominator_definition: 'utf8',
    denominator_unit: 'utf8',
    multiplier: 'int32',
    unit_label: 'utf8',
    direction: 'utf8',
    target_value: 'float64',
    target_type: 'utf8',
    target_source: 'utf8',
    national_baseline: 'float64',
    baseline_period: 'utf8',
    baseline_source: 'utf8',
    window_months: 'int32',
    default_chart: 'utf8',
    rare_event: 'bool',
    by_ethnic_group: 'bool',
    min_denominator_for_display: 'int32',
    source_code: 'utf8',
  },
} as const satisfies Record<string, TableColumns>;
