import * as v from 'valibot';
import { csvBoolean, csvNumber, csvOptionalNumber, csvOptionalText } from './csv-coercion.js';

/** Measure domains (data-model.md §2.2; Model for Improvement family of measures). */
export const MEASURE_DOMAINS = ['outcome', 'process', 'balancing', 'data_quality'] as const;

/** The network's priority areas (NHS Race and Health Observatory LAN, data-model.md §0). */
export const PRIORITY_AREAS = ['pph', 'preterm', 'mental_health', 'gdm', 'general'] as const;

/**
 * Default chart types, named as `@maternity-qi/qi-stats` names them (qicharts2 names: `pp` is
 * Laney's p'), plus `none` for context-only measures that must never be charted monthly.
 */
export const DEFAULT_CHARTS = ['run', 'p', 'pp', 'u', 'up', 'i', 'g', 'none'] as const;

/**
 * One measure of the catalogue. A rate is `numerator / denominator * multiplier` in
 * `unit_label` units. `window_months` is how many months are summed (sum then divide) before a
 * point is plotted: 1, 3 (as the MSDS CQIMs do) or 12 for rare outcomes. `by_ethnic_group` is
 * false for measures that make no sense per group (ethnicity recording itself).
 */
export const MeasureSchema = v.object({
  measure_id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{1,40}$/, 'a snake_case id')),
  name: v.pipe(v.string(), v.minLength(1)),
  domain: v.picklist(MEASURE_DOMAINS),
  lan_priority_area: v.picklist(PRIORITY_AREAS),
  numerator_definition: v.pipe(v.string(), v.minLength(1)),
  denominator_definition: v.pipe(v.string(), v.minLength(1)),
  denominator_unit: v.pipe(v.string(), v.minLength(1)),
  multiplier: v.pipe(csvNumber, v.picklist([100, 1000, 100000])),
  unit_label: v.pipe(v.string(), v.minLength(1)),
  direction: v.picklist(['lower_is_better', 'higher_is_better', 'neutral']),
  target_value: csvOptionalNumber,
  target_type: v.pipe(v.string(), v.picklist(['', 'national_ambition', 'guideline', 'local'])),
  target_source: csvOptionalText,
  national_baseline: csvOptionalNumber,
  baseline_period: csvOptionalText,
  baseline_source: csvOptionalText,
  window_months: v.pipe(csvNumber, v.picklist([1, 3, 12, 36])),
  default_chart: v.picklist(DEFAULT_CHARTS),
  rare_event: csvBoolean,
  by_ethnic_group: csvBoolean,
  min_denominator_for_display: v.pipe(csvNumber, v.integer(), v.minValue(0)),
  source_code: csvOptionalText,
});
export type Measure = v.InferOutput<typeof MeasureSchema>;
