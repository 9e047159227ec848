import { type PortalPage, portalPages } from '../portal-map.ts';
import { can, type PortalUser } from './auth/roles.ts';

// Pages reached from another page rather than from a menu: signing in and out, and comparing
// two versions (it needs the month and versions chosen on the history page).
const NOT_IN_MENUS = new Set(['/portal/login', '/portal/logout', '/portal/submissions/diff']);

/**
 * The portal pages a user's menu lists: the home page and every page their role may use.
 *
 * @example
 * ```ts
 * const advisory = { accountId: 'a', email: 'a@nhs.net', displayName: 'A', role: 'advisory' as const, siteId: null };
 * portalMenuFor(advisory).map((page) => page.path); // => ['/portal', '/portal/account']
 * ```
 */
export function portalMenuFor(user: PortalUser): PortalPage[] {
  return portalPages.filter(
    (page) => !NOT_IN_MENUS.has(page.path) && (page.permission === null || can(user, page.permission)),
  );
}
