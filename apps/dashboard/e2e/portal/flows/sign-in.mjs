// Signing in and out, for every role; refusing bad passwords, cross-origin writes and
// anonymous visitors.
import assert from 'node:assert/strict';

const ROLES = ['network_admin', 'faculty', 'advisory', 'site_lead', 'site_data_entry'];

export const flows = [
  ...ROLES.map((role) => ({
    name: `${role} signs in, sees the portal home and signs out`,
    async run({ signedInPage, screenshot, baseUrl }) {
      const page = await signedInPage(role);
      await page.goto(`${baseUrl}/portal`);
      await page.getByText('Signed in as').waitFor();
      await screenshot(page, `home-${role}.png`);
      await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/portal/login');
      await page.goto(`${baseUrl}/portal`);
      assert.match(new URL(page.url()).pathname, /^\/portal\/login/);
    },
  })),
  {
    name: 'a wrong password is refused with a message, and repeated failures are rate limited',
    async run({ http, demoEmail }) {
      const client = http();
      const form = (password) => ({
        method: 'POST',
        body: new URLSearchParams({ email: demoEmail('faculty'), password }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      });
      // Another address than the other flows' browser would be nice; the limit is per email too.
      const statuses = [];
      for (let i = 0; i < 6; i += 1)
        statuses.push((await client.request('/portal/login', form('wrong password 123'))).status);
      assert.equal(client.cookie, '');
      assert.deepEqual(statuses.slice(0, 5), [400, 400, 400, 400, 400]);
      assert.equal(statuses[5], 429);
    },
  },
  {
    name: 'anonymous visitors are sent to sign in; data files answer 401',
    async run({ http }) {
      const client = http();
      const page = await client.request('/site', { headers: { accept: 'text/html' } });
      assert.equal(page.status, 303);
      assert.match(page.headers.get('location'), /^\/portal\/login\?next=%2Fsite/);
      assert.equal((await client.request('/data/manifest.json')).status, 401);
    },
  },
  {
    name: 'a write from another origin is refused even with a valid session',
    async run({ http, demoEmail }) {
      const client = http();
      await client.signIn(demoEmail('site_lead'));
      const response = await client.request('/portal/logout', {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
      });
      assert.equal(response.status, 403);
      assert.equal((await client.request('/portal')).status, 200);
    },
  },
];
