// The permission matrix: every route and every published data file, as every role and as an
// anonymous visitor, must answer within that role's scope (issue 7 §3).
//   (a) every route in src/routes has an expectation in access-expectations.mjs, per method;
//   (b) every expectation, called as every role, is allowed or refused as it says, and a
//       site-scoped URL of another site (S2) is refused to S1's site roles;
//   (c) every file of every audience's folder is served to exactly its own audience;
//   (d) a site role's tables hold only its own site, and no advisory file a count of 1 to 7.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { checkAdvisoryCounts } from '../../advisory-counts.mjs';
import { routeAccess, SIGNED_IN } from '../access-expectations.mjs';
import {
  audienceOfRole,
  currentGenerations,
  readAudienceFolders,
  sha256,
  waitForAudiences,
} from '../audience-folders.mjs';
import { listRoutes, normaliseRoute } from '../route-inventory.mjs';

const ROLES = ['anonymous', ...SIGNED_IN];
const SITE_ROLES = new Set(['site_lead', 'site_data_entry']);
const SITE_SCOPED_TABLES = ['submissions', 'submission_log', 'aims', 'annotations', 'sites'];
const DETAIL_TABLES = ['submissions', 'submission_log', 'aims', 'change_ideas', 'pdsa_cycles', 'annotations'];

/** One signed-in (or anonymous) HTTP client per role, signing in again if a request ended the session. */
function roleClients(http, demoEmail) {
  const clients = new Map();
  return async (role) => {
    let client = clients.get(role);
    if (!client) {
      client = http();
      clients.set(role, client);
    }
    if (role !== 'anonymous' && !client.cookie) await client.signIn(demoEmail(role));
    return client;
  };
}

/** The request an expectation describes: its method, and its body as a form or as CSV. */
function requestInit(entry) {
  const method = entry.method ?? 'GET';
  const headers = { accept: 'text/html' };
  let body;
  if (method !== 'GET' && method !== 'HEAD' && entry.body !== undefined) {
    const keys = Object.keys(entry.body);
    if (keys.length === 1 && keys[0] === 'csv' && typeof entry.body.csv === 'string') {
      headers['content-type'] = 'text/csv; charset=utf-8';
      body = entry.body.csv;
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(entry.body).toString();
    }
  }
  return { method, headers, body };
}

/**
 * What an answer means: 'refused' (401, 403, or sent to sign in without the answer itself
 * ending the session), 'missing' (404), 'error' (5xx) or 'allowed'.
 */
function classify(response, baseUrl) {
  const { status } = response;
  const location = response.headers.get('location');
  const endsSession = (response.headers.getSetCookie?.() ?? []).some((line) =>
    /^qi_session=(;|$)/.test(line),
  );
  const toSignIn =
    status >= 300 && status < 400 && location && new URL(location, baseUrl).pathname === '/portal/login';
  if (status === 401 || status === 403 || (toSignIn && !endsSession)) return 'refused';
  if (status === 404) return 'missing';
  if (status >= 500) return 'error';
  return 'allowed';
}

function describe(response) {
  const location = response.headers.get('location');
  return `${response.status}${location ? ` → ${location}` : ''}`;
}

/** Runs `work` over `items`, `limit` at a time. */
async function inParallel(items, limit, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export const flows = [
  {
    name: 'every route in src/routes has an access expectation for each way it can be called',
    async run() {
      const routes = listRoutes();
      assert.ok(routes.length >= 10, `only ${routes.length} routes found in src/routes`);
      const expected = new Map();
      for (const entry of routeAccess) {
        const route = normaliseRoute(entry.route);
        const methods = expected.get(route) ?? new Set();
        methods.add((entry.method ?? 'GET').toUpperCase());
        expected.set(route, methods);
      }
      const problems = [];
      for (const { route, methods, files } of routes) {
        const listed = expected.get(route);
        if (!listed) {
          problems.push(`${route} (${files.join(', ')}) has no entry in access-expectations.mjs`);
          continue;
        }
        for (const method of methods)
          if (!listed.has(method)) problems.push(`${route} answers ${method} but has no ${method} entry`);
      }
      const existing = new Set(routes.map((route) => route.route));
      for (const route of expected.keys())
        if (!existing.has(route))
          problems.push(`access-expectations.mjs names ${route}, which is not a route`);
      for (const [index, entry] of routeAccess.entries()) {
        const unknown = entry.allow.filter((role) => !ROLES.includes(role));
        if (unknown.length > 0)
          problems.push(`entry ${index} (${entry.route}) allows unknown roles ${unknown}`);
        if (!entry.own?.startsWith('/')) problems.push(`entry ${index} (${entry.route}) has no own URL`);
      }
      assert.deepEqual(problems, []);
    },
  },
  {
    name: 'every route answers every role and anonymous visitors within their scope',
    async run({ http, demoEmail, baseUrl }) {
      const clientFor = roleClients(http, demoEmail);
      const problems = [];
      let calls = 0;
      // Roles side by side; each role's calls in order (a sign-out must be followed by a sign-in).
      await Promise.all(
        ROLES.map(async (role) => {
          for (const entry of routeAccess) {
            const urls = [{ url: entry.own, allowed: entry.allow.includes(role) }];
            if (entry.other)
              urls.push({ url: entry.other, allowed: entry.allow.includes(role) && !SITE_ROLES.has(role) });
            for (const { url, allowed } of urls) {
              const client = await clientFor(role);
              const init = requestInit(entry);
              const response = await client.request(url, init);
              await response.arrayBuffer();
              calls += 1;
              const verdict = classify(response, baseUrl);
              const what = `${role} ${init.method} ${url}: ${describe(response)}`;
              if (verdict === 'error') problems.push(`${what} (server error)`);
              else if (allowed && verdict === 'refused') problems.push(`${what}, expected to be allowed`);
              else if (!allowed && verdict !== 'refused' && verdict !== 'missing')
                problems.push(`${what}, expected to be refused`);
            }
          }
        }),
      );
      assert.deepEqual(problems, [], `${problems.length} of ${calls} calls out of scope`);
      assert.ok(calls >= routeAccess.length * ROLES.length);
    },
  },
  {
    name: 'every published data file is served to its own audience only',
    async run({ portal, http, demoEmail }) {
      const audiencesDir = path.join(portal.dbDir, 'audiences');
      await waitForAudiences(audiencesDir, ['network', 'advisory', 'public', 'site-S1', 'site-S2']);
      const clientFor = roleClients(http, demoEmail);
      // A republish can switch a folder while we read it: then read the folders again.
      let problems = [];
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const { audiences, missing } = readAudienceFolders(audiencesDir);
        problems = missing.map((file) => `listed in a manifest or index but not on disk: ${file}`);
        const everyFile = [
          ...new Set([...audiences.values()].flatMap(({ files }) => [...files.keys()])),
        ].sort();
        assert.ok(everyFile.length > 60, `only ${everyFile.length} files published`);
        const checks = ROLES.flatMap((role) => everyFile.map((file) => ({ role, file })));
        await inParallel(checks, 8, async ({ role, file }) => {
          const client = await clientFor(role);
          const response = await client.request(`/data/${file.split('/').map(encodeURIComponent).join('/')}`);
          const bytes = new Uint8Array(await response.arrayBuffer());
          const own = audiences.get(audienceOfRole(role))?.files.get(file);
          const what = `${role} GET /data/${file}: ${response.status}`;
          if (own) {
            if (response.status !== 200) problems.push(`${what}, expected 200 (its own audience's file)`);
            else if (sha256(bytes) !== own) problems.push(`${what} but not its own audience's version`);
          } else if (![401, 403, 404].includes(response.status)) {
            problems.push(`${what}, expected 401/403/404 (not in ${audienceOfRole(role)}'s files)`);
          }
        });
        const after = currentGenerations(audiencesDir);
        const switched = [...audiences].some(([name, { generation }]) => after.get(name) !== generation);
        if (!switched) break;
      }
      assert.deepEqual(problems, []);
    },
  },
  {
    name: "a site role's files hold only its own site, and no advisory file a count of 1 to 7",
    async run({ portal, http, demoEmail }) {
      await waitForAudiences(path.join(portal.dbDir, 'audiences'), ['advisory', 'site-S1']);
      const lead = http();
      await lead.signIn(demoEmail('site_lead'));
      const json = async (client, file) => {
        const response = await client.request(`/data/${file}`);
        assert.equal(response.status, 200, `/data/${file} answered ${response.status}`);
        return response.json();
      };
      const arrow = async (client, file) => {
        const response = await client.request(`/data/${file}`);
        assert.equal(response.status, 200, `/data/${file} answered ${response.status}`);
        return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
      };

      // The site lead's tables: every row is S1's, and the submissions are really there.
      const manifest = await json(lead, 'manifest.json');
      const tables = new Map(manifest.tables.map((entry) => [entry.table, entry.file]));
      for (const table of [...DETAIL_TABLES, 'sites'])
        assert.ok(tables.has(table), `the site lead's manifest has no ${table} table`);
      const rows = {};
      for (const table of [...DETAIL_TABLES, 'sites'])
        rows[table] = (await arrow(lead, tables.get(table))).toArray();
      assert.ok(rows.submissions.length > 10_000, `only ${rows.submissions.length} submission rows for S1`);
      for (const table of SITE_SCOPED_TABLES) {
        const others = new Set(rows[table].map((row) => row.site_id).filter((site) => site !== 'S1'));
        assert.deepEqual([...others], [], `${table} holds rows of ${[...others].join(', ')}`);
      }
      const submissions = await arrow(lead, tables.get('submissions'));
      const dictionary = submissions.getChild('site_id')?.data[0]?.dictionary;
      assert.ok(dictionary, 'the submissions file has no site_id dictionary');
      assert.deepEqual([...dictionary.toArray()], ['S1'], 'the submissions file names other sites');
      const aims = new Set(rows.aims.map((row) => row.aim_id));
      assert.ok(
        rows.change_ideas.every((row) => aims.has(row.aim_id)),
        'a change idea of another site',
      );
      const ideas = new Set(rows.change_ideas.map((row) => row.change_idea_id));
      assert.ok(
        rows.pdsa_cycles.every((row) => ideas.has(row.change_idea_id)),
        'a PDSA cycle of another site',
      );
      // The precomputed bundles: S1 only.
      const siteNetwork = await json(lead, 'site-network.json');
      assert.deepEqual(
        siteNetwork.sites.map((site) => site.site_id),
        ['S1'],
      );
      assert.deepEqual(Object.keys(siteNetwork.siteFiles), ['S1']);
      for (const list of Object.values(siteNetwork.lastYear?.byMeasure ?? {}))
        assert.ok(
          list.every((row) => row.site_id === 'S1'),
          'site-network.json compares with other sites',
        );
      // The Disparity explorer's files compare every site: not in a site's folder.
      assert.equal((await lead.request('/data/disparity-network.json')).status, 404);

      // The advisory group: no detail table, no site bundle; its aggregates pass NHS Digital's rule.
      const advisory = http();
      await advisory.signIn(demoEmail('advisory'));
      const advisoryManifest = await json(advisory, 'manifest.json');
      const detail = advisoryManifest.tables.filter((entry) => DETAIL_TABLES.includes(entry.table));
      assert.deepEqual(
        detail.map((entry) => entry.table),
        [],
        'the advisory group was given detail tables',
      );
      for (const file of ['site-network.json', 'disparity-network.json'])
        assert.equal((await advisory.request(`/data/${file}`)).status, 404, `advisory may fetch ${file}`);
      for (const client of [advisory, lead]) {
        const index = await json(client, 'advisory/index.json');
        const response = await client.request(`/data/${index.file}`);
        const text = await response.text();
        assert.ok(checkAdvisoryCounts(JSON.parse(text), index.file) > 5_000, 'too few counts checked');
        assert.ok(!/"site_id"|"display_name"/.test(text), `${index.file} names sites`);
      }
      // Every advisory/ file of every audience's folder, as published on disk.
      const { audiences } = readAudienceFolders(path.join(portal.dbDir, 'audiences'));
      let advisoryFiles = 0;
      for (const [name, { generation, files }] of audiences)
        for (const file of files.keys())
          if (file.startsWith('advisory/')) {
            advisoryFiles += 1;
            checkAdvisoryCounts(
              JSON.parse(readFileSync(path.join(generation, file), 'utf8')),
              `${name}/${file}`,
            );
          }
      assert.ok(advisoryFiles >= 2 * 9, `only ${advisoryFiles} advisory files published`);
    },
  },
];
