// Starts the built portal (build-node/) as a child process on a free port with its own
// database folder, for the portal's end-to-end, permission and reliability tests.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The demo accounts' shared password (src/lib/server/db/seed-demo.ts). */
export const DEMO_PASSWORD = 'maternity-qi-demo';

/** Demo account emails by role (site roles for S1 unless a site is given). */
export function demoEmail(role, siteId = 'S1') {
  const key = siteId.toLowerCase();
  return {
    network_admin: 'admin@demo.nhs.uk',
    faculty: 'faculty@demo.nhs.uk',
    advisory: 'advisory@demo.nhs.uk',
    site_lead: `lead.${key}@demo.nhs.uk`,
    site_data_entry: `data.${key}@demo.nhs.uk`,
  }[role];
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a portal server and resolves once it answers. `dbDir` keeps the database between
 * starts (for restart tests); by default every call gets a fresh one.
 */
export async function startPortal({ dbDir = mkdtempSync(path.join(tmpdir(), 'qi-portal-')), env = {} } = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      path.join(appDir, 'scripts/start-portal.mjs'),
      '--port',
      String(port),
      '--db',
      path.join(dbDir, 'portal.duckdb'),
    ],
    // Automatic backups off unless a flow turns them on: a backup at every start would sit in the
    // write queue beside the flows' own timings (flows/backups.mjs tests them).
    {
      cwd: appDir,
      env: { ...process.env, PORTAL_BACKUP_HOURS: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portal exited on start:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/portal/login`);
      if (response.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`portal did not answer within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    dbDir,
    child,
    output: () => output,
    /** Waits until the server has printed a line matching the pattern (fails with what it did print). */
    async waitForOutput(pattern, timeout = 60_000) {
      const deadline = Date.now() + timeout;
      while (!pattern.test(output)) {
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`the portal never printed ${pattern}; it printed:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    /** Graceful stop (SIGTERM: adapter-node drains and the database is closed). */
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    /** Abrupt stop, as a crash or power cut: nothing gets to clean up. */
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

/**
 * A cookie-keeping HTTP client for one user, as the portal's own pages would call it
 * (Origin set to the portal, so writes pass the same-origin check).
 */
export function httpClient(baseUrl) {
  let cookie = '';
  async function request(pathname, init = {}) {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    if (!headers.has('origin')) headers.set('origin', baseUrl);
    const response = await fetch(`${baseUrl}${pathname}`, { redirect: 'manual', ...init, headers });
    const set = response.headers.getSetCookie?.() ?? [];
    for (const line of set) {
      const [pair] = line.split(';');
      if (pair.startsWith('qi_session=')) cookie = pair.endsWith('=') ? '' : pair;
    }
    return response;
  }
  return {
    request,
    get cookie() {
      return cookie;
    },
    /** Signs in through the login form; throws when the portal refuses. */
    async signIn(email, password = DEMO_PASSWORD) {
      const body = new URLSearchParams({ email, password });
      const response = await request('/portal/login', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      });
      if (!cookie) throw new Error(`sign-in as ${email} failed: HTTP ${response.status}`);
      return response;
    },
  };
}
