// Reliability and abuse, over HTTP, each flow with its own portal server: 50 concurrent
// submissions all land unmixed; killing the server (SIGKILL) mid-submission loses no
// acknowledged submission and leaves no partial version; huge, binary, wrongly encoded,
// formula-carrying and cross-origin uploads are refused and store nothing.
import assert from 'node:assert/strict';
import { openPortalDatabase } from '../portal-database.mjs';
import { demoEmail, httpClient, startPortal } from '../portal-server.mjs';
import { fileRows, fillTemplate, monthsAgo, rowsChecksum, sha256, withCell } from '../submission-files.mjs';

const SITES = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'];

/** The 14 demo site accounts (lead and data entry of each site), signed in. */
async function siteClients(baseUrl) {
  const clients = {};
  for (const site of SITES) {
    clients[site] = [];
    for (const role of ['site_lead', 'site_data_entry']) {
      const client = httpClient(baseUrl);
      await client.signIn(demoEmail(role, site));
      clients[site].push(client);
    }
  }
  return clients;
}

/** Filled month files: job i is for site i mod 7 and one of `months`, each with its own counts. */
async function submissionJobs(clients, months, count) {
  const templates = new Map();
  for (const site of SITES)
    for (const period of months) {
      const response = await clients[site][0].request(`/portal/submissions/template.csv?period=${period}`);
      assert.equal(response.status, 200);
      templates.set(`${site}|${period}`, await response.text());
    }
  return Array.from({ length: count }, (_, i) => {
    const site = SITES[i % SITES.length];
    const period = months[Math.floor(i / SITES.length) % months.length];
    const csv = fillTemplate(templates.get(`${site}|${period}`), i + 1);
    return {
      i,
      site,
      period,
      client: clients[site][i % 2],
      csv,
      sha: sha256(csv),
      checksum: rowsChecksum(fileRows(csv)),
    };
  });
}

function send(job) {
  return job.client.request(`/portal/api/submissions?period=${job.period}`, {
    method: 'POST',
    body: job.csv,
    headers: { 'content-type': 'text/csv' },
  });
}

/** Every version's stored rows as a checksum, and the versions whose row_count disagrees with them. */
async function storedVersions(db) {
  const versions = await db.all(`
    SELECT v.site_id, v.period, v.version, v.row_count, v.file_sha256, count(r.measure_id) AS actual_rows
    FROM submission_versions v LEFT JOIN submission_rows r USING (site_id, period, version)
    GROUP BY ALL`);
  return {
    versions,
    partial: versions.filter((v) => v.row_count !== v.actual_rows),
    async checksumOf(v) {
      const rows = await db.all(
        'SELECT measure_id, ethnic_category, numerator, denominator FROM submission_rows WHERE site_id = ? AND period = ? AND version = ?',
        [v.site_id, v.period, v.version],
      );
      return rowsChecksum(rows);
    },
  };
}

async function versionCount(client, query) {
  const response = await client.request(`/portal/api/submissions?${query}`);
  assert.equal(response.status, 200);
  return (await response.json()).versions.length;
}

export const flows = [
  {
    name: '50 concurrent submissions from 14 site accounts all land, each version with exactly its own rows',
    async run() {
      const portal = await startPortal();
      try {
        const clients = await siteClients(portal.baseUrl);
        const months = [1, 2, 3, 4].map((n) => monthsAgo(n));
        const jobs = await submissionJobs(clients, months, 50);
        const baseline = new Map();
        for (const job of jobs)
          baseline.set(`${job.site}|${job.period}`, await versionCount(job.client, `period=${job.period}`));

        const started = performance.now();
        const results = await Promise.all(
          jobs.map(async (job) => {
            const response = await send(job);
            return { job, status: response.status, body: await response.json() };
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        for (const { job, status, body } of results) {
          assert.equal(status, 201, `job ${job.i}: ${JSON.stringify(body).slice(0, 300)}`);
          assert.deepEqual(
            [body.siteId, body.period, body.rows],
            [job.site, job.period, fileRows(job.csv).length],
          );
        }
        // Versions of each site's month: baseline+1 ... baseline+k, each given out once.
        const byPair = new Map();
        for (const r of results) {
          const pair = `${r.job.site}|${r.job.period}`;
          byPair.set(pair, [...(byPair.get(pair) ?? []), r]);
        }
        for (const [pair, group] of byPair) {
          const got = group.map((r) => r.body.version).sort((a, b) => a - b);
          const first = baseline.get(pair) + 1;
          assert.deepEqual(
            got,
            Array.from({ length: group.length }, (_, k) => first + k),
            pair,
          );
        }
        console.log(`  50 submissions stored in ${seconds.toFixed(2)} s (${(50 / seconds).toFixed(1)}/s)`);

        await portal.stop();
        const db = await openPortalDatabase(portal.dbDir);
        try {
          const stored = await storedVersions(db);
          assert.deepEqual(stored.partial, []);
          for (const { job, body } of results) {
            const v = stored.versions.find(
              (s) => s.site_id === job.site && s.period === job.period && s.version === body.version,
            );
            assert.ok(v, `job ${job.i} not stored`);
            assert.equal(v.file_sha256, job.sha, `job ${job.i}: file hash`);
            assert.equal(v.row_count, fileRows(job.csv).length);
            assert.equal(
              await stored.checksumOf(v),
              job.checksum,
              `job ${job.i}: rows differ from what was sent`,
            );
          }
        } finally {
          db.close();
        }
      } finally {
        await portal.stop();
      }
    },
  },
  {
    name: 'killing the server (SIGKILL) mid-submission: after restart every acknowledged submission is whole, none partial',
    async run() {
      const portal = await startPortal();
      let restarted = null;
      try {
        const clients = await siteClients(portal.baseUrl);
        const jobs = await submissionJobs(
          clients,
          [1, 2, 3].map((n) => monthsAgo(n)),
          30,
        );
        const acknowledged = [];
        let killed = null;
        const outcomes = await Promise.all(
          jobs.map((job) =>
            send(job)
              .then(async (response) => {
                const body = await response.json().catch(() => null);
                if (response.status === 201) {
                  acknowledged.push({ job, version: body?.version ?? null });
                  if (acknowledged.length === 10) killed ??= portal.kill();
                }
                return { job, status: response.status };
              })
              .catch((error) => ({ job, error })),
          ),
        );
        await (killed ?? portal.kill());
        const failed = outcomes.filter((o) => o.error).length;
        assert.ok(acknowledged.length >= 10, `only ${acknowledged.length} acknowledged`);

        // Same database folder: it must open, replaying its write-ahead log.
        restarted = await startPortal({ dbDir: portal.dbDir });
        const check = httpClient(restarted.baseUrl);
        await check.signIn(demoEmail('network_admin'));
        for (const { job, version } of acknowledged) {
          const response = await check.request(
            `/portal/api/submissions?site=${job.site}&period=${job.period}`,
          );
          const listed = (await response.json()).versions.find((v) => v.fileSha256 === job.sha);
          assert.ok(listed, `acknowledged job ${job.i} missing after restart`);
          if (version !== null) assert.equal(listed.version, version);
        }
        await restarted.stop();

        const db = await openPortalDatabase(portal.dbDir);
        try {
          const stored = await storedVersions(db);
          assert.deepEqual(stored.partial, [], 'a version has fewer or more rows than its row_count');
          let committedUnacknowledged = 0;
          for (const job of jobs) {
            const copies = stored.versions.filter((v) => v.file_sha256 === job.sha);
            assert.ok(copies.length <= 1, `job ${job.i} stored ${copies.length} times`);
            const wasAcknowledged = acknowledged.some((a) => a.job === job);
            if (wasAcknowledged) assert.equal(copies.length, 1, `acknowledged job ${job.i} lost`);
            if (copies.length === 1) {
              assert.equal(await stored.checksumOf(copies[0]), job.checksum, `job ${job.i}: rows differ`);
              if (!wasAcknowledged) committedUnacknowledged += 1;
            }
          }
          console.log(
            `  killed after ${acknowledged.length} acknowledgements; ${failed} requests cut off; ${committedUnacknowledged} committed but unacknowledged (whole); the rest absent`,
          );
        } finally {
          db.close();
        }
      } finally {
        await portal.kill();
        if (restarted) await restarted.stop();
      }
    },
  },
  {
    name: 'huge, binary, Windows-1252, formula and cross-origin uploads are refused with a message and store nothing',
    async run() {
      const portal = await startPortal();
      try {
        const client = httpClient(portal.baseUrl);
        await client.signIn(demoEmail('site_data_entry'));
        const period = monthsAgo(1);
        const template = await (
          await client.request(`/portal/submissions/template.csv?period=${period}`)
        ).text();
        const good = fillTemplate(template, 5);
        const before = await versionCount(client, 'site=S1');
        const post = (body, headers = { 'content-type': 'text/csv' }) =>
          client.request(`/portal/api/submissions?period=${period}`, { method: 'POST', body, headers });

        async function refused(label, response, status, rule, message) {
          assert.equal(response.status, status, label);
          const body = await response.json();
          assert.equal(body.ok, false, label);
          const error = body.errors.find((e) => e.rule === rule);
          assert.ok(error, `${label}: ${JSON.stringify(body.errors).slice(0, 300)}`);
          assert.match(error.message, message, label);
          assert.equal(await versionCount(client, 'site=S1'), before, `${label} stored something`);
        }

        const huge = new Uint8Array(3 * 1024 * 1024).fill(0x31);
        await refused('3 MB body', await post(huge), 413, 'too_large', /larger than 1 MB/);
        await refused(
          '1.5 MB body',
          await post(huge.subarray(0, 1.5 * 1024 * 1024)),
          413,
          'too_large',
          /larger than 1 MB/,
        );
        const png = new Uint8Array([
          0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
        ]);
        await refused(
          'PNG sent as text/csv',
          await post(png),
          415,
          'binary_file',
          /PNG image, not a CSV file/,
        );
        await refused(
          'PNG sent as image/png',
          await post(png, { 'content-type': 'image/png' }),
          415,
          'binary_file',
          /PNG image/,
        );
        const withComment = good
          .trimEnd()
          .split('\n')
          .map((line, i) => `${line},${i === 0 ? 'comment' : i === 3 ? 'Café £12' : ''}`)
          .join('\n');
        await refused(
          'Windows-1252 file',
          await post(Buffer.from(`${withComment}\n`, 'latin1')),
          422,
          'not_utf8',
          /Line 4 has the byte 0xE9 \(“é” in Windows-1252.*CSV UTF-8/,
        );
        await refused(
          'formula cell',
          await post(withCell(good, 6, 'numerator', '=1+1')),
          422,
          'spreadsheet_formula',
          /Line 6: numerator "=1\+1" is a spreadsheet formula/,
        );
        const crossOrigin = await client.request(`/portal/api/submissions?period=${period}`, {
          method: 'POST',
          body: good,
          headers: { 'content-type': 'text/csv', origin: 'https://evil.example' },
        });
        assert.equal(crossOrigin.status, 403);
        // No Origin and no Sec-Fetch-Site (a script or an old browser): refused as well.
        const noOrigin = await fetch(`${portal.baseUrl}/portal/api/submissions?period=${period}`, {
          method: 'POST',
          body: good,
          headers: { 'content-type': 'text/csv', cookie: client.cookie },
        });
        assert.equal(noOrigin.status, 403);
        const crossSite = await fetch(`${portal.baseUrl}/portal/api/submissions?period=${period}`, {
          method: 'POST',
          body: good,
          headers: { 'content-type': 'text/csv', cookie: client.cookie, 'sec-fetch-site': 'cross-site' },
        });
        assert.equal(crossSite.status, 403);
        assert.equal(await versionCount(client, 'site=S1'), before);

        // The upload page refuses an Excel workbook renamed .csv, with how to save as CSV UTF-8.
        const form = new FormData();
        form.set('period', period);
        const xlsx = new Uint8Array([
          0x50,
          0x4b,
          0x03,
          0x04,
          0x14,
          0,
          0x06,
          0,
          ...new TextEncoder().encode('[Content_Types].xml'),
        ]);
        form.set('file', new Blob([xlsx], { type: 'text/csv' }), 'october.csv');
        const page = await client.request('/portal/submissions/upload?/preview', {
          method: 'POST',
          body: form,
          headers: { accept: 'text/html' },
        });
        const html = await page.text();
        assert.match(html, /This file is an Excel workbook \(\.xlsx\) or another ZIP file, not a CSV file/);
        assert.match(html, /nothing has been stored/);
        assert.equal(await versionCount(client, 'site=S1'), before);

        // The same file in UTF-8 with a byte-order mark is accepted: the encoding was the problem.
        const accepted = await post(
          Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${withComment}\n`, 'utf8')]),
        );
        assert.equal(accepted.status, 201, await accepted.clone().text());
        assert.equal(await versionCount(client, 'site=S1'), before + 1);

        await portal.stop();
        const db = await openPortalDatabase(portal.dbDir);
        try {
          const pending = await db.all('SELECT count(*) AS n FROM pending_uploads');
          assert.equal(pending[0].n, 0, 'a refused upload was kept as pending');
        } finally {
          db.close();
        }
      } finally {
        await portal.stop();
      }
    },
  },
];
