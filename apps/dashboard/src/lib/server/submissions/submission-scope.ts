import { can, type PortalUser } from '../auth/roles.ts';

/** The site a request may act on, or why not (with the HTTP status to answer). */
export type SiteScope =
  | { ok: true; siteId: string }
  | { ok: false; status: 400 | 401 | 403 | 404; message: string };

/** For submitting: the user's own site, and the user (known to be signed in). */
export type SubmitScope = { ok: true; siteId: string; user: PortalUser } | Extract<SiteScope, { ok: false }>;

/** For viewing: a network role may not have chosen a site yet (siteId null). */
export type ViewScope = { ok: true; siteId: string | null } | Extract<SiteScope, { ok: false }>;

/**
 * Which site's submissions a user may look at for a request naming `requested` (or none):
 * site roles their own site only, network admin and faculty any site (null until they choose
 * one), the advisory group none (it sees aggregates, never one site's submissions).
 *
 * @example
 * ```ts
 * const sites = new Set(['S1', 'S2']);
 * siteToView(dataEntryS1, null, sites); // => { ok: true, siteId: 'S1' }
 * siteToView(dataEntryS1, 'S2', sites).ok; // => false (403)
 * siteToView(faculty, 'S2', sites); // => { ok: true, siteId: 'S2' }
 * ```
 */
export function siteToView(
  user: PortalUser | null,
  requested: string | null,
  siteIds: ReadonlySet<string>,
): ViewScope {
  if (!user) return { ok: false, status: 401, message: 'Sign in to see submissions.' };
  if (!can(user, 'view_submission_history'))
    return { ok: false, status: 403, message: 'Your role does not give access to sites’ submissions.' };
  const wanted = requested === null || requested === '' ? null : requested;
  if (user.siteId !== null) {
    if (wanted === null || wanted === user.siteId) return { ok: true, siteId: user.siteId };
    return {
      ok: false,
      status: 403,
      message: `You can see only your own site’s submissions (${user.siteId}), not ${wanted.slice(0, 20)}’s.`,
    };
  }
  if (wanted === null) return { ok: true, siteId: null };
  if (!siteIds.has(wanted))
    return { ok: false, status: 404, message: `There is no site “${wanted.slice(0, 20)}”.` };
  return { ok: true, siteId: wanted };
}

/**
 * The site a user submits for: their own, when their role may submit data. Network roles only
 * read submissions; the advisory group cannot see them.
 *
 * @example
 * ```ts
 * siteToSubmitFor(dataEntryS1).siteId; // => 'S1'
 * siteToSubmitFor(networkAdmin).ok; // => false (403)
 * ```
 */
export function siteToSubmitFor(user: PortalUser | null): SubmitScope {
  if (!user) return { ok: false, status: 401, message: 'Sign in to submit data.' };
  if (user.siteId === null || !can(user, 'submit_data', user.siteId))
    return {
      ok: false,
      status: 403,
      message:
        'Only a site’s lead or data entry account can submit its data; your role can look but not submit.',
    };
  return { ok: true, siteId: user.siteId, user };
}
