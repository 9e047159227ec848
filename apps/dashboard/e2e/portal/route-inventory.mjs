// Every route of the app, read from src/routes, with the ways it can be called: what the
// permission matrix checks access-expectations.mjs against.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const routesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/routes');
const HANDLERS = /export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

/**
 * A route id as the matrix compares them: its folder path from src/routes, without route
 * groups (`(name)` folders do not appear in URLs).
 *
 * @example
 * normaliseRoute('/(app)/portal/reports/[site]'); // => '/portal/reports/[site]'
 * normaliseRoute(''); // => '/'
 */
export function normaliseRoute(route) {
  const segments = route.split('/').filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join('/')}`;
}

/**
 * The routes under src/routes that answer requests (+page.svelte, +page.server.ts or
 * +server.ts) and the methods each needs an expectation for: GET for a page, a load function
 * or a GET handler; POST for form actions; each +server.ts handler's own method.
 *
 * @example
 * listRoutes().find((route) => route.route === '/portal/logout'); // => { route: '/portal/logout', methods: ['GET', 'POST'], files: [...] }
 */
export function listRoutes(dir = routesDir, prefix = '') {
  const files = ['+page.svelte', '+page.server.ts', '+page.server.js', '+server.ts', '+server.js'].filter(
    (name) => existsSync(path.join(dir, name)),
  );
  const found = [];
  if (files.length > 0) {
    const methods = new Set();
    const read = (name) => readFileSync(path.join(dir, name), 'utf8');
    if (files.includes('+page.svelte')) methods.add('GET');
    for (const name of files.filter((file) => file.startsWith('+page.server'))) {
      const source = read(name);
      if (/export\s+(?:const|(?:async\s+)?function)\s+load\b/.test(source)) methods.add('GET');
      if (/export\s+const\s+actions\b/.test(source)) methods.add('POST');
    }
    for (const name of files.filter((file) => file.startsWith('+server'))) {
      for (const match of read(name).matchAll(HANDLERS)) methods.add(match[1]);
    }
    found.push({ route: normaliseRoute(prefix), methods: [...methods].sort(), files });
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...listRoutes(path.join(dir, entry.name), `${prefix}/${entry.name}`));
  }
  return found.sort((a, b) => a.route.localeCompare(b.route));
}
