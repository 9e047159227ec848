/** Field name → what is wrong with it, in words the person filling the form understands. */
export type FieldErrors = Record<string, string>;

/**
 * Thrown by a write when its input is wrong, before anything is written: one message per
 * form field, so the page can put each message beside its field (GOV.UK error pattern).
 *
 * @example
 * ```ts
 * throw new InvalidInput({ target_value: 'Enter a target between 0 and 100 (%).' });
 * ```
 */
export class InvalidInput extends Error {
  constructor(readonly fields: FieldErrors) {
    super(
      `Invalid input: ${Object.entries(fields)
        .map(([field, message]) => `${field}: ${message}`)
        .join('; ')}`,
    );
    this.name = 'InvalidInput';
  }
}

/**
 * Thrown when a signed-in user asks for a write outside their role or site (HTTP 403).
 *
 * @example
 * ```ts
 * throw new Forbidden('Only the site lead of S2 can change its aims.');
 * ```
 */
export class Forbidden extends Error {
  readonly status = 403;
  constructor(message: string) {
    super(message);
    this.name = 'Forbidden';
  }
}

/**
 * Thrown when a write names a record that does not exist at that site (HTTP 404).
 *
 * @example
 * ```ts
 * throw new NotFound('There is no aim AIM-S1-9 at site S1.');
 * ```
 */
export class NotFound extends Error {
  readonly status = 404;
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}

/**
 * Runs a field validation and reports its errors together with `extra` ones found elsewhere
 * (e.g. "there is no such aim"), so the form shows every problem at once.
 *
 * @example
 * ```ts
 * withExtraErrors(() => validateChangeIdea(fields), aim ? {} : { aim_id: 'Choose the aim.' });
 * ```
 */
export function withExtraErrors<T>(validate: () => T, extra: FieldErrors): T {
  let value: T;
  try {
    value = validate();
  } catch (error) {
    if (error instanceof InvalidInput) throw new InvalidInput({ ...error.fields, ...extra });
    throw error;
  }
  if (Object.keys(extra).length > 0) throw new InvalidInput(extra);
  return value;
}
