import * as v from 'valibot';
import { csvNumber, csvOptionalNumber, csvOptionalText } from './csv-coercion.js';
import { PeriodSchema } from './period.js';

/**
 * An improvement aim (Model for Improvement: "what are we trying to accomplish?"), for one
 * site and measure, optionally for some ethnic groups (`ethnic_groups`, `;`-separated codes).
 */
export const AimSchema = v.object({
  aim_id: v.pipe(v.string(), v.minLength(1)),
  site_id: v.pipe(v.string(), v.minLength(1)),
  measure_id: v.pipe(v.string(), v.minLength(1)),
  ethnic_groups: csvOptionalText,
  statement: v.pipe(v.string(), v.minLength(1)),
  baseline_value: csvOptionalNumber,
  target_value: csvOptionalNumber,
  target_period: PeriodSchema,
});
export type Aim = v.InferOutput<typeof AimSchema>;

/** A change idea tested towards an aim, with the driver-diagram primary driver it acts on. */
export const ChangeIdeaSchema = v.object({
  change_idea_id: v.pipe(v.string(), v.minLength(1)),
  aim_id: v.pipe(v.string(), v.minLength(1)),
  primary_driver: v.pipe(v.string(), v.minLength(1)),
  title: v.pipe(v.string(), v.minLength(1)),
});
export type ChangeIdea = v.InferOutput<typeof ChangeIdeaSchema>;

/**
 * One Plan-Do-Study-Act cycle. `act` is the decision at the end: adapt, adopt or abandon
 * (Langley et al., The Improvement Guide, 2009). An adopted cycle is when the change goes live.
 */
export const PdsaCycleSchema = v.object({
  pdsa_id: v.pipe(v.string(), v.minLength(1)),
  change_idea_id: v.pipe(v.string(), v.minLength(1)),
  cycle: v.pipe(csvNumber, v.integer(), v.minValue(1)),
  start_period: PeriodSchema,
  end_period: PeriodSchema,
  plan: v.pipe(v.string(), v.minLength(1)),
  study: v.pipe(v.string(), v.minLength(1)),
  act: v.picklist(['adapt', 'adopt', 'abandon']),
});
export type PdsaCycle = v.InferOutput<typeof PdsaCycleSchema>;

/** Kinds of dated note drawn on charts (dashboard-notes.md (d) 1). */
export const ANNOTATION_KINDS = ['change_idea', 'pdsa', 'event', 'data_issue'] as const;

/** A dated note for a site (and optionally one measure / ethnic group) drawn on its charts. */
export const AnnotationSchema = v.object({
  annotation_id: v.pipe(v.string(), v.minLength(1)),
  site_id: v.pipe(v.string(), v.minLength(1)),
  period: PeriodSchema,
  measure_id: csvOptionalText,
  ethnic_groups: csvOptionalText,
  kind: v.picklist(ANNOTATION_KINDS),
  text: v.pipe(v.string(), v.minLength(1)),
});
export type Annotation = v.InferOutput<typeof AnnotationSchema>;
