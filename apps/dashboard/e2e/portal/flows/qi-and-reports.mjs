// The QI log and the monthly report, end to end: the lead of S1 sets an aim, a change idea
// and a PDSA cycle (meeting field errors on the way), the month's report charts the aim with
// its target and the new cycle, a narrative with script and javascript: links renders
// harmlessly, is submitted, prints to a PDF; faculty reply; the lead reads the reply; the
// advisory group and another site's lead are refused. A site team deletes a cycle and an idea
// logged by mistake, only once it ticks the confirmation.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const REPORT_MONTH = '2026-03';
const REPORT_PATH = `/portal/reports/S1/${REPORT_MONTH}`;
const PLAN = 'E2E: text reminders in Somali and Tigrinya from one antenatal clinic.';
const NARRATIVE = [
  '## March',
  '',
  'We tested **text reminders** at one clinic. <script>alert(1)</script>',
  '',
  '- Reminder sent 3 days before booking',
  '- [x](javascript:alert(1)) and [guidance](https://www.england.nhs.uk/)',
].join('\n');

/** Fails the flow if any page opens a dialog (an alert() from injected script). */
function watchDialogs(page, seen) {
  page.on('dialog', async (dialog) => {
    seen.push(dialog.message());
    await dialog.dismiss();
  });
}

/** Opens a folded form by its summary text and returns the <details> element. */
async function openPanel(scope, summary) {
  const escaped = summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const handle = scope.locator('details.form-panel > summary', { hasText: new RegExp(`^${escaped}$`) });
  await handle.click();
  return handle.locator('..');
}

/** What the DOM holds that could run script: script elements, javascript: URLs, on* attributes. */
function executableParts(page) {
  return page.evaluate(() => ({
    scripts: [...document.querySelectorAll('main script')].length,
    javascriptUrls: [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter(
      (element) =>
        ['href', 'src', 'action', 'formaction'].some((name) =>
          /^\s*(javascript|vbscript|data):/i.test(element.getAttribute(name) ?? ''),
        ),
    ).length,
    handlers: [...document.querySelectorAll('main *')].filter((element) =>
      [...element.attributes].some((attribute) => attribute.name.startsWith('on')),
    ).length,
  }));
}

async function signOut(page) {
  await page.locator('header').getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/portal/login**');
}

export const flows = [
  {
    name: 'site lead of S1 sets an aim, a change idea and a PDSA cycle; the month’s report charts them; narrative is safe, submitted, printed',
    async run({ signedInPage, baseUrl, screenshot, outDir }) {
      const dialogs = [];
      const page = await signedInPage('site_lead');
      watchDialogs(page, dialogs);

      // Site roles land on their own site's log.
      await page.goto(`${baseUrl}/portal/qi`);
      assert.equal(new URL(page.url()).pathname, '/portal/qi/S1');
      await page.waitForLoadState('networkidle');

      // A new aim: first with a target outside 0-100 %, which is refused beside the field.
      const aimPanel = await openPanel(page, 'Set a new aim');
      await aimPanel.getByLabel('Measure').selectOption('booking_by_10wk');
      await aimPanel.getByLabel('Women in these ethnic groups:').check();
      await aimPanel.getByLabel('Black or Black British').check();
      await aimPanel.getByLabel('Baseline (%)').fill('50');
      await aimPanel.getByLabel('Target (%)').fill('140');
      await aimPanel.getByLabel('By (month)').fill('2026-12');
      // The statement follows the fields until the team rewrites it.
      assert.equal(
        await aimPanel.getByLabel('Aim statement').inputValue(),
        'Increase “Booked by 10 weeks (<=70 days)” for Black women at Site A (London) from 50% to 140% by December 2026.',
      );
      await aimPanel.getByRole('button', { name: 'Set the aim' }).click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await aimPanel
        .getByText('The target must be a percentage from 0 to 100; 140 is not.')
        .first()
        .waitFor();
      await aimPanel.getByLabel('Target (%)').fill('70');
      await aimPanel.getByRole('button', { name: 'Set the aim' }).click();
      const banner = page.getByRole('status').filter({ hasText: /^Aim AIM-S1-\d+ set\.$/ });
      await banner.waitFor();
      const aimId = (await banner.textContent()).match(/AIM-S1-\d+/)[0];
      const aim = page.locator(`section#${aimId}`);
      await aim
        .getByRole('heading', {
          name: `${aimId} Increase “Booked by 10 weeks (<=70 days)” for Black women at Site A (London) from 50% to 70% by December 2026.`,
        })
        .waitFor();

      // A change idea for it.
      const ideaPanel = await openPanel(aim, `Add a change idea to ${aimId}`);
      await ideaPanel.getByLabel('Primary driver').fill('Women know how and when to book');
      await ideaPanel.getByLabel('Change idea').fill('Booking reminders by text in the languages women read');
      await ideaPanel.getByRole('button', { name: 'Add the change idea' }).click();
      await aim
        .getByRole('heading', { name: 'Change idea: Booking reminders by text in the languages women read' })
        .waitFor();

      // A PDSA cycle: first ending before it starts, which is refused.
      const cyclePanel = await openPanel(aim, 'Log a PDSA cycle for this change idea');
      await cyclePanel.getByLabel('Plan').fill(PLAN);
      await cyclePanel.getByLabel('Start month').fill('2026-01');
      await cyclePanel.getByLabel('End month').fill('2025-12');
      await cyclePanel.getByRole('button', { name: 'Log the cycle' }).click();
      await cyclePanel
        .getByText('The cycle cannot end (2025-12) before it starts (2026-01).')
        .first()
        .waitFor();
      await cyclePanel.getByLabel('End month').fill('2026-02');
      await cyclePanel
        .getByLabel('Study')
        .fill('Eleven of twenty women booked within a week of the reminder.');
      await cyclePanel.getByLabel('Adapt: change it and test again').check();
      await cyclePanel.getByRole('button', { name: 'Log the cycle' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /PDSA cycle 1 of AIM-S1-\d+-CI1 saved/ })
        .waitFor();
      const cycle = aim.locator('li.cycle').first();
      await cycle.getByText(PLAN).waitFor();
      await cycle.getByText('January 2026 to February 2026').waitFor();
      await screenshot(page, 'qi-log.png');

      // The month's report: the new aim's chart with its target line and the new cycle marked.
      await page.goto(`${baseUrl}${REPORT_PATH}`);
      const section = page.locator('section.report-aim', {
        has: page.getByRole('heading', { name: /for Black women at Site A \(London\) from 50% to 70%/ }),
      });
      await section.locator('.chart-svg svg').waitFor();
      assert.equal(await section.locator('.chart-svg svg g.target').count(), 1, 'the target line is drawn');
      assert.equal(
        await section.locator('.chart-svg svg g.annotations').count(),
        1,
        'change markers are drawn',
      );
      await section.getByText(`PDSA 1: ${PLAN}`).waitFor();
      await section.getByText('Target 70.0%').waitFor();
      // Making Data Count's variation and assurance icons beside the chart.
      await section.locator('.mdc-icon', { hasText: 'Variation' }).waitFor();
      await section.locator('.mdc-icon', { hasText: 'Assurance' }).waitFor();

      // A narrative carrying script and a javascript: link renders as harmless text.
      await page.getByLabel('Narrative (Markdown)').fill(NARRATIVE);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor();
      const narrative = page.getByTestId('narrative');
      await narrative
        .getByText('We tested text reminders at one clinic. <script>alert(1)</script>')
        .waitFor();
      await narrative.getByText('[x](javascript:alert(1))').waitFor();
      assert.equal(
        await narrative.getByRole('link', { name: 'guidance' }).getAttribute('rel'),
        'noopener noreferrer',
      );
      assert.deepEqual(await executableParts(page), { scripts: 0, javascriptUrls: 0, handlers: 0 });
      await page.locator('.report-meta .status', { hasText: 'Draft' }).waitFor();

      await page.getByRole('button', { name: `Submit the report for March 2026` }).click();
      await page.getByRole('status').filter({ hasText: 'Report submitted.' }).waitFor();
      await page.locator('.report-meta .status', { hasText: 'Submitted' }).waitFor();
      await page.getByRole('button', { name: 'Save the revision' }).waitFor();
      // Reloaded from the server (no client state), the page is still harmless.
      await page.reload();
      await section.locator('.chart-svg svg').waitFor();
      assert.deepEqual(await executableParts(page), { scripts: 0, javascriptUrls: 0, handlers: 0 });
      await screenshot(page, 'report.png');

      // Print: the report alone, one aim per page.
      await page.emulateMedia({ media: 'print' });
      await page.waitForTimeout(300);
      assert.equal(await page.locator('header.site-header').isVisible(), false, 'no site header in print');
      assert.equal(await page.locator('footer.site-footer').isVisible(), false, 'no footer in print');
      assert.equal(await page.locator('form.narrative-form').isVisible(), false, 'no forms in print');
      assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false);
      await page.getByRole('heading', { name: 'Site A (London): March 2026' }).waitFor();
      await screenshot(page, 'report-print.png');
      const pdfFile = path.join(outDir, 'report.pdf');
      await page.pdf({ path: pdfFile, format: 'A4', printBackground: true });
      const bytes = statSync(pdfFile).size;
      const pages = (readFileSync(pdfFile, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      assert.ok(bytes > 10_000, `report.pdf is ${bytes} bytes`);
      assert.ok(pages >= 2, `report.pdf has ${pages} pages (the narrative, then one per aim)`);
      console.log(`  report.pdf: ${bytes} bytes, ${pages} pages`);
      await page.emulateMedia({ media: 'screen' });
      assert.deepEqual(dialogs, []);
    },
  },
  {
    name: 'faculty read the submitted report and comment; the site lead sees the comment',
    async run({ signedInPage, baseUrl, screenshot }) {
      const dialogs = [];
      const faculty = await signedInPage('faculty');
      watchDialogs(faculty, dialogs);
      await faculty.goto(`${baseUrl}${REPORT_PATH}`);
      // Charts are drawn once the page has hydrated: type only then, or hydration resets the box.
      await faculty.locator('.report-aim .chart-svg svg').first().waitFor();
      await faculty
        .getByTestId('narrative')
        .getByText('<script>alert(1)</script>', { exact: false })
        .waitFor();
      assert.equal(
        await faculty.getByLabel('Narrative (Markdown)').count(),
        0,
        'faculty cannot edit the narrative',
      );
      await faculty
        .getByLabel('Your comment (Markdown)')
        .fill('Good test. Try **two clinics** next; <img src=x onerror=alert(2)>');
      await faculty.getByRole('button', { name: 'Send the comment' }).click();
      const comment = faculty.locator('article.comment').last();
      await comment.locator('strong', { hasText: 'two clinics' }).waitFor();
      await comment.getByText('<img src=x onerror=alert(2)>').waitFor();
      assert.deepEqual(await executableParts(faculty), { scripts: 0, javascriptUrls: 0, handlers: 0 });
      await signOut(faculty);

      const lead = await signedInPage('site_lead');
      watchDialogs(lead, dialogs);
      await lead.goto(`${baseUrl}${REPORT_PATH}`);
      const seen = lead.locator('article.comment', { hasText: 'Good test. Try two clinics next' });
      await seen.waitFor();
      await seen.getByText('Improvement faculty (demo)').waitFor();
      assert.equal(await lead.getByLabel('Your comment (Markdown)').count(), 0, 'site leads do not comment');
      await lead.goto(`${baseUrl}/portal/reports`);
      await lead.locator('li', { hasText: 'March 2026' }).getByText('Submitted').waitFor();
      await lead.locator('li', { hasText: 'March 2026' }).getByText('1 comment').waitFor();
      await screenshot(lead, 'reports-index.png');
      assert.deepEqual(dialogs, []);
    },
  },
  {
    name: 'the advisory group and another site’s lead are refused the QI log and reports',
    // The browser logs the 403 page load as a console error; the refusal is what is tested.
    allowConsoleErrors: true,
    async run({ http, demoEmail, signedInPage, baseUrl }) {
      const html = { headers: { accept: 'text/html' } };
      const advisory = http();
      await advisory.signIn(demoEmail('advisory'));
      for (const url of ['/portal/qi', '/portal/qi/S1', '/portal/reports', REPORT_PATH])
        assert.equal((await advisory.request(url, html)).status, 403, `advisory GET ${url}`);

      const leadS2 = http();
      await leadS2.signIn(demoEmail('site_lead', 'S2'));
      assert.equal((await leadS2.request(REPORT_PATH, html)).status, 403);
      assert.equal((await leadS2.request('/portal/qi/S1', html)).status, 403);
      assert.equal((await leadS2.request(`/portal/reports/S2/${REPORT_MONTH}`, html)).status, 200);
      // A complete, valid aim posted to S1's log by S2's lead: refused, nothing written.
      const aim = new URLSearchParams({
        measure_id: 'booking_by_10wk',
        focus: 'all',
        target_value: '80',
        target_period: '2026-12',
      });
      const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
      const posted = await leadS2.request('/portal/qi/S1?/saveAim', {
        method: 'POST',
        body: aim,
        headers: form,
      });
      assert.equal(posted.status, 403);
      const narrative = new URLSearchParams({ intent: 'submit', narrative: 'Not my site.' });
      const written = await leadS2.request(`${REPORT_PATH}?/saveNarrative`, {
        method: 'POST',
        body: narrative,
        headers: form,
      });
      assert.equal(written.status, 403);

      // S1's data entry may log cycles but not set aims or write the report.
      const dataS1 = http();
      await dataS1.signIn(demoEmail('site_data_entry', 'S1'));
      assert.equal(
        (await dataS1.request('/portal/qi/S1?/saveAim', { method: 'POST', body: aim, headers: form })).status,
        403,
      );
      assert.equal(
        (
          await dataS1.request(`${REPORT_PATH}?/saveNarrative`, {
            method: 'POST',
            body: narrative,
            headers: form,
          })
        ).status,
        403,
      );

      // In the browser the advisory member sees the refusal page, not the report.
      const page = await signedInPage('advisory');
      const response = await page.goto(`${baseUrl}${REPORT_PATH}`);
      assert.equal(response.status(), 403);
      assert.equal(await page.locator('.report-aim').count(), 0);
    },
  },
  {
    name: 'S3’s data entry deletes a PDSA cycle and a change idea logged by mistake, only when confirmed; the audit log keeps them',
    async run({ signedInPage, baseUrl, screenshot, http, demoEmail }) {
      const MISTAKE_PLAN = 'E2E: logged against the wrong idea by mistake.';
      const page = await signedInPage('site_data_entry', 'S3');
      await page.goto(`${baseUrl}/portal/qi/S3`);
      await page.waitForLoadState('networkidle');
      const aim = page.locator('section.aim#AIM-C1');
      const ideaPanel = await openPanel(aim, 'Add a change idea to AIM-C1');
      await ideaPanel.getByLabel('Primary driver').fill('E2E driver');
      await ideaPanel.getByLabel('Change idea').fill('E2E idea added by mistake');
      await ideaPanel.getByRole('button', { name: 'Add the change idea' }).click();
      const idea = aim.locator('article.change-idea', {
        has: page.getByRole('heading', { name: 'Change idea: E2E idea added by mistake' }),
      });
      await idea.waitFor();
      const cyclePanel = await openPanel(idea, 'Log a PDSA cycle for this change idea');
      await cyclePanel.getByLabel('Plan').fill(MISTAKE_PLAN);
      await cyclePanel.getByLabel('Start month').fill('2026-01');
      await cyclePanel.getByRole('button', { name: 'Log the cycle' }).click();
      await idea.locator('li.cycle').getByText(MISTAKE_PLAN).waitFor();
      // With a cycle, the idea offers no delete; the cycle does.
      assert.equal(await idea.locator('summary', { hasText: 'Delete this change idea' }).count(), 0);

      const deleteCycle = await openPanel(idea, 'Delete PDSA 1');
      await deleteCycle.getByRole('button', { name: 'Delete PDSA 1' }).click();
      await deleteCycle.getByText('Tick the box to confirm you want to delete PDSA 1.').first().waitFor();
      assert.equal(await idea.locator('li.cycle').count(), 1, 'an unconfirmed delete removed the cycle');
      await screenshot(page, 'qi-delete-confirm.png');
      await deleteCycle.getByLabel('Yes, delete PDSA 1').check();
      await deleteCycle.getByRole('button', { name: 'Delete PDSA 1' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /PDSA cycle 1 of AIM-C1-CI\d+ deleted, with its marker on the charts/ })
        .waitFor();
      await idea.getByText('No PDSA cycles yet.').waitFor();
      assert.equal(await idea.locator('li.cycle').count(), 0);

      const deleteIdea = await openPanel(idea, 'Delete this change idea');
      await deleteIdea.getByLabel('Yes, delete this change idea').check();
      await deleteIdea.getByRole('button', { name: 'Delete this change idea' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Change idea “E2E idea added by mistake” deleted.' })
        .waitFor();
      assert.equal(await idea.count(), 0, 'the change idea is still listed');

      // Nothing is lost for good: the audit log holds what was deleted, and who deleted it.
      const admin = http();
      await admin.signIn(demoEmail('network_admin'));
      const audit = await (await admin.request('/portal/admin/audit.csv?action=pdsa.delete')).text();
      assert.match(audit, /data\.s3@demo\.nhs\.uk,[^,]*,pdsa\.delete,AIM-C1-CI\d+-P1/);
      assert.ok(audit.includes(MISTAKE_PLAN), 'the audit entry does not hold the deleted plan');
      const ideas = await (await admin.request('/portal/admin/audit.csv?action=change_idea.delete')).text();
      assert.ok(
        ideas.includes('E2E idea added by mistake'),
        'the audit entry does not hold the deleted idea',
      );
    },
  },
];
