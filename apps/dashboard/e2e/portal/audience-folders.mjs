// What the portal has published for each audience, read from its folders on disk
// (<dbDir>/audiences/<audience>/current/): the permission matrix fetches every one of these
// files as every role.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** The audience folder each role's files come from (site roles are S1's in the matrix). */
export function audienceOfRole(role, siteId = 'S1') {
  return {
    anonymous: 'public',
    network_admin: 'network',
    faculty: 'network',
    advisory: 'advisory',
    site_lead: `site-${siteId}`,
    site_data_entry: `site-${siteId}`,
  }[role];
}

/**
 * Waits until every named audience has a published `current` folder (the server publishes
 * in the background after it starts), for up to `timeoutMs`.
 */
export async function waitForAudiences(audiencesDir, names, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const missing = names.filter((name) => !existsSync(path.join(audiencesDir, name, 'current')));
    if (missing.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`no published files for ${missing.join(', ')} in ${audiencesDir}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Every audience's published files: audience → { generation, files: Map(relative path →
 * sha256) }, read from the generation `current` points at. Also checks that every file the
 * folder's manifest and bundle indexes name is there, and returns what is missing.
 */
export function readAudienceFolders(audiencesDir) {
  const audiences = new Map();
  const missing = [];
  for (const name of readdirSync(audiencesDir)
    .filter((entry) => !entry.startsWith('.'))
    .sort()) {
    const current = path.join(audiencesDir, name, 'current');
    if (!existsSync(current)) continue;
    const generation = realpathSync(current);
    const files = new Map();
    for (const entry of readdirSync(generation, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(generation, file).split(path.sep).join('/'), sha256(readFileSync(file)));
    }
    for (const listed of listedFiles(generation)) if (!files.has(listed)) missing.push(`${name}: ${listed}`);
    audiences.set(name, { generation, files });
  }
  return { audiences, missing };
}

/** Audience → the generation folder its `current` points at now. */
export function currentGenerations(audiencesDir) {
  const generations = new Map();
  for (const name of readdirSync(audiencesDir).filter((entry) => !entry.startsWith('.'))) {
    const current = path.join(audiencesDir, name, 'current');
    if (existsSync(current)) generations.set(name, realpathSync(current));
  }
  return generations;
}

/** The files a folder's manifest and bundle indexes name (what the pages will ask for). */
export function listedFiles(generation) {
  const json = (name) => {
    const file = path.join(generation, name);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  };
  const listed = [];
  const manifest = json('manifest.json');
  if (manifest) listed.push(...manifest.tables.map((table) => table.file));
  const siteNetwork = json('site-network.json');
  if (siteNetwork) listed.push(...Object.values(siteNetwork.siteFiles));
  const disparity = json('disparity-network.json');
  if (disparity) listed.push(...Object.values(disparity.measureFiles));
  const advisory = json('advisory/index.json');
  if (advisory?.file) listed.push(advisory.file);
  const national = json('national-context.json');
  if (national?.file) listed.push(national.file);
  return listed;
}

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}
