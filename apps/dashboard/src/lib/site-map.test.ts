import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { portalPages } from './portal-map';
import { audienceSees, pagesFor, sitePages } from './site-map';

const routes = path.resolve(__dirname, '../routes');

/** Every static route with a page, as a URL path ("/", "/explore"). */
function routePaths(dir = routes, prefix = ''): string[] {
  const found = existsSync(path.join(dir, '+page.svelte')) ? [prefix || '/'] : [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('[')) continue;
    // Route groups "(name)" do not appear in the URL.
    const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
    found.push(...routePaths(path.join(dir, entry.name), prefix + segment));
  }
  return found;
}

describe('site map', () => {
  it('links only to pages that exist, and lists every page that does', () => {
    const all = routePaths();
    expect(sitePages.map((page) => page.path).sort()).toEqual(
      all.filter((p) => !p.startsWith('/portal')).sort(),
    );
  });

  it('lists every portal page (and only pages that exist) in the portal map', () => {
    const portal = routePaths().filter((p) => p.startsWith('/portal'));
    const withPages = portalPages
      .map((page) => page.path)
      .filter((p) => portal.includes(p) || p === '/portal/logout');
    expect(withPages.sort()).toEqual(portalPages.map((page) => page.path).sort());
    expect(portal.every((p) => portalPages.some((page) => page.path === p))).toBe(true);
  });

  it('has one entry per path', () => {
    expect(new Set(sitePages.map((page) => page.path)).size).toBe(sitePages.length);
  });

  it('lists every page in the public build, and per audience in the portal', () => {
    const labels = (audience: Parameters<typeof pagesFor>[0]) => pagesFor(audience).map((page) => page.path);
    expect(labels(null)).toEqual(sitePages.map((page) => page.path));
    expect(labels('network')).toEqual(sitePages.map((page) => page.path));
    expect(labels('site')).toEqual(['/', '/overview', '/site', '/national', '/explore']);
    expect(labels('advisory')).toEqual(['/', '/overview', '/national']);
    expect(labels('public')).toEqual(['/', '/national']);
    expect(audienceSees('/disparity', 'site')).toBe(false);
    expect(audienceSees('/disparity', null)).toBe(true);
    expect(audienceSees('/no-such-page', 'network')).toBe(false);
  });
});
