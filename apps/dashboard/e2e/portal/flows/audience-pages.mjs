// The dashboard's pages in the portal, as each audience sees them: the navigation lists only
// the pages whose data the user receives, and each page draws from the user's own files (a
// site lead sees one site; the advisory group the network's disclosure-controlled totals;
// anonymous visitors the published national statistics). Screenshots: pages-<role>-<page>.png.
import assert from 'node:assert/strict';
import path from 'node:path';
import { waitForAudiences } from '../audience-folders.mjs';

// What each page shows once its data are in (or a message saying why not).
const READY = {
  '/': '[data-testid=table-list], [data-testid=signed-out]',
  '/overview': '[data-testid=overview-icon-table] tbody tr',
  '/site': 'section[aria-labelledby=measure-title] svg.qi-chart',
  '/disparity': 'figure.chart svg.qi-chart',
  '/measure': 'figure.chart svg.qi-chart',
  '/national': 'section[aria-labelledby=mix-title] svg.qi-chart',
  '/explore': '[data-testid=result-count]',
};
const FAILED = '.error-summary, [data-testid=empty-state]';

const NAV = {
  network_admin: [
    'Home',
    'Network overview',
    'Site',
    'Disparity explorer',
    'Measure',
    'National context',
    'Explore',
  ],
  advisory: ['Home', 'Network overview', 'National context'],
  site_lead: ['Home', 'Network overview', 'Site', 'National context', 'Explore'],
  anonymous: ['Home', 'National context'],
};
const PATHS = {
  Home: '/',
  'Network overview': '/overview',
  Site: '/site',
  'Disparity explorer': '/disparity',
  Measure: '/measure',
  'National context': '/national',
  Explore: '/explore',
};

/** The navigation's links, once the (client-rendered) layout has drawn them. */
async function navLabels(page) {
  const links = page.locator('nav[aria-label=Main] a');
  await links.first().waitFor();
  return links.allInnerTexts();
}

/** Opens a page and waits until it has drawn its data; fails on an error or empty state. */
async function visit(page, baseUrl, pathname, role, screenshot) {
  await page.goto(`${baseUrl}${pathname}`);
  const pageKey = pathname === '/' ? 'home' : pathname.slice(1).split('?')[0];
  await page.waitForSelector(`${READY[pathname.split('?')[0]]}, ${FAILED}`, { timeout: 90_000 });
  const failed = await page.locator(FAILED).count();
  if (failed > 0) {
    await screenshot(page, `pages-${role}-${pageKey}-failed.png`);
    throw new Error(`${role} ${pathname}: ${await page.locator(FAILED).first().textContent()}`);
  }
  await screenshot(page, `pages-${role}-${pageKey}.png`);
}

export const flows = [
  {
    name: 'a network admin sees every page, with every site',
    async run({ signedInPage, baseUrl, screenshot, portal }) {
      await waitForAudiences(path.join(portal.dbDir, 'audiences'), ['network']);
      const page = await signedInPage('network_admin');
      await page.goto(`${baseUrl}/`);
      assert.deepEqual(await navLabels(page), NAV.network_admin);
      for (const label of NAV.network_admin)
        await visit(page, baseUrl, PATHS[label], 'network_admin', screenshot);
      await visit(page, baseUrl, '/site', 'network_admin', screenshot);
      assert.equal(await page.locator('#filter-site option').count(), 7, 'the Site page lists every site');
    },
  },
  {
    name: 'a site lead sees their own site only, and the network’s totals',
    async run({ signedInPage, baseUrl, screenshot, portal }) {
      await waitForAudiences(path.join(portal.dbDir, 'audiences'), ['site-S1']);
      const page = await signedInPage('site_lead');
      const data = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/data/')) data.push(url.pathname);
      });
      await page.goto(`${baseUrl}/`);
      assert.deepEqual(await navLabels(page), NAV.site_lead);
      for (const label of NAV.site_lead) await visit(page, baseUrl, PATHS[label], 'site_lead', screenshot);

      await visit(page, baseUrl, '/site', 'site_lead', screenshot);
      assert.deepEqual(await page.locator('#filter-site option').allInnerTexts(), ['Site A (London)']);
      // Another site's link shows their own site, and says why.
      await page.goto(`${baseUrl}/site?site=S2`);
      await page.locator('[data-testid=other-site]').waitFor();
      assert.equal(await page.locator('h1').textContent(), 'Site A (London)');
      await screenshot(page, 'pages-site_lead-site-other.png');

      // Explore holds S1's rows only.
      const sql =
        'SELECT DISTINCT site_id FROM submissions UNION SELECT DISTINCT site_id FROM sites ORDER BY 1';
      await page.goto(`${baseUrl}/explore?${new URLSearchParams({ sql })}`);
      await page.waitForSelector('[data-testid=result-count], [data-testid=query-error]', {
        timeout: 90_000,
      });
      const cells = await page.locator('main table tbody td').allInnerTexts();
      assert.deepEqual(
        cells.map((cell) => cell.trim()),
        ['S1'],
      );
      await screenshot(page, 'pages-site_lead-explore-sites.png');

      // The pages that compare sites say they are not shared, without asking for files.
      for (const pathname of ['/disparity', '/measure']) {
        await page.goto(`${baseUrl}${pathname}`);
        await page.locator('[data-testid=not-shared]').waitFor();
        await screenshot(page, `pages-site_lead-${pathname.slice(1)}.png`);
      }
      const unexpected = data.filter((pathname) => /^\/data\/(disparity|site\/S[2-9])/.test(pathname));
      assert.deepEqual(unexpected, [], 'the site lead’s pages asked for files outside their audience');
    },
  },
  {
    name: 'the advisory group sees the network overview and national context only',
    async run({ signedInPage, baseUrl, screenshot, portal }) {
      await waitForAudiences(path.join(portal.dbDir, 'audiences'), ['advisory']);
      const page = await signedInPage('advisory');
      const data = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/data/')) data.push(url.pathname);
      });
      await page.goto(`${baseUrl}/`);
      assert.deepEqual(await navLabels(page), NAV.advisory);
      for (const label of NAV.advisory) await visit(page, baseUrl, PATHS[label], 'advisory', screenshot);
      await visit(page, baseUrl, '/overview', 'advisory', screenshot);
      await page.locator('[data-testid=disclosure-note]').waitFor();
      // Pages of site detail say it is not shared, without asking for files.
      for (const pathname of ['/site', '/disparity', '/measure', '/explore']) {
        await page.goto(`${baseUrl}${pathname}`);
        await page.locator('[data-testid=not-shared]').waitFor();
        await screenshot(page, `pages-advisory-${pathname.slice(1)}.png`);
      }
      const unexpected = data.filter(
        (pathname) =>
          !/^\/data\/(manifest\.json|advisory\/|national-context\.json|national\/)/.test(pathname),
      );
      assert.deepEqual(unexpected, [], 'the advisory pages asked for files outside their audience');
    },
  },
  {
    name: 'anonymous visitors see the national context, and are asked to sign in for the rest',
    async run({ context, baseUrl, screenshot, portal }) {
      await waitForAudiences(path.join(portal.dbDir, 'audiences'), ['public']);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      assert.deepEqual(await navLabels(page), NAV.anonymous);
      await visit(page, baseUrl, '/', 'anonymous', screenshot);
      await visit(page, baseUrl, '/national', 'anonymous', screenshot);
      await page.goto(`${baseUrl}/overview`);
      await page.waitForURL('**/portal/login?next=%2Foverview');
    },
  },
];
