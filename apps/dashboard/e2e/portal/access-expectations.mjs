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
const SITE_ROLES = ['site_lead', 'site_data_entry'];
const NETWORK_READERS = ['network_admin', 'faculty'];

// Submissions: last month is always one a site may submit (the current month and 12 before).
const today = new Date();
const LAST_MONTH = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1))
  .toISOString()
  .slice(0, 7);

// Who may see a site's QI log and monthly reports: its own team, faculty and network admins.
const QI_READERS = ['network_admin', 'faculty', 'site_lead', 'site_data_entry'];

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
  // Accounts administration and the audit log: network admins only. The POST bodies are
  // invalid (unknown account, too-short password) so an allowed admin gets a 400 and nothing changes.
  { route: '/portal/admin/accounts', own: '/portal/admin/accounts', allow: ['network_admin'] },
  {
    route: '/portal/admin/accounts',
    method: 'POST',
    own: '/portal/admin/accounts?/create',
    body: {
      email: 'not-an-email',
      displayName: 'Matrix probe',
      role: 'faculty',
      siteId: '',
      password: 'short',
    },
    allow: ['network_admin'],
  },
  {
    route: '/portal/admin/accounts',
    method: 'POST',
    own: '/portal/admin/accounts?/resetPassword',
    body: { email: 'nobody@matrix.invalid', password: 'short' },
    allow: ['network_admin'],
  },
  {
    route: '/portal/admin/accounts',
    method: 'POST',
    own: '/portal/admin/accounts?/disable',
    body: { email: 'nobody@matrix.invalid' },
    allow: ['network_admin'],
  },
  {
    route: '/portal/admin/accounts',
    method: 'POST',
    own: '/portal/admin/accounts?/enable',
    body: { email: 'nobody@matrix.invalid' },
    allow: ['network_admin'],
  },
  { route: '/portal/admin/audit', own: '/portal/admin/audit', allow: ['network_admin'] },
  { route: '/portal/admin/audit.csv', own: '/portal/admin/audit.csv', allow: ['network_admin'] },
  { route: '/portal/account', own: '/portal/account', allow: SIGNED_IN },
  // Empty body: every signed-in role gets 400 (enter your current password); nothing changes.
  {
    route: '/portal/account',
    method: 'POST',
    own: '/portal/account?/changePassword',
    body: {},
    allow: SIGNED_IN,
  },
  { route: '/portal/admin/backups', own: '/portal/admin/backups', allow: ['network_admin'] },
  // An admin's call takes a real (manual) backup of the matrix's own server: harmless.
  {
    route: '/portal/admin/backups',
    method: 'POST',
    own: '/portal/admin/backups?/backup',
    body: {},
    allow: ['network_admin'],
  },
  { route: '/portal/qi', own: '/portal/qi', allow: QI_READERS },
  { route: '/portal/qi/[site]', own: '/portal/qi/S1', other: '/portal/qi/S2', allow: QI_READERS },
  // Empty bodies: allowed roles get 400 (field errors), nothing is written.
  {
    route: '/portal/qi/[site]',
    method: 'POST',
    own: '/portal/qi/S1?/saveAim',
    other: '/portal/qi/S2?/saveAim',
    body: {},
    allow: ['site_lead'],
  },
  {
    route: '/portal/qi/[site]',
    method: 'POST',
    own: '/portal/qi/S1?/saveChangeIdea',
    other: '/portal/qi/S2?/saveChangeIdea',
    body: {},
    allow: ['site_lead', 'site_data_entry'],
  },
  {
    route: '/portal/qi/[site]',
    method: 'POST',
    own: '/portal/qi/S1?/savePdsa',
    other: '/portal/qi/S2?/savePdsa',
    body: {},
    allow: ['site_lead', 'site_data_entry'],
  },
  // Deletes of a real demo cycle and idea, not confirmed: allowed roles get 400 and nothing
  // is deleted (the server insists on the confirmation box).
  {
    route: '/portal/qi/[site]',
    method: 'POST',
    own: '/portal/qi/S1?/deletePdsa',
    other: '/portal/qi/S2?/deletePdsa',
    body: { pdsa_id: 'AIM-A1-CI1-P1' },
    allow: ['site_lead', 'site_data_entry'],
  },
  {
    route: '/portal/qi/[site]',
    method: 'POST',
    own: '/portal/qi/S1?/deleteChangeIdea',
    other: '/portal/qi/S2?/deleteChangeIdea',
    body: { change_idea_id: 'AIM-A1-CI1' },
    allow: ['site_lead', 'site_data_entry'],
  },
  { route: '/portal/reports', own: '/portal/reports', allow: QI_READERS },
  {
    route: '/portal/reports/[site]/[period]',
    own: '/portal/reports/S1/2026-03',
    other: '/portal/reports/S2/2026-03',
    allow: QI_READERS,
  },
  {
    route: '/portal/reports/[site]/[period]',
    method: 'POST',
    own: '/portal/reports/S1/2026-03?/saveNarrative',
    other: '/portal/reports/S2/2026-03?/saveNarrative',
    body: { intent: 'draft', narrative: '' },
    allow: ['site_lead'],
  },
  {
    route: '/portal/reports/[site]/[period]',
    method: 'POST',
    own: '/portal/reports/S1/2026-03?/comment',
    other: '/portal/reports/S2/2026-03?/comment',
    body: { comment: '' },
    allow: ['network_admin', 'faculty'],
  },
  // Monthly submissions (site roles submit for their own site; admin and faculty read every site).
  {
    route: '/portal/submissions',
    own: '/portal/submissions?site=S1',
    other: '/portal/submissions?site=S2',
    allow: [...NETWORK_READERS, ...SITE_ROLES],
  },
  {
    route: '/portal/submissions/template.csv',
    own: `/portal/submissions/template.csv?period=${LAST_MONTH}`,
    allow: SITE_ROLES,
  },
  {
    route: '/portal/submissions/upload',
    own: `/portal/submissions/upload?period=${LAST_MONTH}`,
    allow: SITE_ROLES,
  },
  // No file: allowed roles get 400 ("Choose the CSV file"), nothing stored.
  {
    route: '/portal/submissions/upload',
    method: 'POST',
    own: '/portal/submissions/upload?/preview',
    body: { period: LAST_MONTH },
    allow: SITE_ROLES,
  },
  // An upload id that was never previewed: allowed roles get 409, nothing stored.
  {
    route: '/portal/submissions/upload',
    method: 'POST',
    own: '/portal/submissions/upload?/confirm',
    body: { upload: 'never-previewed', note: '' },
    allow: SITE_ROLES,
  },
  {
    route: '/portal/submissions/history',
    own: '/portal/submissions/history?site=S1',
    other: '/portal/submissions/history?site=S2',
    allow: [...NETWORK_READERS, ...SITE_ROLES],
  },
  {
    route: '/portal/submissions/history.csv',
    own: '/portal/submissions/history.csv?site=S1',
    other: '/portal/submissions/history.csv?site=S2',
    allow: [...NETWORK_READERS, ...SITE_ROLES],
  },
  {
    route: '/portal/submissions/diff',
    own: '/portal/submissions/diff?site=S1&period=2022-04&from=1&to=1',
    other: '/portal/submissions/diff?site=S2&period=2022-04&from=1&to=1',
    allow: [...NETWORK_READERS, ...SITE_ROLES],
  },
  {
    route: '/portal/submissions/diff.csv',
    own: '/portal/submissions/diff.csv?site=S1&period=2022-04&from=1&to=1',
    other: '/portal/submissions/diff.csv?site=S2&period=2022-04&from=1&to=1',
    allow: [...NETWORK_READERS, ...SITE_ROLES],
  },
  { route: '/portal/submissions/status', own: '/portal/submissions/status', allow: NETWORK_READERS },
  { route: '/portal/submissions/status.csv', own: '/portal/submissions/status.csv', allow: NETWORK_READERS },
  {
    route: '/portal/api/submissions',
    own: `/portal/api/submissions?site=S1&period=${LAST_MONTH}`,
    other: `/portal/api/submissions?site=S2&period=${LAST_MONTH}`,
    allow: [...NETWORK_READERS, ...SITE_ROLES],
  },
  // A header-only CSV: allowed roles get 422 (no data rows), nothing stored.
  {
    route: '/portal/api/submissions',
    method: 'POST',
    own: `/portal/api/submissions?period=${LAST_MONTH}`,
    body: { csv: 'site_id,period,measure_id,ethnic_category,numerator,denominator\n' },
    allow: SITE_ROLES,
  },
];
