// Backups while the portal runs, on a server of its own with automatic backups on (as start.sh
// runs it): one is taken at start, a network admin takes another from the Backups page after a
// new submission, the page lists both with what they hold, the audit log names who took them,
// and the command-line restore rebuilds a database from the manual one and proves it whole.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, demoEmail, httpClient, startPortal } from '../portal-server.mjs';
import { fillTemplate, monthsAgo } from '../submission-files.mjs';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the admin command line as an operator would; resolves to its exit code and output. */
function adminCommand(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(appDir, 'node_modules/.bin/tsx'),
      [path.join(appDir, 'scripts/portal-admin.ts'), ...args],
      { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** The backup table's rows as text, newest first. */
async function backupRows(page) {
  return page.locator('[data-testid=backup-list] tbody tr').allTextContents();
}

export const flows = [
  {
    name: 'an automatic backup at start and a manual one from the admin page are listed, audited and restore whole',
    async run({ context, screenshot }) {
      const server = await startPortal({ env: { PORTAL_BACKUP_HOURS: '24', PORTAL_BACKUP_KEEP: '3' } });
      try {
        await server.waitForOutput(/Backup: automatic backup .*auto-[\dT-]+Z written/);
        const backupsDir = path.join(server.dbDir, 'backups');

        // A new month from S1 after the automatic backup: only the manual one may hold it.
        const lead = httpClient(server.baseUrl);
        await lead.signIn(demoEmail('site_lead', 'S1'));
        const period = monthsAgo(1);
        const template = await (
          await lead.request(`/portal/submissions/template.csv?period=${period}`)
        ).text();
        const submitted = await lead.request(`/portal/api/submissions?period=${period}`, {
          method: 'POST',
          body: fillTemplate(template, 5),
          headers: { 'content-type': 'text/csv' },
        });
        assert.equal(submitted.status, 201, await submitted.clone().text());

        const page = await context.newPage();
        await page.goto(`${server.baseUrl}/portal/login`);
        await page.waitForLoadState('networkidle'); // hydrated: it would reset a filled form
        await page.getByLabel('Email address').fill(demoEmail('network_admin'));
        await page.getByLabel('Password').fill(DEMO_PASSWORD);
        await Promise.all([
          page.waitForURL((url) => !url.pathname.startsWith('/portal/login')),
          page.getByRole('button', { name: 'Sign in' }).click(),
        ]);
        await page.goto(`${server.baseUrl}/portal`);
        await page.getByRole('link', { name: 'Backups' }).first().click();
        await page.waitForURL(`${server.baseUrl}/portal/admin/backups`);
        assert.match(
          await page.getByTestId('backup-settings').textContent(),
          /Every 24 hours, keeping the newest 3/,
        );
        const first = await backupRows(page);
        assert.equal(first.length, 1, `expected the automatic backup alone, got:\n${first.join('\n')}`);
        assert.match(first[0], /Automatic/);
        assert.match(first[0], /system:automatic-backup/);

        await page.waitForLoadState('networkidle');
        await page.getByRole('button', { name: 'Back up now' }).click();
        const status = page.getByRole('status').filter({ hasText: 'Backed up' });
        await status.waitFor({ timeout: 30_000 });
        const manualName = /to (manual-[\dT-]+Z(?:-\d+)?) in/.exec(await status.textContent())?.[1];
        assert.ok(manualName, `no backup name in “${await status.textContent()}”`);
        await page.waitForFunction(
          () => document.querySelectorAll('[data-testid=backup-list] tbody tr').length === 2,
          null,
          { timeout: 10_000 },
        );
        const [manual, automatic] = await backupRows(page);
        assert.match(manual, /Manual/);
        assert.match(manual, /admin@demo\.nhs\.uk/);
        assert.ok(manual.includes(manualName), `the newest row is not ${manualName}: ${manual}`);
        const versions = (row) => Number(/([\d,]+) submission versions/.exec(row)?.[1].replaceAll(',', ''));
        assert.equal(
          versions(manual),
          versions(automatic) + 1,
          `the manual backup should hold the new version: ${manual} / ${automatic}`,
        );
        await screenshot(page, 'admin-backups.png');

        await page.goto(`${server.baseUrl}/portal/admin/audit?action=database.backup`);
        const audit = (await page.locator('table.audit tbody tr').allTextContents()).join('\n');
        assert.match(audit, /admin@demo\.nhs\.uk[\s\S]*database\.backup/);
        assert.match(audit, /system:automatic-backup/);

        // The command line restores the manual backup into a new file while the portal runs on.
        const restored = path.join(server.dbDir, 'restored.duckdb');
        const restore = await adminCommand([
          'restore',
          '--from',
          path.join(backupsDir, manualName),
          '--db',
          restored,
        ]);
        assert.equal(restore.code, 0, restore.output);
        assert.match(restore.output, /every table's rows match the backup/);
        assert.ok(existsSync(restored), 'no restored database file');
      } finally {
        await server.stop();
      }
    },
  },
];
