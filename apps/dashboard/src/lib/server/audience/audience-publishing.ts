import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import { onDataChanged } from '../data-changes.ts';
import type { Portal } from '../portal.ts';
import { exportAudienceTables } from './export-audience-tables.ts';
import { PublishScheduler, type PublishScope } from './publish-scheduler.ts';

/** Where the audience folders live: `<dir>/<audience>/current/...` (PORTAL_AUDIENCE_DIR). */
export function audiencesDir(): string {
  return process.env.PORTAL_AUDIENCE_DIR ?? path.resolve('.portal/audiences');
}

/** What the /data/ handler says before the first publish has ended, or after it failed. */
export const publishingState: { firstDone: boolean; lastError: string | null } = {
  firstDone: false,
  lastError: null,
};

let scheduler: PublishScheduler | null = null;
let child: ReturnType<typeof spawn> | null = null;
let stopping = false;

/**
 * Keeps every audience's /data/ folder current: publishes them all now (without holding up
 * the server: pages say their data is being prepared until the files exist), then again
 * after each data change, debounced and coalesced, for only the sites that changed (the
 * network, the advisory group and every site's network totals are renewed each time).
 * Once per process; returns the scheduler (tests and shutdown wait on `idle()`).
 *
 * @example
 * ```ts
 * const scheduler = startAudiencePublishing(await getPortal());
 * await scheduler.idle(); // every audience's folder is published
 * ```
 */
export function startAudiencePublishing(portal: Portal): PublishScheduler {
  if (scheduler) return scheduler;
  const started = new PublishScheduler({
    publish: (scope) => publishOnce(portal, scope),
    onError: (error, scope) => {
      // Ended by the shutdown itself: the next start publishes every folder again.
      if (stopping) {
        console.log(`Audience files: publishing ${describe(scope)} stopped with the server.`);
        return;
      }
      publishingState.lastError = error instanceof Error ? error.message : String(error);
      console.error(`Audience files: publishing ${describe(scope)} failed: ${publishingState.lastError}`);
    },
  });
  scheduler = started;
  onDataChanged((change) => started.request(change.siteId ? [change.siteId] : 'all'));
  started.requestNow('all');
  return started;
}

/** Stops publishing (server shutdown): no new publish starts, a running one is ended. */
export function stopAudiencePublishing(): void {
  stopping = true;
  scheduler?.stop();
  child?.kill('SIGTERM');
}

async function publishOnce(portal: Portal, scope: PublishScope): Promise<void> {
  const root = audiencesDir();
  const staging = path.join(root, '.staging', String(Date.now()));
  removeStaleStaging(path.dirname(staging));
  const started = performance.now();
  try {
    const counts = await exportAudienceTables(portal.store, staging);
    const exported = performance.now();
    const report = await runPublisher([
      '--tables',
      staging,
      '--out',
      root,
      '--repo-data',
      portal.repoData,
      ...(scope === 'all' ? ['--all'] : ['--sites', scope.join(',')]),
    ]);
    publishingState.firstDone = true;
    publishingState.lastError = null;
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    console.log(
      `Audience files: published ${report.audiences.length} audiences for ${describe(scope)} ` +
        `(${counts.submissions ?? 0} submission rows) in ${seconds(performance.now() - started)} s ` +
        `(export ${seconds(exported - started)} s, publisher ${seconds(report.ms)} s).`,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Removes exports left by a server killed mid-publish (an hour old: no publisher still reads them). */
function removeStaleStaging(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir))
    if (Date.now() - Number(name) > 3_600_000) rmSync(path.join(dir, name), { recursive: true, force: true });
}

interface PublisherReport {
  ms: number;
  audiences: { audience: string; mode: string; files: number; bytes: number; ms: number }[];
}

/** Runs scripts/publish-audiences.ts in a child process (DuckDB-WASM blocks its thread for seconds). */
function runPublisher(args: string[]): Promise<PublisherReport> {
  // start-portal.mjs sets PORTAL_APP_DIR; the server's working folder is the app's otherwise.
  const appDir = process.env.PORTAL_APP_DIR ?? process.cwd();
  const script = path.join(appDir, 'scripts', 'publish-audiences.ts');
  if (!existsSync(script))
    return Promise.reject(
      new Error(`${script} is missing: set PORTAL_APP_DIR to the dashboard app's folder.`),
    );
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: appDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = process_;
    // Background work: below the server (and its users) in the CPU queue.
    if (process_.pid) {
      try {
        setPriority(process_.pid, 10);
      } catch {}
    }
    let stdout = '';
    let stderr = '';
    process_.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    process_.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    process_.once('error', reject);
    process_.once('exit', (code, signal) => {
      child = null;
      if (code !== 0) {
        reject(
          new Error(`the publisher exited with ${signal ?? `code ${code}`}: ${stderr.trim().slice(-2000)}`),
        );
        return;
      }
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as PublisherReport);
      } catch {
        reject(new Error(`the publisher printed no report: ${stdout.slice(-500)} ${stderr.slice(-500)}`));
      }
    });
  });
}

function describe(scope: PublishScope): string {
  return scope === 'all' ? 'every site' : `site${scope.length === 1 ? '' : 's'} ${scope.join(', ')}`;
}
