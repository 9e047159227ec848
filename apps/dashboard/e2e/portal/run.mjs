// End-to-end tests of the portal build (adapter-node, build-node/) in Debian's Chromium and
// over HTTP: every module in flows/ exports `flows`, a list of { name, run(context) }.
// Each flow gets a fresh browser context; the shared demo portal is started once (flows
// that need their own server, e.g. kill-and-restart, start one with startPortal()).
//
// Prints "N passed, N failed" last and writes e2e-out/portal/results.json.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../launch-chromium.mjs';
import { DEMO_PASSWORD, demoEmail, httpClient, startPortal } from './portal-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const appDir = path.resolve(here, '../..');
const outDir = path.join(appDir, 'e2e-out', 'portal');
const only = process.argv[2] ?? null;

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const results = [];
function finish() {
  const passed = results.filter((result) => result.ok).length;
  const failed = results.length - passed;
  writeFileSync(
    path.join(outDir, 'results.json'),
    `${JSON.stringify({ passed, failed, tests: results }, null, 2)}\n`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}
if (!existsSync(path.join(appDir, 'build-node', 'index.js'))) {
  console.error('portal e2e: no build-node/; run `pnpm --filter @maternity-qi/dashboard build` first');
  results.push({ name: 'portal build exists', ok: false, ms: 0, error: 'build-node/index.js missing' });
  process.exit(finish() ? 1 : 0);
}

const portal = await startPortal();
const browser = await launchChromium();

/** Opens a page signed in as a demo role (through the real login form). */
async function signedInPage(context, role, siteId = 'S1') {
  const page = await context.newPage();
  await page.goto(`${portal.baseUrl}/portal/login`);
  // Type only once the page has hydrated: hydration resets the email box (value={form?.email}),
  // and a sign-in posted with an empty email stays on the login page (a flake under load).
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Email address').fill(demoEmail(role, siteId));
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/portal/login')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  return page;
}

const modules = readdirSync(path.join(here, 'flows'))
  .filter((name) => name.endsWith('.mjs'))
  .sort();
for (const name of modules) {
  const { flows } = await import(pathToFileURL(path.join(here, 'flows', name)).href);
  for (const flow of flows) {
    const title = `${name.replace(/\.mjs$/, '')}: ${flow.name}`;
    if (only && !title.includes(only)) continue;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const problems = [];
    context.on('page', (page) => {
      page.on('console', (message) => {
        if (message.type() === 'error' && !flow.allowConsoleErrors)
          problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (['data:', 'blob:'].includes(url.protocol)) return;
        if (url.hostname !== '127.0.0.1') problems.push(`request to another host: ${request.url()}`);
      });
    });
    const started = performance.now();
    try {
      await flow.run({
        portal,
        baseUrl: portal.baseUrl,
        browser,
        context,
        signedInPage: (role, siteId) => signedInPage(context, role, siteId),
        http: () => httpClient(portal.baseUrl),
        demoEmail,
        screenshot: (page, file) => page.screenshot({ path: path.join(outDir, file), fullPage: true }),
        outDir,
      });
      if (problems.length > 0) throw new Error(problems.join('\n'));
      results.push({ name: title, ok: true, ms: Math.round(performance.now() - started) });
      console.log(`✓ ${title} (${Math.round(performance.now() - started)} ms)`);
    } catch (error) {
      const message = [
        error instanceof Error ? (error.stack ?? error.message) : String(error),
        ...problems,
      ].join('\n');
      results.push({ name: title, ok: false, ms: Math.round(performance.now() - started), error: message });
      console.log(`✗ ${title}\n  ${message.replaceAll('\n', '\n  ')}`);
    } finally {
      await context.close();
    }
  }
}

await browser.close();
await portal.stop();
process.exit(finish() ? 1 : 0);
