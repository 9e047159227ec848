import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Actor } from '../db/audit-log.ts';
import type { Store } from '../db/store.ts';
import { backupDatabase } from './backup-database.ts';
import { type BackupManifest, readBackupManifest } from './backup-manifest.ts';

/** Automatic backups are pruned to the newest few; manual ones are kept until someone removes them. */
export type BackupKind = 'automatic' | 'manual';

const PREFIX: Record<BackupKind, string> = { automatic: 'auto', manual: 'manual' };
const NAME = /^(auto|manual)-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d+)?$/;

/** One backup in the portal's backup folder, as the admin page lists it. */
export interface BackupListing {
  name: string;
  dir: string;
  kind: BackupKind;
  manifest: BackupManifest;
  /** Bytes on disk, all files. */
  bytes: number;
}

/**
 * A backup folder name for a moment: kind and UTC time to the second, sortable as text, safe
 * on every file system (no colons).
 *
 * @example
 * ```ts
 * backupName('automatic', new Date('2026-05-01T02:00:07.123Z')); // => 'auto-2026-05-01T02-00-07Z'
 * ```
 */
export function backupName(kind: BackupKind, at: Date): string {
  return `${PREFIX[kind]}-${at.toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
}

/**
 * Backs the database up into a new, uniquely named folder under `root` (made if missing);
 * two backups in the same second get `-2`, `-3`, ….
 *
 * @example
 * ```ts
 * const { name } = await backUpInto(store, '/srv/portal/backups', 'manual', actor);
 * // name => 'manual-2026-05-01T09-30-00Z'
 * ```
 */
export async function backUpInto(
  store: Store,
  root: string,
  kind: BackupKind,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ name: string; dir: string; manifest: BackupManifest }> {
  mkdirSync(root, { recursive: true });
  const base = backupName(kind, now);
  let name = base;
  for (let n = 2; existsSync(path.join(root, name)); n++) name = `${base}-${n}`;
  const dir = path.join(root, name);
  const manifest = await backupDatabase(store, dir, actor);
  return { name, dir, manifest };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

/**
 * The complete backups under `root`, newest first. Folders that are not portal backups (or
 * still being written: those end in `.partial-<pid>`) are left out; a missing root is empty.
 *
 * @example
 * ```ts
 * listBackups('/srv/portal/backups').map((backup) => backup.name);
 * // => ['manual-2026-05-02T09-30-00Z', 'auto-2026-05-01T02-00-00Z']
 * ```
 */
export function listBackups(root: string): BackupListing[] {
  if (!existsSync(root)) return [];
  const listings: BackupListing[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !NAME.test(entry.name)) continue;
    const dir = path.join(root, entry.name);
    let manifest: BackupManifest;
    try {
      manifest = readBackupManifest(dir);
    } catch {
      continue;
    }
    const kind: BackupKind = entry.name.startsWith('auto-') ? 'automatic' : 'manual';
    listings.push({ name: entry.name, dir, kind, manifest, bytes: folderBytes(dir) });
  }
  return listings.sort(
    (a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt) || b.name.localeCompare(a.name),
  );
}

/**
 * Removes automatic backups beyond the newest `keep`, and the remains of backups cut off
 * mid-write (`*.partial-<pid>` of a process that is gone). Manual backups are never removed.
 * Returns the names removed.
 *
 * @example
 * ```ts
 * pruneAutomaticBackups('/srv/portal/backups', 14); // => ['auto-2026-04-01T02-00-00Z']
 * ```
 */
export function pruneAutomaticBackups(root: string, keep: number): string[] {
  if (!existsSync(root)) return [];
  const removed: string[] = [];
  const automatic = listBackups(root).filter((backup) => backup.kind === 'automatic');
  for (const backup of automatic.slice(Math.max(0, keep))) {
    rmSync(backup.dir, { recursive: true, force: true });
    removed.push(backup.name);
  }
  for (const entry of readdirSync(root)) {
    const partial = /\.partial-(\d+)$/.exec(entry);
    if (partial && !processIsRunning(Number(partial[1]))) {
      rmSync(path.join(root, entry), { recursive: true, force: true });
      removed.push(entry);
    }
  }
  return removed;
}

function processIsRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
