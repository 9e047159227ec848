// Every portal page, as a role that uses it, passes axe-core's WCAG 2.1 A and AA rules (NHS
// services must meet them), and fits a tablet without sideways scrolling.
import assert from 'node:assert/strict';
import { expectNoAxeViolations } from '../../axe-check.mjs';
import { monthsAgo } from '../submission-files.mjs';

const PAGES = [
  {
    role: 'site_data_entry',
    paths: [
      '/portal',
      '/portal/submissions',
      `/portal/submissions/upload?period=${monthsAgo(1)}`,
      '/portal/submissions/history',
    ],
  },
  { role: 'site_lead', paths: ['/portal/qi/S1', '/portal/reports', '/portal/reports/S1/2026-03'] },
  { role: 'faculty', paths: ['/portal/submissions/status', '/portal/qi', '/portal/reports/S2/2026-02'] },
  {
    role: 'network_admin',
    paths: ['/portal/admin/accounts', '/portal/admin/audit', '/portal/admin/backups'],
  },
  { role: 'advisory', paths: ['/portal', '/portal/account'] },
];

export const flows = [
  {
    name: 'the sign-in page passes WCAG 2.1 A/AA checks',
    async run({ context, baseUrl }) {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/portal/login`);
      await expectNoAxeViolations(page);
    },
  },
  ...PAGES.map(({ role, paths }) => ({
    name: `${role}: ${paths.length} portal page(s) pass WCAG 2.1 A/AA checks and fit a tablet`,
    async run({ signedInPage, baseUrl }) {
      const page = await signedInPage(role);
      for (const path of paths) {
        const response = await page.goto(`${baseUrl}${path}`);
        assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
        try {
          await expectNoAxeViolations(page);
        } catch (error) {
          throw new Error(`${path}: ${error.message}`);
        }
        await page.setViewportSize({ width: 768, height: 1000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow} px at 768 px wide`);
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    },
  })),
];
