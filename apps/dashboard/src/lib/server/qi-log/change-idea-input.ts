import { type FieldErrors, InvalidInput } from '../write-errors.ts';
import { cleanText } from './form-text.ts';

/** A change idea as the form sends it. */
export interface ChangeIdeaFields {
  /** The aim it serves (new change ideas only; a saved idea keeps its aim). */
  aim_id?: string;
  primary_driver?: string;
  title?: string;
}

/** A valid change idea's words. */
export interface ChangeIdeaInput {
  primaryDriver: string;
  title: string;
}

const MAX_DRIVER = 200;
const MAX_TITLE = 300;

/**
 * Checks a change idea's primary driver (from the driver diagram) and title, or throws
 * `InvalidInput` naming each wrong field.
 *
 * @example
 * ```ts
 * validateChangeIdea({ primary_driver: 'Referral reaches us quickly', title: 'Phone every referral within 2 days' });
 * // => { primaryDriver: 'Referral reaches us quickly', title: 'Phone every referral within 2 days' }
 * validateChangeIdea({ primary_driver: '', title: 'x' }); // throws InvalidInput { primary_driver: … }
 * ```
 */
export function validateChangeIdea(fields: ChangeIdeaFields): ChangeIdeaInput {
  const errors: FieldErrors = {};
  const primaryDriver = cleanText(fields.primary_driver);
  const title = cleanText(fields.title);
  if (!primaryDriver)
    errors.primary_driver = 'Enter the primary driver this change acts on (from your driver diagram).';
  else if (primaryDriver.length > MAX_DRIVER)
    errors.primary_driver = `Keep the primary driver under ${MAX_DRIVER} characters (it has ${primaryDriver.length}).`;
  if (!title) errors.title = 'Enter the change idea: what will you change?';
  else if (title.length > MAX_TITLE)
    errors.title = `Keep the title under ${MAX_TITLE} characters (it has ${title.length}).`;
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  return { primaryDriver, title };
}
