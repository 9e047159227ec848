#!/usr/bin/env node
// Load test of the portal build (not a test: run it by hand after `pnpm build`):
//   1. one full month's submission for one site, validated and stored (POST /portal/api/submissions),
//      20 runs one after another on a quiet server: median and p95, server-side (the answer's `ms`)
//      and round trip;
//   2. 20 signed-in users (14 site accounts, 2 network admin, 2 faculty, 2 advisory sessions) each
//      looping over what they would do (portal home, submissions, history, status, a template, an
//      API submission every few seconds for site accounts, /data/manifest.json) for ~30 s:
//      p50/p95/p99 per endpoint and overall, and throughput;
//   3. backups while the portal runs: 5 "Back up now" from the admin page, each with a month's
//      API submission posted at the same moment (it waits in the write queue): both round trips.
// Targets (issue 7): a month's submission validated and stored in < 1 s; API p95 < 200 ms with
// 20 concurrent users. Prints a table; writes bench-out/portal-load.json.
//
//   BENCH_SECONDS=30  BENCH_THINK_MS=0 (pause between one user's requests)  BENCH_SUBMIT_EVERY_MS=4000
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoEmail, httpClient, startPortal } from '../e2e/portal/portal-server.mjs';
import { fillTemplate, monthsAgo } from '../e2e/portal/submission-files.mjs';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(appDir, 'bench-out');
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 0);
const submitEveryMs = Number(process.env.BENCH_SUBMIT_EVERY_MS ?? 4000);
const SITES = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'];
const MONTHS = [1, 2, 3, 4, 5, 6].map((n) => monthsAgo(n));

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? null,
  };
}
const round = (ms) => (ms === null ? null : Math.round(ms * 10) / 10);

/** Times one request; records it under `endpoint`, with its status. */
function recorder() {
  const samples = new Map();
  return {
    samples,
    async time(endpoint, client, pathname, init, expected = [200]) {
      const started = performance.now();
      const response = await client.request(pathname, init);
      const body = await response.arrayBuffer();
      const ms = performance.now() - started;
      const entry = samples.get(endpoint) ?? { ms: [], statuses: {}, unexpected: 0 };
      entry.ms.push(ms);
      entry.statuses[response.status] = (entry.statuses[response.status] ?? 0) + 1;
      if (!expected.includes(response.status)) entry.unexpected += 1;
      samples.set(endpoint, entry);
      return { response, body, ms };
    },
  };
}

// The machine may be shared: the load averages say how busy it was around the measurement.
const loadBefore = os.loadavg();
const portal = await startPortal();
try {
  // Templates, one per site and month, to fill in as each submission's file.
  const siteClient = {};
  for (const site of SITES) {
    siteClient[site] = httpClient(portal.baseUrl);
    await siteClient[site].signIn(demoEmail('site_data_entry', site));
  }
  // Measure the steady state: wait for the first publish of the audience files (about 10 s at
  // start; /data/ answers 503 until then). Later republishes run during the load, as in use.
  const publishedBy = performance.now() + 180_000;
  while ((await siteClient.S1.request('/data/manifest.json')).status !== 200) {
    if (performance.now() > publishedBy)
      throw new Error('the audience files were not published within 180 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const templates = new Map();
  for (const site of SITES)
    for (const period of MONTHS) {
      const response = await siteClient[site].request(`/portal/submissions/template.csv?period=${period}`);
      templates.set(`${site}|${period}`, await response.text());
    }
  const submissionOf = (site, period, seed) => fillTemplate(templates.get(`${site}|${period}`), seed);
  const post = (client, period, csv) =>
    client.request(`/portal/api/submissions?period=${period}`, {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });

  // 1. One site's full month, validated and stored, on a quiet server.
  const month = submissionOf('S1', MONTHS[0], 1);
  await post(siteClient.S1, MONTHS[0], month); // warm-up (code paths, DuckDB caches)
  const serverMs = [];
  const roundTripMs = [];
  for (let run = 0; run < 20; run += 1) {
    const csv = submissionOf('S1', MONTHS[0], run + 2);
    const started = performance.now();
    const response = await post(siteClient.S1, MONTHS[0], csv);
    const body = await response.json();
    roundTripMs.push(performance.now() - started);
    if (response.status !== 201) throw new Error(`submission refused: ${JSON.stringify(body).slice(0, 300)}`);
    serverMs.push(body.ms);
  }
  const monthSubmission = {
    rows: month.trimEnd().split('\n').length - 1,
    bytes: Buffer.byteLength(month),
    server: summary(serverMs),
    roundTrip: summary(roundTripMs),
  };

  // 2. 20 concurrent users for `seconds`.
  const users = [
    ...SITES.flatMap((site) => [
      { role: 'site_lead', site },
      { role: 'site_data_entry', site },
    ]),
    ...['network_admin', 'network_admin', 'faculty', 'faculty', 'advisory', 'advisory'].map((role) => ({
      role,
      site: null,
    })),
  ];
  for (const user of users) {
    user.client = httpClient(portal.baseUrl);
    await user.client.signIn(demoEmail(user.role, user.site ?? 'S1'));
  }
  const load = recorder();
  const deadline = performance.now() + seconds * 1000;
  let seed = 1000;
  const pause = () =>
    thinkMs > 0 ? new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * thinkMs)) : null;

  async function siteUser(user, index) {
    let nextSubmission = performance.now() + (index * submitEveryMs) / users.length;
    for (let i = 0; performance.now() < deadline; i += 1) {
      const period = MONTHS[i % MONTHS.length];
      const steps = [
        () => load.time('GET /portal', user.client, '/portal'),
        () => load.time('GET /portal/submissions', user.client, '/portal/submissions'),
        () =>
          load.time(
            'GET /portal/submissions/history',
            user.client,
            `/portal/submissions/history?period=${period}`,
          ),
        () =>
          load.time('GET /portal/api/submissions', user.client, `/portal/api/submissions?period=${period}`),
        () => load.time('GET template.csv', user.client, `/portal/submissions/template.csv?period=${period}`),
        () => load.time('GET /data/manifest.json', user.client, '/data/manifest.json', {}, [200, 404]),
      ];
      await steps[i % steps.length]();
      if (performance.now() >= nextSubmission) {
        nextSubmission += submitEveryMs;
        seed += 1;
        await load.time(
          'POST /portal/api/submissions',
          user.client,
          `/portal/api/submissions?period=${period}`,
          {
            method: 'POST',
            body: submissionOf(user.site, period, seed),
            headers: { 'content-type': 'text/csv' },
          },
          [201],
        );
      }
      await pause();
    }
  }

  async function networkUser(user, index) {
    for (let i = 0; performance.now() < deadline; i += 1) {
      const site = SITES[(i + index) % SITES.length];
      const period = MONTHS[i % MONTHS.length];
      const steps =
        user.role === 'advisory'
          ? [
              () => load.time('GET /portal', user.client, '/portal'),
              () => load.time('GET /data/manifest.json', user.client, '/data/manifest.json', {}, [200, 404]),
            ]
          : [
              () => load.time('GET /portal', user.client, '/portal'),
              () => load.time('GET /portal/submissions/status', user.client, '/portal/submissions/status'),
              () =>
                load.time(
                  'GET /portal/submissions/history',
                  user.client,
                  `/portal/submissions/history?site=${site}&period=${period}`,
                ),
              () =>
                load.time(
                  'GET /portal/api/submissions',
                  user.client,
                  `/portal/api/submissions?site=${site}&period=${period}`,
                ),
              () => load.time('GET /data/manifest.json', user.client, '/data/manifest.json', {}, [200, 404]),
            ];
      await steps[i % steps.length]();
      await pause();
    }
  }

  const started = performance.now();
  await Promise.all(users.map((user, i) => (user.site ? siteUser(user, i) : networkUser(user, i))));
  const elapsed = (performance.now() - started) / 1000;

  const endpoints = [...load.samples].map(([endpoint, entry]) => ({
    endpoint,
    ...summary(entry.ms),
    statuses: entry.statuses,
    unexpected: entry.unexpected,
  }));
  // 3. Backups while the portal runs, on the database the load has grown.
  const admin = httpClient(portal.baseUrl);
  await admin.signIn(demoEmail('network_admin'));
  const backupRuns = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    const [backup, submission] = await Promise.all([
      admin
        .request('/portal/admin/backups?/backup', {
          method: 'POST',
          body: new URLSearchParams(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
        .then(async (response) => {
          const html = await response.text();
          const done = /Backed up ([\d,]+) rows in (\d+) tables to \S+ in ([\d.]+) s/.exec(html);
          if (response.status !== 200 || !done) throw new Error(`backup failed: ${response.status}`);
          return {
            ms: performance.now() - started,
            rows: Number(done[1].replaceAll(',', '')),
            serverSeconds: Number(done[3]),
          };
        }),
      post(siteClient.S2, MONTHS[1], submissionOf('S2', MONTHS[1], 5000 + run)).then(async (response) => {
        await response.arrayBuffer();
        if (response.status !== 201)
          throw new Error(`submission during a backup refused: ${response.status}`);
        return performance.now() - started;
      }),
    ]);
    backupRuns.push({ ...backup, submissionMs: submission });
  }
  const backups = {
    rows: backupRuns.at(-1)?.rows ?? 0,
    roundTrip: summary(backupRuns.map((run) => run.ms)),
    submissionDuringBackup: summary(backupRuns.map((run) => run.submissionMs)),
  };

  const all = [...load.samples.values()].flatMap((entry) => entry.ms);
  const api = [...load.samples].filter(([e]) => e.includes('/portal/api/')).flatMap(([, entry]) => entry.ms);
  const overall = summary(all);
  const result = {
    when: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverageBefore: loadBefore.map(round),
      loadAverageAfter: os.loadavg().map(round),
    },
    settings: { users: users.length, seconds, thinkMs, submitEveryMs },
    monthSubmission: {
      ...monthSubmission,
      server: Object.fromEntries(Object.entries(monthSubmission.server).map(([k, v]) => [k, round(v)])),
      roundTrip: Object.fromEntries(Object.entries(monthSubmission.roundTrip).map(([k, v]) => [k, round(v)])),
    },
    load: {
      elapsedSeconds: round(elapsed),
      requests: all.length,
      requestsPerSecond: round(all.length / elapsed),
      overall: Object.fromEntries(Object.entries(overall).map(([k, v]) => [k, round(v)])),
      api: Object.fromEntries(Object.entries(summary(api)).map(([k, v]) => [k, round(v)])),
      endpoints: endpoints.map((e) => ({
        ...e,
        p50: round(e.p50),
        p95: round(e.p95),
        p99: round(e.p99),
        max: round(e.max),
      })),
    },
    backups: {
      rows: backups.rows,
      roundTrip: Object.fromEntries(Object.entries(backups.roundTrip).map(([k, v]) => [k, round(v)])),
      submissionDuringBackup: Object.fromEntries(
        Object.entries(backups.submissionDuringBackup).map(([k, v]) => [k, round(v)]),
      ),
    },
    targets: {
      monthSubmissionUnder1s: monthSubmission.roundTrip.p95 < 1000,
      apiP95Under200ms: summary(api).p95 < 200,
    },
  };

  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'portal-load.json'), `${JSON.stringify(result, null, 2)}\n`);

  const pad = (text, width) => String(text).padEnd(width);
  const num = (value) => String(round(value)).padStart(8);
  console.log(
    `\nOne site's month (${monthSubmission.rows} rows, ${(monthSubmission.bytes / 1024).toFixed(1)} KB) validated + stored, 20 runs:`,
  );
  console.log(
    `  server   median ${num(monthSubmission.server.p50)} ms   p95 ${num(monthSubmission.server.p95)} ms`,
  );
  console.log(
    `  round trip median ${num(monthSubmission.roundTrip.p50)} ms   p95 ${num(monthSubmission.roundTrip.p95)} ms`,
  );
  console.log(
    `\n${users.length} users for ${round(elapsed)} s (think time ${thinkMs} ms): ${all.length} requests, ${round(all.length / elapsed)} req/s`,
  );
  console.log(
    `${pad('endpoint', 36)}${pad('n', 7)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}  statuses`,
  );
  for (const e of [...endpoints].sort((a, b) => a.endpoint.localeCompare(b.endpoint)))
    console.log(
      `${pad(e.endpoint, 36)}${pad(e.n, 7)}${num(e.p50)}${num(e.p95)}${num(e.p99)}  ${JSON.stringify(e.statuses)}${e.unexpected ? `  ${e.unexpected} UNEXPECTED` : ''}`,
    );
  console.log(
    `${pad('all requests', 36)}${pad(overall.n, 7)}${num(overall.p50)}${num(overall.p95)}${num(overall.p99)}`,
  );
  console.log(
    `${pad('API (/portal/api/*)', 36)}${pad(api.length, 7)}${num(summary(api).p50)}${num(summary(api).p95)}${num(summary(api).p99)}`,
  );
  console.log(
    `\nBack up now (${backups.rows.toLocaleString('en-GB')} rows), 5 runs: median ${num(backups.roundTrip.p50)} ms, max ${num(backups.roundTrip.max)} ms; a month's submission posted at the same moment: median ${num(backups.submissionDuringBackup.p50)} ms, max ${num(backups.submissionDuringBackup.max)} ms`,
  );
  console.log(
    `Load average (1 min) before ${round(loadBefore[0])}, after ${round(os.loadavg()[0])} on ${os.cpus().length} CPUs`,
  );
  console.log(
    `\nTargets: month submission < 1 s: ${result.targets.monthSubmissionUnder1s ? 'met' : 'NOT met'}; API p95 < 200 ms: ${result.targets.apiP95Under200ms ? 'met' : 'NOT met'}`,
  );
  console.log(`Wrote ${path.relative(process.cwd(), path.join(outDir, 'portal-load.json'))}`);
} finally {
  await portal.stop();
}
