import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ReferenceTables } from '@maternity-qi/network-data';
import { readReferenceTables } from '@maternity-qi/network-data/node';
import { DEFAULT_SOURCE, writeHashedTable, writeManifest } from '../../../scripts/lib/data-folder.mjs';
import {
  createGeneration,
  currentGeneration,
  removeOldGenerations,
  switchCurrent,
} from '../server/audience/audience-generations.ts';
import { audienceKey, PUBLIC_AUDIENCE_KEY } from '../server/audience/audience-key.ts';
import {
  type AudienceScope,
  audienceTables,
  readStagedTables,
  type StagedTables,
} from './audience-tables.ts';
import { loadDataFolder } from './load-data-folder.ts';
import { advisoryDir, precomputeAdvisoryData } from './precompute-advisory-data.ts';
import { nationalIndexFile, precomputeNationalData } from './precompute-national-data.ts';
import { precomputeSiteData } from './precompute-site-data.ts';

/** What to publish: every site's folder in full, or only the named sites' (the rest get new network totals). */
export interface PublishRequest {
  /** Folder of the server's CSV export (`<table>.csv`). */
  stagingDir: string;
  /** Where the audience folders live (`<dir>/<audience>/current`). */
  audiencesDir: string;
  /** The repository's data/ folder: reference tables and the national context. */
  repoDataDir: string;
  /** 'all', or the sites whose own data changed. */
  sites: 'all' | readonly string[];
}

/** How one audience's folder was made. */
export interface PublishedAudience {
  audience: string;
  /** built: tables and bundles computed; refreshed: the previous folder with new network totals. */
  mode: 'built' | 'refreshed';
  files: number;
  bytes: number;
  ms: number;
}

// Files every audience shares, computed once from the whole network: the disclosure-
// controlled aggregates (advisory/) and the national context (published NHS data, OGL).
const NATIONAL = ['national', nationalIndexFile];
const SHARED = [advisoryDir, ...NATIONAL];

/**
 * Publishes the per-audience data folders the portal serves at /data/: for each audience a
 * new generation folder in the layout of the public build's static/data (manifest.json,
 * content-hashed Arrow tables, the Site, Disparity and Measure pages' bundles, advisory/ and
 * the national context), then every audience's `current` switched to its new generation.
 *
 * - network (admins, faculty): everything.
 * - site-<id>: that site's own rows and Site page bundle, plus the network's advisory/ files.
 * - advisory: the reference tables, advisory/ and the national context; no submissions.
 * - public (anonymous visitors): the national context only.
 *
 * Sites not named in `request.sites` (and that already have a folder) keep their tables and
 * bundles; only their shared network files are renewed. Runs DuckDB-WASM's blocking Node
 * build: call it in a child process (scripts/publish-audiences.ts), never in the server.
 *
 * @example
 * ```ts
 * const report = await publishAudiences({ stagingDir, audiencesDir, repoDataDir, sites: ['S1'] });
 * report.map((entry) => `${entry.audience} ${entry.mode}`);
 * // => ['network built', 'advisory built', 'public built', 'site-S1 built', 'site-S2 refreshed', …]
 * ```
 */
export async function publishAudiences(request: PublishRequest): Promise<PublishedAudience[]> {
  const staged = readStagedTables(request.stagingDir);
  const reference = readReferenceTables(request.repoDataDir);
  const source = sourceLine(reference);
  const made: { audienceDir: string; generation: string }[] = [];
  const report: PublishedAudience[] = [];
  const start = (key: string) => {
    const audienceDir = path.join(request.audiencesDir, key);
    const generation = createGeneration(audienceDir);
    made.push({ audienceDir, generation });
    return { audienceDir, generation, started: performance.now() };
  };
  const done = (key: string, generation: string, mode: PublishedAudience['mode'], started: number) =>
    report.push({
      audience: key,
      mode,
      ...folderSize(generation),
      ms: Math.round(performance.now() - started),
    });

  try {
    // The network's folder first: advisory/ and the national context are computed there.
    const network: AudienceScope = { kind: 'network' };
    const networkFolder = start(audienceKey(network));
    writeTables(networkFolder.generation, staged, reference, network, source);
    // One load of the network's tables for both (each DuckDB-WASM start costs about a second).
    const database = await loadDataFolder(networkFolder.generation, []);
    try {
      await precomputeSiteData(networkFolder.generation, { loaded: database ?? undefined });
      await precomputeAdvisoryData(networkFolder.generation, database ?? undefined);
    } finally {
      await database?.close();
    }
    await precomputeNationalData(networkFolder.generation, request.repoDataDir);
    done(audienceKey(network), networkFolder.generation, 'built', networkFolder.started);

    const advisory: AudienceScope = { kind: 'advisory' };
    const advisoryFolder = start(audienceKey(advisory));
    writeTables(advisoryFolder.generation, staged, reference, advisory, source);
    copyShared(networkFolder.generation, advisoryFolder.generation);
    done(audienceKey(advisory), advisoryFolder.generation, 'built', advisoryFolder.started);

    // Anonymous visitors: the national context page's files, nothing of the network's.
    const publicFolder = start(PUBLIC_AUDIENCE_KEY);
    copyShared(networkFolder.generation, publicFolder.generation, NATIONAL);
    done(PUBLIC_AUDIENCE_KEY, publicFolder.generation, 'built', publicFolder.started);

    for (const { site_id: siteId } of reference.sites) {
      const site: AudienceScope = { kind: 'site', siteId };
      const previous = currentGeneration(path.join(request.audiencesDir, audienceKey(site)));
      const folder = start(audienceKey(site));
      const rebuild = request.sites === 'all' || request.sites.includes(siteId) || !previous;
      if (rebuild) {
        writeTables(folder.generation, staged, reference, site, source);
        // Without the Disparity explorer's files: they compare sites, and from one site's rows
        // their "network" would be the site itself.
        await precomputeSiteData(folder.generation, { disparity: false });
      } else if (previous) {
        // Unchanged site: same tables and bundles; the shared files are replaced just below.
        cpSync(previous, folder.generation, {
          recursive: true,
          filter: (file) => !SHARED.includes(path.relative(previous, file)),
        });
      }
      copyShared(networkFolder.generation, folder.generation);
      done(audienceKey(site), folder.generation, rebuild ? 'built' : 'refreshed', folder.started);
    }
  } catch (error) {
    for (const { generation } of made) rmSync(generation, { recursive: true, force: true });
    throw error;
  }
  // Every audience switches together, once all are written: no folder is ahead of another.
  for (const { audienceDir, generation } of made) switchCurrent(audienceDir, generation);
  for (const { audienceDir } of made) removeOldGenerations(audienceDir);
  return report;
}

/** Writes an audience's tables under hashed names and its manifest.json. */
function writeTables(
  generation: string,
  staged: StagedTables,
  reference: ReferenceTables,
  audience: AudienceScope,
  source: string,
): void {
  const entries = [...audienceTables(staged, reference, audience)].map(([table, bytes]) =>
    writeHashedTable(generation, table, bytes),
  );
  writeManifest(generation, source, entries);
}

function copyShared(from: string, to: string, names: readonly string[] = SHARED): void {
  for (const name of names) {
    const file = path.join(from, name);
    if (existsSync(file)) cpSync(file, path.join(to, name), { recursive: true });
  }
}

/** What chart footers say the data are: synthetic when every site is a demo site. */
function sourceLine(reference: ReferenceTables): string {
  const demo = reference.sites.length > 0 && reference.sites.every((site) => site.is_demo);
  return demo
    ? `${DEFAULT_SOURCE}, as submitted to the portal (latest version of each month)`
    : 'Maternity Equity QI Network: sites’ monthly submissions to the portal (latest version of each month)';
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}
