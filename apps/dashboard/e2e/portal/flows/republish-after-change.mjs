// "Charts use the latest": a site's new month, submitted through the API, reaches that site's
// own audience files and the network's (faculty) within the publisher's debounce, and the
// Site page draws it; the other sites' files never carry it.
import assert from 'node:assert/strict';
import { tableFromIPC } from 'apache-arrow';
import { fileRows, fillTemplate, monthsAgo } from '../submission-files.mjs';

const SITE = 'S4';

/** The manifest's file for a table, once the audience's files exist (503 until the first publish). */
async function tableFile(client, table) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const response = await client.request('/data/manifest.json');
    if (response.status === 200) {
      const manifest = await response.json();
      const entry = manifest.tables.find((t) => t.table === table);
      assert.ok(entry, `no ${table} table in the manifest`);
      return entry.file;
    }
    assert.equal(response.status, 503, `manifest answered ${response.status}`);
    if (Date.now() > deadline) throw new Error('the audience files were never published');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function waitForNewFile(client, table, previous, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const file = await tableFile(client, table);
    if (file !== previous) return file;
    if (Date.now() > deadline) throw new Error(`${table} was not republished within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function submissionRows(client, file) {
  const response = await client.request(`/data/${file}`);
  assert.equal(response.status, 200, `GET /data/${file} answered ${response.status}`);
  return tableFromIPC(new Uint8Array(await response.arrayBuffer()))
    .toArray()
    .map((row) => row.toJSON());
}

const periodOf = (row) =>
  typeof row.period === 'string' ? row.period : new Date(row.period).toISOString().slice(0, 7);

export const flows = [
  {
    name: 'a new month from a site reaches its own files, the network’s and its Site page; no other site’s',
    async run({ http, demoEmail, signedInPage, screenshot, baseUrl }) {
      const lead = http();
      await lead.signIn(demoEmail('site_lead', SITE));
      const faculty = http();
      await faculty.signIn(demoEmail('network_admin'));
      const other = http();
      await other.signIn(demoEmail('site_lead', 'S5'));
      const period = monthsAgo(1);
      const before = {
        site: await tableFile(lead, 'submissions'),
        network: await tableFile(faculty, 'submissions'),
        other: await tableFile(other, 'submissions'),
      };
      assert.ok(
        !(await submissionRows(lead, before.site)).some((row) => periodOf(row) === period),
        `${period} is already in ${SITE}'s files before the test submits it`,
      );

      const template = await (await lead.request(`/portal/submissions/template.csv?period=${period}`)).text();
      const csv = fillTemplate(template, 11);
      const submitted = await lead.request(`/portal/api/submissions?period=${period}`, {
        method: 'POST',
        body: csv,
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(submitted.status, 201, await submitted.clone().text());
      const sent = fileRows(csv).length;

      const siteFile = await waitForNewFile(lead, 'submissions', before.site);
      const siteRows = (await submissionRows(lead, siteFile)).filter((row) => periodOf(row) === period);
      assert.equal(
        siteRows.length,
        sent,
        `the site's file holds ${siteRows.length} of the ${sent} rows sent`,
      );
      assert.ok(siteRows.every((row) => row.site_id === SITE));

      const networkFile = await waitForNewFile(faculty, 'submissions', before.network);
      const networkRows = (await submissionRows(faculty, networkFile)).filter(
        (row) => periodOf(row) === period && row.site_id === SITE,
      );
      assert.equal(networkRows.length, sent, 'the network file does not hold the new month');

      // Another site's files never contain this site's rows (republished or not).
      const otherRows = await submissionRows(other, await tableFile(other, 'submissions'));
      assert.ok(
        otherRows.every((row) => row.site_id === 'S5'),
        'S5 received another site’s rows',
      );

      // The Site page draws the new month (its data table lists it).
      const page = await signedInPage('site_lead', SITE);
      const label = new Date(`${period}-01T00:00:00Z`).toLocaleDateString('en-GB', {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
      await page.goto(`${baseUrl}/site?site=${SITE}&measure=booking_by_10wk`);
      await page.locator('figure svg').first().waitFor({ timeout: 60_000 });
      const tables = await page.locator('table').allTextContents();
      assert.ok(
        tables.some((text) => text.includes(label)),
        `no table on the Site page lists ${label}`,
      );
      await screenshot(page, 'republished-site-page.png');
    },
  },
];
