import type { PortalUser } from './auth/roles.ts';

/** Who may request a path at all, before any page or endpoint checks its own permission. */
export type PathAccess = 'public' | 'signed_in';

// Paths anyone may fetch: the sign-in page, the app's code and styles, the home page and
// the national context (published NHS data, Open Government Licence) with its data files.
// Everything else, and above all the rest of /data/ (the per-audience files), needs a session.
const PUBLIC_PREFIXES = [
  '/_app/',
  '/portal/login',
  '/favicon',
  '/robots.txt',
  '/data/national-context.json',
  '/data/national/',
];
const PUBLIC_PAGES = new Set(['/', '/national']);

/**
 * The access a path needs in the portal build.
 *
 * @example
 * ```ts
 * pathAccess('/portal/login'); // => 'public'
 * pathAccess('/data/manifest.json'); // => 'signed_in'
 * pathAccess('/data/national-context.json'); // => 'public'
 * pathAccess('/site'); // => 'signed_in'
 * ```
 */
export function pathAccess(pathname: string): PathAccess {
  if (PUBLIC_PAGES.has(pathname)) return 'public';
  if (PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix))) return 'public';
  return 'signed_in';
}

/** Requests that change something must come from the portal's own pages. */
export function isSameOrigin(request: Request, origin: string): boolean {
  const header = request.headers.get('origin');
  if (header) return header === origin;
  // Browsers send Origin on every cross-site POST; without it, trust only same-origin fetch metadata.
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

/** Whether a method changes state (and so needs the same-origin check). */
export function isWriteMethod(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/** Whether this user's browser may ask for the page (the page then checks its permission). */
export function mayRequest(user: PortalUser | null, pathname: string): boolean {
  return pathAccess(pathname) === 'public' || user !== null;
}
