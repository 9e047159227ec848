import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sitePages } from './site-map';

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
    expect(sitePages.map((page) => page.path).sort()).toEqual(routePaths().sort());
  });

  it('has one entry per path', () => {
    expect(new Set(sitePages.map((page) => page.path)).size).toBe(sitePages.length);
  });
});
