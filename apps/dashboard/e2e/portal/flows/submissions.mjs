// Monthly submission in the browser and over HTTP: a site's data entry downloads the template,
// uploads a file with errors (sees them by line and column), uploads a good file, previews,
// confirms, resubmits with changes and sees the difference; the network admin sees who has
// submitted; scopes and spreadsheet-safe exports.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { cellOf, fillTemplate, lineOf, monthsAgo, withCell } from '../submission-files.mjs';

// A month other flows do not submit for; within the 13 months a site may submit.
const PERIOD = monthsAgo(4);

async function versionsOf(client, period, site = '') {
  const response = await client.request(
    `/portal/api/submissions?period=${period}${site ? `&site=${site}` : ''}`,
  );
  assert.equal(response.status, 200);
  return (await response.json()).versions;
}

async function templateFor(client, period) {
  const response = await client.request(`/portal/submissions/template.csv?period=${period}`);
  assert.equal(response.status, 200);
  return response.text();
}

async function submitByApi(client, period, csv, note = '') {
  const response = await client.request(
    `/portal/api/submissions?period=${period}${note ? `&note=${encodeURIComponent(note)}` : ''}`,
    { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } },
  );
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body).slice(0, 500));
  return body;
}

export const flows = [
  {
    name: 'data entry downloads the template, sees errors by line and column, previews, confirms, resubmits and sees the diff',
    async run({ signedInPage, screenshot, baseUrl, http, demoEmail }) {
      const api = http();
      await api.signIn(demoEmail('site_data_entry'));
      const before = (await versionsOf(api, PERIOD)).length;

      const page = await signedInPage('site_data_entry');
      await page.goto(`${baseUrl}/portal/submissions`);
      await page.getByRole('heading', { name: 'Monthly submissions' }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`a[href="/portal/submissions/template.csv?period=${PERIOD}"]`).click(),
      ]);
      assert.equal(download.suggestedFilename(), `submission-S1-${PERIOD}.csv`);
      const template = await readFile(await download.path(), 'utf8');
      const lines = template.trimEnd().split('\n');
      assert.equal(lines[0], 'site_id,period,measure_id,ethnic_category,numerator,denominator');
      assert.ok(lines.length > 300, `template has ${lines.length} lines`);
      assert.ok(lines.slice(1).every((line) => line.startsWith(`S1,${PERIOD},`) && line.endsWith(',,')));

      // A file with three errors: a formula, a numerator above its denominator, an unknown code.
      const good = fillTemplate(template, 7);
      let bad = withCell(good, 3, 'numerator', '=SUM(E2:E3)');
      bad = withCell(bad, 5, 'numerator', String(Number(cellOf(bad, 5, 'denominator')) + 5));
      bad = withCell(bad, 7, 'ethnic_category', 'XX');
      await page.goto(`${baseUrl}/portal/submissions/upload?period=${PERIOD}`);
      assert.equal(await page.locator('#period').inputValue(), PERIOD);
      await page.setInputFiles('#file', {
        name: `S1-${PERIOD}-bad.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(bad),
      });
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.getByText('The file has 3 errors: nothing has been stored').waitFor();
      const errors = await page
        .locator('table.problems.error tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.dataset.rule,
            ...[...row.querySelectorAll('td')].slice(0, 2).map((cell) => cell.textContent.trim()),
          ]),
        );
      assert.deepEqual(errors, [
        ['spreadsheet_formula', '3', 'numerator'],
        ['numerator_exceeds_denominator', '5', 'numerator'],
        ['unknown_ethnic_category', '7', 'ethnic_category'],
      ]);
      await page.getByText('is a spreadsheet formula, not a value').waitFor();
      assert.equal(await page.getByRole('button', { name: /^Confirm/ }).count(), 0);
      await screenshot(page, 'submission-errors.png');
      assert.equal((await versionsOf(api, PERIOD)).length, before, 'a file with errors stored nothing');

      // The good file: preview, then confirm.
      await page.setInputFiles('#file', {
        name: `S1-${PERIOD}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(good),
      });
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.getByText(`ready to store as version ${before + 1}`).waitFor();
      await screenshot(page, 'submission-preview.png');
      assert.equal((await versionsOf(api, PERIOD)).length, before, 'a preview stores nothing');
      await page.getByLabel(/^Note/).fill('First upload of the month');
      await Promise.all([
        page.waitForURL(/\/portal\/submissions\/history\?period=/),
        page.getByRole('button', { name: `Confirm and store as version ${before + 1}` }).click(),
      ]);
      await page.getByRole('heading', { name: `Version ${before + 1} of ${PERIOD} stored` }).waitFor();

      // Resubmission with three changed cells: a numerator and its ALL line (still adding up),
      // and a denominator whose ALL is left alone (a warning, accepted).
      const first = lineOf(good, cellOf(good, 2, 'measure_id'), cellOf(good, 2, 'ethnic_category'));
      const measure = cellOf(good, first, 'measure_id');
      const all = lineOf(good, measure, 'ALL');
      const numerator = Number(cellOf(good, first, 'numerator'));
      const delta = numerator < Number(cellOf(good, first, 'denominator')) ? 1 : -1;
      let changed = withCell(good, first, 'numerator', String(numerator + delta));
      changed = withCell(changed, all, 'numerator', String(Number(cellOf(good, all, 'numerator')) + delta));
      changed = withCell(changed, 4, 'denominator', String(Number(cellOf(good, 4, 'denominator')) + 10));
      await page.goto(`${baseUrl}/portal/submissions/upload?period=${PERIOD}`);
      await page.setInputFiles('#file', {
        name: `S1-${PERIOD}-v2.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(changed),
      });
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.getByText(`ready to store as version ${before + 2}`).waitFor();
      await page.locator('table.problems.warning tr[data-rule="category_sum_mismatch"]').first().waitFor();
      assert.match(
        await page.getByRole('list', { name: 'Summary of changes' }).textContent(),
        /3 lines\s+changed/,
      );
      await screenshot(page, 'submission-preview-resubmission.png');
      await page.getByLabel(/^Note/).fill('Corrected one stillbirth count and one denominator');
      await Promise.all([
        page.waitForURL(/\/portal\/submissions\/history\?period=/),
        page.getByRole('button', { name: `Confirm and store as version ${before + 2}` }).click(),
      ]);
      await page.getByRole('heading', { name: `Version ${before + 2} of ${PERIOD} stored` }).waitFor();
      await page.getByText('Corrected one stillbirth count and one denominator').waitFor();
      await screenshot(page, 'submission-history.png');

      // The difference between the two versions, cell by cell.
      await Promise.all([
        page.waitForURL(/\/portal\/submissions\/diff\?/),
        page.getByRole('link', { name: `v${before + 1} → v${before + 2}` }).click(),
      ]);
      await page
        .getByText(`version ${before + 1} → version ${before + 2}`)
        .first()
        .waitFor();
      const cells = await page
        .locator('table.changes')
        .first()
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) =>
            [...row.querySelectorAll('td')].map((td) => td.textContent.replace(/\s+/g, ' ').trim()),
          ),
        );
      assert.equal(cells.length, 3);
      const numeratorChange = `${numerator} → ${numerator + delta}`;
      assert.ok(
        cells.some(
          (row) =>
            row[0].includes(measure) &&
            row[1].endsWith(cellOf(good, first, 'ethnic_category')) &&
            row[2] === numeratorChange,
        ),
        JSON.stringify(cells),
      );
      await screenshot(page, 'submission-diff.png');
      const csv = await (
        await api.request(`/portal/submissions/diff.csv?period=${PERIOD}&from=${before + 1}&to=${before + 2}`)
      ).text();
      assert.equal(csv.trimEnd().split('\r\n').length, 4);
    },
  },
  {
    name: 'the network admin sees S1 submitted on the status page, reads its history, cannot submit; the status downloads as CSV',
    async run({ signedInPage, screenshot, baseUrl, http, demoEmail }) {
      const site = http();
      await site.signIn(demoEmail('site_lead'));
      let versions = await versionsOf(site, PERIOD);
      if (versions.length === 0) {
        await submitByApi(site, PERIOD, fillTemplate(await templateFor(site, PERIOD), 3));
        versions = await versionsOf(site, PERIOD);
      }
      const latest = versions[0].version;

      const page = await signedInPage('network_admin');
      await page.goto(`${baseUrl}/portal/submissions/status`);
      const cell = page.locator(`td[data-site="S1"][data-period="${PERIOD}"]`);
      assert.match(await cell.getAttribute('data-status'), /^(submitted|resubmitted)$/);
      assert.match(await cell.textContent(), new RegExp(`v${latest}`));
      assert.equal(await page.locator('td[data-status]').count(), 7 * 12);
      assert.ok(
        (await page.locator('td[data-status="overdue"]').count()) > 0,
        'months without data are overdue',
      );
      await screenshot(page, 'submission-status.png');

      const admin = http();
      await admin.signIn(demoEmail('network_admin'));
      const csv = await (await admin.request('/portal/submissions/status.csv')).text();
      assert.match(
        csv,
        new RegExp(`\\r\\nS1,Site A \\(London\\),${PERIOD},(Submitted|Resubmitted),${latest},`),
      );

      // Read-only: the admin looks but cannot submit. (Faculty is not signed in here: the
      // sign-in flows lock faculty@demo.nhs.uk out for 15 minutes by testing the rate limit;
      // the permission matrix and unit tests cover faculty.)
      assert.equal((await admin.request('/portal/submissions/history?site=S1')).status, 200);
      assert.equal((await admin.request(`/portal/submissions/upload?period=${PERIOD}`)).status, 403);
    },
  },
  {
    name: 'site roles see and submit only their own site; network and advisory roles cannot submit',
    async run({ http, demoEmail }) {
      const dataS1 = http();
      await dataS1.signIn(demoEmail('site_data_entry'));
      assert.equal((await dataS1.request('/portal/submissions/history?site=S2')).status, 403);
      assert.equal((await dataS1.request('/portal/api/submissions?site=S2')).status, 403);
      assert.equal((await dataS1.request('/portal/submissions/status')).status, 403);

      const template = await templateFor(dataS1, PERIOD);
      const leadS2 = http();
      await leadS2.signIn(demoEmail('site_lead', 'S2'));
      const before = (await versionsOf(dataS1, PERIOD)).length;
      const wrongSite = await leadS2.request(`/portal/api/submissions?period=${PERIOD}`, {
        method: 'POST',
        body: fillTemplate(template),
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(wrongSite.status, 422);
      const body = await wrongSite.json();
      assert.deepEqual(
        [body.errors[0].line, body.errors[0].column, body.errors[0].rule],
        [2, 'site_id', 'wrong_site'],
      );

      for (const role of ['network_admin', 'advisory']) {
        const client = http();
        await client.signIn(demoEmail(role));
        const response = await client.request(`/portal/api/submissions?period=${PERIOD}`, {
          method: 'POST',
          body: fillTemplate(template),
          headers: { 'content-type': 'text/csv' },
        });
        assert.equal(response.status, 403, role);
      }
      const advisory = http();
      await advisory.signIn(demoEmail('advisory'));
      assert.equal((await advisory.request('/portal/submissions?site=S1')).status, 403);
      assert.equal((await advisory.request('/portal/api/submissions?site=S1')).status, 403);
      assert.equal((await versionsOf(dataS1, PERIOD)).length, before);
    },
  },
  {
    name: 'a note written as a formula is stored as text and neutralised in the history download',
    async run({ http, demoEmail }) {
      const lead = http();
      await lead.signIn(demoEmail('site_lead'));
      const note = '=HYPERLINK("https://evil.example","Click")';
      const stored = await submitByApi(lead, PERIOD, fillTemplate(await templateFor(lead, PERIOD), 11), note);
      const history = await (await lead.request(`/portal/submissions/history.csv?period=${PERIOD}`)).text();
      const line = history.split('\r\n').find((l) => l.startsWith(`S1,${PERIOD},${stored.version},`));
      assert.ok(line?.endsWith(`"'=HYPERLINK(""https://evil.example"",""Click"")"`), line);
      const [latest] = await versionsOf(lead, PERIOD);
      assert.equal(latest.note, note);
    },
  },
];
