import {
  existsSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';

// An audience's folder holds generations `gen-<ms>` (each one complete data folder, never
// changed once written) and a symlink `current` naming the one being served. Publishing
// writes a new generation, then renames a fresh symlink over `current`: one atomic step, so
// a reader sees the old folder or the new one, never half of each.

/** The symlink that names the generation being served. */
export const CURRENT = 'current';

/** How long a replaced generation stays readable for page loads that started before the switch. */
export const GENERATION_GRACE_MS = 5 * 60_000;

const GENERATION = /^gen-(\d+)$/;
// Content-hashed names (`x.<12 hex>.arrow|json`) mean the same bytes in any generation.
const HASHED = /\.[0-9a-f]{12}\.(arrow|json)$/;

/** The generations in an audience folder, oldest first, with their creation times. */
export function listGenerations(audienceDir: string): { name: string; createdAt: number }[] {
  if (!existsSync(audienceDir)) return [];
  return readdirSync(audienceDir)
    .map((name) => ({ name, match: GENERATION.exec(name) }))
    .filter((entry) => entry.match)
    .map((entry) => ({ name: entry.name, createdAt: Number(entry.match?.[1]) }))
    .sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Creates an empty generation folder, named after `now` (and always newer than any other).
 *
 * @example
 * ```ts
 * const dir = createGeneration('/srv/audiences/site-S1', 1700000000000);
 * path.basename(dir); // => 'gen-1700000000000'
 * ```
 */
export function createGeneration(audienceDir: string, now = Date.now()): string {
  const newest = listGenerations(audienceDir).at(-1)?.createdAt ?? 0;
  const dir = path.join(audienceDir, `gen-${Math.max(now, newest + 1)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The generation folder `current` points at, or null before the first publish.
 *
 * @example
 * ```ts
 * switchCurrent('/srv/audiences/network', '/srv/audiences/network/gen-1700000000000');
 * currentGeneration('/srv/audiences/network'); // => '/srv/audiences/network/gen-1700000000000'
 * ```
 */
export function currentGeneration(audienceDir: string): string | null {
  try {
    const target = readlinkSync(path.join(audienceDir, CURRENT));
    const dir = path.resolve(audienceDir, target);
    return statSync(dir).isDirectory() ? dir : null;
  } catch {
    return null;
  }
}

/** Points `current` at a generation in one atomic rename (a relative link, so the tree can move). */
export function switchCurrent(audienceDir: string, generationDir: string): void {
  const temporary = path.join(audienceDir, `${CURRENT}.tmp`);
  rmSync(temporary, { force: true });
  symlinkSync(path.relative(audienceDir, generationDir), temporary);
  renameSync(temporary, path.join(audienceDir, CURRENT));
}

/**
 * Removes generations nobody can be reading: any newer than `current` (left by a publish that
 * died half-way) and any replaced more than `graceMs` ago (replaced when the next one was
 * created). Returns the names removed.
 *
 * @example
 * ```ts
 * // gen-1 replaced by gen-2 long ago, gen-2 by gen-3 (current) a minute ago:
 * removeOldGenerations(dir, 5 * 60_000, Date.now()); // => ['gen-1']
 * ```
 */
export function removeOldGenerations(
  audienceDir: string,
  graceMs = GENERATION_GRACE_MS,
  now = Date.now(),
): string[] {
  const current = currentGeneration(audienceDir);
  if (!current) return [];
  const generations = listGenerations(audienceDir);
  const currentIndex = generations.findIndex((entry) => path.join(audienceDir, entry.name) === current);
  const removed: string[] = [];
  generations.forEach((entry, index) => {
    if (index === currentIndex) return;
    const replacedAt = generations[index + 1]?.createdAt ?? 0;
    if (index > currentIndex || now - replacedAt > graceMs) {
      rmSync(path.join(audienceDir, entry.name), { recursive: true, force: true });
      removed.push(entry.name);
    }
  });
  return removed;
}

/**
 * The file a request for `relative` should get from an audience folder: the current
 * generation's, or, for a content-hashed name the current generation no longer has, an
 * older generation's (a page that read the previous manifest just before a switch still gets
 * its tables). Null when there is none, or when `relative` tries to leave the folder.
 *
 * @example
 * ```ts
 * resolveAudienceFile('/srv/audiences/site-S1', 'manifest.json'); // => '/srv/audiences/site-S1/gen-…/manifest.json'
 * resolveAudienceFile('/srv/audiences/site-S1', '../network/current/manifest.json'); // => null
 * ```
 */
export function resolveAudienceFile(audienceDir: string, relative: string): string | null {
  if (relative.includes('\0')) return null;
  const current = currentGeneration(audienceDir);
  if (!current) return null;
  const candidates = [current];
  if (HASHED.test(relative))
    candidates.push(
      ...listGenerations(audienceDir)
        .reverse()
        .map((entry) => path.join(audienceDir, entry.name))
        .filter((dir) => dir !== current),
    );
  for (const dir of candidates) {
    const file = path.resolve(dir, relative);
    if (!file.startsWith(dir + path.sep)) return null;
    try {
      if (statSync(file).isFile()) return file;
    } catch {}
  }
  return null;
}
