import * as v from 'valibot';
import { PeriodSchema } from './period.js';

/**
 * The columns of the monthly submission file, in order: one long CSV row per site x month x
 * measure x ethnic category (data-model.md §2.1).
 */
export const SUBMISSION_COLUMNS = [
  'site_id',
  'period',
  'measure_id',
  'ethnic_category',
  'numerator',
  'denominator',
] as const;
export type SubmissionColumn = (typeof SUBMISSION_COLUMNS)[number];

const count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2_147_483_647)));

/**
 * One validated submission value. `numerator` and `denominator` are both null when the site
 * did not submit that cell (0 is a real zero); `ethnicCategory` is an NHS code (A...S, Z, 99), a
 * level-1 group code (WHITE...) or ALL for the site total.
 */
export const SubmissionRowSchema = v.pipe(
  v.object({
    siteId: v.pipe(v.string(), v.minLength(1)),
    period: PeriodSchema,
    measureId: v.pipe(v.string(), v.minLength(1)),
    ethnicCategory: v.pipe(v.string(), v.minLength(1)),
    numerator: count,
    denominator: count,
  }),
  v.check(
    (r) => (r.numerator === null) === (r.denominator === null),
    'numerator and denominator are both given or both empty',
  ),
  v.check(
    (r) => r.numerator === null || r.denominator === null || r.numerator <= r.denominator,
    'numerator must not exceed denominator',
  ),
);
export type SubmissionRow = v.InferOutput<typeof SubmissionRowSchema>;

/** A stored submission value: resubmitting a month creates a new version; charts use the latest. */
export interface StoredSubmissionRow extends SubmissionRow {
  version: number;
}
