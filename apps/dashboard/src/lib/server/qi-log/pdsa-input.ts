import type { ReferenceTables } from '@maternity-qi/network-data';
import { parsePeriod } from '@maternity-qi/network-data';
import { aimMeasures } from '../../qi/aim-measures.ts';
import { type FieldErrors, InvalidInput } from '../write-errors.ts';
import { cleanText } from './form-text.ts';

/** The decision at the end of a cycle (Langley et al., The Improvement Guide, 2009). */
export const ACT_DECISIONS = ['adopt', 'adapt', 'abandon'] as const;
export type ActDecision = (typeof ACT_DECISIONS)[number];

/** A PDSA cycle as the form sends it. */
export interface PdsaFields {
  /** The change idea it tests (new cycles only; a saved cycle keeps its idea). */
  change_idea_id?: string;
  plan?: string;
  do_notes?: string;
  study?: string;
  /** '', 'adopt', 'adapt' or 'abandon' ('' while the cycle is still running). */
  act?: string;
  act_notes?: string;
  start_period?: string;
  end_period?: string;
  linked_measures?: string[];
}

/** A valid PDSA cycle's content. */
export interface PdsaInput {
  plan: string;
  doNotes: string | null;
  study: string | null;
  act: ActDecision | null;
  actNotes: string | null;
  startPeriod: string;
  endPeriod: string | null;
  /** Never empty: the aim's measure when none was ticked. */
  linkedMeasures: string[];
}

const MAX_PLAN = 2000;
const MAX_NOTES = 4000;

function optionalText(errors: FieldErrors, field: string, text: string | undefined, what: string) {
  const value = cleanText(text);
  if (value.length > MAX_NOTES)
    errors[field] = `Keep the ${what} under ${MAX_NOTES} characters (it has ${value.length}).`;
  return value || null;
}

function month(errors: FieldErrors, field: string, text: string | undefined, what: string): string | null {
  const value = cleanText(text);
  if (!value) return null;
  const period = parsePeriod(value);
  if (!period) errors[field] = `The ${what} "${value}" is not a month: write it YYYY-MM, e.g. 2026-01.`;
  return period;
}

/**
 * Checks a PDSA cycle's fields, or throws `InvalidInput` naming each wrong field: an empty
 * plan, a month not written YYYY-MM, an end before the start, an unknown act decision, act
 * notes without a decision, a linked measure not in the catalogue. With no linked measure
 * ticked, the cycle is linked to its aim's measure.
 *
 * @example
 * ```ts
 * validatePdsa({ plan: 'Phone ten referrals in one week.', start_period: '2026-01' }, reference, 'booking_by_10wk')
 *   .linkedMeasures; // => ['booking_by_10wk']
 * validatePdsa({ plan: 'x', start_period: '2026-02', end_period: '2026-01' }, reference, 'booking_by_10wk');
 * // throws InvalidInput { end_period: 'The cycle cannot end (2026-01) before it starts (2026-02).' }
 * ```
 */
export function validatePdsa(
  fields: PdsaFields,
  reference: ReferenceTables,
  aimMeasureId: string,
): PdsaInput {
  const errors: FieldErrors = {};
  const plan = cleanText(fields.plan);
  if (!plan) errors.plan = 'Enter the plan: what change will you test, with whom, and what do you predict?';
  else if (plan.length > MAX_PLAN)
    errors.plan = `Keep the plan under ${MAX_PLAN} characters (it has ${plan.length}).`;
  const doNotes = optionalText(errors, 'do_notes', fields.do_notes, '"do" notes');
  const study = optionalText(errors, 'study', fields.study, '"study" notes');
  const actNotes = optionalText(errors, 'act_notes', fields.act_notes, '"act" notes');

  const actText = cleanText(fields.act);
  const act = (ACT_DECISIONS as readonly string[]).includes(actText) ? (actText as ActDecision) : null;
  if (actText && !act) errors.act = `"${actText}" is not a decision: choose adopt, adapt or abandon.`;
  else if (!act && actNotes)
    errors.act = 'Choose adopt, adapt or abandon for these notes, or clear the notes.';

  const startPeriod = month(errors, 'start_period', fields.start_period, 'start month');
  if (!cleanText(fields.start_period))
    errors.start_period = 'Enter the month the cycle starts, e.g. 2026-01.';
  const endPeriod = month(errors, 'end_period', fields.end_period, 'end month');
  if (startPeriod && endPeriod && endPeriod < startPeriod)
    errors.end_period = `The cycle cannot end (${endPeriod}) before it starts (${startPeriod}).`;

  const charted = new Set(aimMeasures(reference.measures).map((measure) => measure.measure_id));
  const ticked = [...new Set((fields.linked_measures ?? []).map((id) => id.trim()).filter(Boolean))];
  const unknown = ticked.filter((id) => !charted.has(id));
  if (unknown.length > 0)
    errors.linked_measures = `Not a charted measure in the catalogue: ${unknown.join(', ')}.`;

  if (Object.keys(errors).length > 0 || !startPeriod) throw new InvalidInput(errors);
  return {
    plan,
    doNotes,
    study,
    act,
    actNotes,
    startPeriod,
    endPeriod,
    linkedMeasures: ticked.length > 0 ? ticked : [aimMeasureId],
  };
}
