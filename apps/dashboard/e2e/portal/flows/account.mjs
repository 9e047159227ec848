// A user changes their own password on "Your account": wrong current password and a
// mistyped confirmation are refused by field; the change signs out their other sessions but
// not this one; the old password stops working, the new one works; the audit log records it.
// The flow makes its own account (demo passwords are never changed).
import assert from 'node:assert/strict';
import { httpClient } from '../portal-server.mjs';

const EMAIL = 'change.password@e2e.nhs.uk';
const FIRST = 'first e2e password here';
const SECOND = 'second e2e password here';
const form = (fields) => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
});

export const flows = [
  {
    name: 'a user changes their own password: errors by field, other sessions signed out, old password refused, audited',
    async run({ http, demoEmail, baseUrl, context, screenshot }) {
      const admin = http();
      await admin.signIn(demoEmail('network_admin'));
      const created = await admin.request(
        '/portal/admin/accounts?/create',
        form({
          email: EMAIL,
          displayName: 'E2E password changer',
          role: 'site_data_entry',
          siteId: 'S4',
          password: FIRST,
        }),
      );
      assert.equal(created.status, 200, `the account was not created: HTTP ${created.status}`);
      const phone = httpClient(baseUrl);
      await phone.signIn(EMAIL, FIRST);

      const page = await context.newPage();
      await page.goto(`${baseUrl}/portal/login`);
      await page.waitForLoadState('networkidle');
      await page.getByLabel('Email address').fill(EMAIL);
      await page.getByLabel('Password').fill(FIRST);
      await Promise.all([
        page.waitForURL((url) => !url.pathname.startsWith('/portal/login')),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      // The name in the header leads to the account page.
      await page.locator('header').getByRole('link', { name: 'E2E password changer' }).click();
      await page.waitForURL(`${baseUrl}/portal/account`);
      const facts = await page.locator('dl.facts').textContent();
      assert.match(facts, /Site data entry/);
      assert.match(facts, /Site D/);
      await page.waitForLoadState('networkidle');

      const change = async (current, next, again) => {
        await page.getByLabel('Current password').fill(current);
        await page.getByLabel('New password', { exact: true }).fill(next);
        await page.getByLabel('New password again').fill(again);
        await page.getByRole('button', { name: 'Change password' }).click();
      };
      await change('not the password', SECOND, SECOND);
      await page.locator('.error-message', { hasText: 'Your current password is not right.' }).waitFor();
      await change(FIRST, SECOND, `${SECOND}!`);
      await page
        .locator('.error-message', { hasText: 'The new password and its confirmation are not the same.' })
        .waitFor();
      await screenshot(page, 'account-password-error.png');
      await change(FIRST, SECOND, SECOND);
      await page
        .getByRole('status')
        .filter({ hasText: 'Your password is changed. Your other session was signed out.' })
        .waitFor();

      // The phone's session is over; this browser's is not.
      assert.equal((await phone.request('/data/manifest.json')).status, 401);
      await page.goto(`${baseUrl}/portal`);
      await page.getByText('Signed in as').waitFor();
      const fresh = httpClient(baseUrl);
      assert.equal(
        (await fresh.request('/portal/login', form({ email: EMAIL, password: FIRST }))).status,
        400,
      );
      await fresh.signIn(EMAIL, SECOND);

      const audit = await (
        await admin.request('/portal/admin/audit.csv?action=account.change_password')
      ).text();
      assert.ok(audit.includes(`${EMAIL},`), 'the audit log does not record the change');
      assert.ok(!/scrypt/.test(audit), 'the audit log holds a password hash');
    },
  },
];
