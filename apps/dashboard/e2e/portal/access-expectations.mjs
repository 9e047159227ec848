// Who may use each route of the portal build. The permission matrix (flows/permission-matrix.mjs)
// calls every entry as every role and as an anonymous visitor, and also checks that every route
// in src/routes has an entry here, so a new page cannot ship without a decision on who sees it.
//
// Entry fields:
//   route    the route as its folder path (e.g. '/portal/reports/[site]/[period]'); one entry may
//            cover several methods/actions of a route: use several entries with the same route.
//   method   'GET' (default), 'POST' (form actions and +server.ts handlers), or PUT/PATCH/DELETE.
//   own      an example URL for the route, using site S1 and existing demo data where it matters.
//   other    for site-scoped routes: the same URL for another site (S2). Site roles (all bound to
//            S1 in the matrix) must be refused it, whatever `allow` says.
//   body     for POST: a form body (object, sent urlencoded) or { csv: '...' } (text/csv).
//            Use a body that is harmless (or invalid) so allowed roles get a 2xx/3xx/400/422
//            answer without changing shared demo data.
//   allow    roles that may use it: any of network_admin, faculty, advisory, site_lead,
//            site_data_entry, or 'anonymous' (no session).
// Allowed: any status except 401/403 (and no redirect to /portal/login, unless the answer itself
// ends the session, as signing out does); a 5xx is a failure too. Refused: 401, 403 or 404, or a
// redirect to /portal/login.
// Every route needs an entry per way it can be called: GET when it has a page or a load
// function (+page.svelte, +page.server.ts `load`, +server.ts `GET`), POST when it has form
// actions or a +server.ts `POST` (likewise PUT, PATCH, DELETE).
export const SIGNED_IN = ['network_admin', 'faculty', 'advisory', 'site_lead', 'site_data_entry'];
export const EVERYONE = ['anonymous', ...SIGNED_IN];

export const routeAccess = [
  { route: '/', own: '/', allow: EVERYONE },
  { route: '/national', own: '/national', allow: EVERYONE },
  { route: '/overview', own: '/overview', allow: SIGNED_IN },
  { route: '/site', own: '/site', allow: SIGNED_IN },
  { route: '/disparity', own: '/disparity', allow: SIGNED_IN },
  { route: '/measure', own: '/measure', allow: SIGNED_IN },
  { route: '/explore', own: '/explore', allow: SIGNED_IN },
  { route: '/portal', own: '/portal', allow: SIGNED_IN },
  { route: '/portal/login', own: '/portal/login', allow: EVERYONE },
  // An empty form: answered 400 before any password check (no rate-limit failure recorded).
  {
    route: '/portal/login',
    method: 'POST',
    own: '/portal/login',
    body: { email: '', password: '' },
    allow: EVERYONE,
  },
  // Signing out needs a session: anonymous visitors are refused (401) before the action runs.
  { route: '/portal/logout', own: '/portal/logout', allow: SIGNED_IN },
  { route: '/portal/logout', method: 'POST', own: '/portal/logout', body: {}, allow: SIGNED_IN },
];
