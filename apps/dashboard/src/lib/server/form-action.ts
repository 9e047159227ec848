import { type ActionFailure, error, fail } from '@sveltejs/kit';
import type { PortalUser } from './auth/roles.ts';
import { type FieldErrors, Forbidden, InvalidInput, NotFound } from './write-errors.ts';

/** What a failed form action returns to its page: which form, what was typed, what is wrong. */
export interface FormProblem {
  form: string;
  values: Record<string, string | string[]>;
  errors: FieldErrors;
}

/** What a successful form action returns: which form, and a sentence for the page. */
export interface FormSuccess {
  form: string;
  message: string;
  /** The id of what was saved, to scroll to. */
  saved: string;
}

/**
 * A form's fields as text: single values as strings, and the fields named in `lists`
 * (checkbox groups) as string arrays. Files and unknown repeats are ignored.
 *
 * @example
 * ```ts
 * const data = new FormData(); data.append('plan', 'Phone'); data.append('linked_measures', 'a'); data.append('linked_measures', 'b');
 * formValues(data, ['linked_measures']); // => { plan: 'Phone', linked_measures: ['a', 'b'] }
 * ```
 */
export function formValues(data: FormData, lists: readonly string[] = []): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string') continue;
    if (lists.includes(name)) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] ??= value;
  }
  for (const name of lists) values[name] ??= [];
  return values;
}

/**
 * The signed-in user of a request, or a 401 (the hooks already send anonymous visitors to
 * sign in; this is the belt to those braces for every load and action).
 *
 * @example
 * ```ts
 * const user = requireUser(locals.user); // throws error(401) when nobody is signed in
 * ```
 */
export function requireUser(user: PortalUser | null): PortalUser {
  if (!user) error(401, 'Sign in to see this.');
  return user;
}

/**
 * Runs a write for a form action and turns its errors into answers: `InvalidInput` becomes a
 * 400 with the typed values and the field errors (so the form comes back filled in),
 * `Forbidden` a 403 and `NotFound` a 404 error page.
 *
 * @example
 * ```ts
 * return runFormAction('aim:new', values, async () => {
 *   const aim = await saveAim(store, reference, user, siteId, values);
 *   return { saved: aim.aim_id, message: `Aim ${aim.aim_id} saved.` };
 * });
 * ```
 */
export async function runFormAction(
  form: string,
  values: Record<string, string | string[]>,
  write: () => Promise<{ saved: string; message: string }>,
): Promise<FormSuccess | ActionFailure<FormProblem>> {
  try {
    return { form, ...(await write()) };
  } catch (problem) {
    if (problem instanceof InvalidInput) return fail(400, { form, values, errors: problem.fields });
    throw asHttpError(problem);
  }
}

/**
 * Turns `Forbidden` and `NotFound` from a server module into SvelteKit's 403/404; anything
 * else is returned unchanged for the caller to rethrow (a 500 with the error logged).
 *
 * @example
 * ```ts
 * try { return await readMonthlyReport(store, reference, user, site, period); }
 * catch (problem) { throw asHttpError(problem); } // Forbidden → 403 page
 * ```
 */
export function asHttpError(problem: unknown): unknown {
  if (problem instanceof Forbidden) error(403, problem.message);
  if (problem instanceof NotFound) error(404, problem.message);
  return problem;
}

/**
 * Typed reads of a submitted form: `text(name)` is the field's value or '' (never a File),
 * `list(name)` every value of a checkbox group.
 *
 * @example
 * ```ts
 * const { text, list } = formReader(await request.formData());
 * text('plan'); // => 'Phone ten referrals'
 * list('linked_measures'); // => ['booking_by_10wk']
 * ```
 */
export function formReader(data: FormData): { text(name: string): string; list(name: string): string[] } {
  return {
    text: (name) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    },
    list: (name) => data.getAll(name).filter((value): value is string => typeof value === 'string'),
  };
}
