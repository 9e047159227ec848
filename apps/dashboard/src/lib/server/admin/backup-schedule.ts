import path from 'node:path';
import type { Actor } from '../db/audit-log.ts';
import type { Store } from '../db/store.ts';
import { backUpInto, listBackups, pruneAutomaticBackups } from './backup-folder.ts';

/** Where backups go and how often the running portal takes one by itself. */
export interface BackupSettings {
  dir: string;
  /** Hours between automatic backups; 0 = none. */
  everyHours: number;
  /** Automatic backups kept (the newest); manual ones are always kept. */
  keep: number;
}

/** Who the audit log names for backups the portal takes by itself. */
export const AUTOMATIC_BACKUP_ACTOR: Actor = { accountId: null, email: 'system:automatic-backup' };

function numberSetting(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  what: string,
) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be ${what}, not “${raw}”.`);
  return value;
}

/**
 * The backup settings from the environment: `PORTAL_BACKUP_DIR` (default `backups` beside the
 * database file), `PORTAL_BACKUP_HOURS` (default 24; 0 turns automatic backups off) and
 * `PORTAL_BACKUP_KEEP` (default 14). A bad value stops the start with the variable named.
 *
 * @example
 * ```ts
 * backupSettingsFromEnv({ PORTAL_BACKUP_HOURS: '6' }, '/srv/portal/portal.duckdb');
 * // => { dir: '/srv/portal/backups', everyHours: 6, keep: 14 }
 * ```
 */
export function backupSettingsFromEnv(
  env: Record<string, string | undefined>,
  databaseFile: string,
): BackupSettings {
  const everyHours = numberSetting(
    env,
    'PORTAL_BACKUP_HOURS',
    24,
    'a number of hours (0 for no automatic backups)',
  );
  const keep = numberSetting(env, 'PORTAL_BACKUP_KEEP', 14, 'a whole number of backups to keep');
  if (!Number.isInteger(keep) || keep < 1)
    throw new Error(
      `PORTAL_BACKUP_KEEP must be a whole number of backups to keep (1 or more), not “${env.PORTAL_BACKUP_KEEP}”.`,
    );
  const dir = env.PORTAL_BACKUP_DIR?.trim() || path.join(path.dirname(path.resolve(databaseFile)), 'backups');
  return { dir: path.resolve(dir), everyHours, keep };
}

/**
 * Whether an automatic backup is due: none yet, or the newest is `everyHours` old.
 *
 * @example
 * ```ts
 * automaticBackupDue(null, new Date('2026-05-01T02:00:00Z'), 24); // => true
 * automaticBackupDue(new Date('2026-05-01T02:00:00Z'), new Date('2026-05-01T20:00:00Z'), 24); // => false
 * ```
 */
export function automaticBackupDue(newest: Date | null, now: Date, everyHours: number): boolean {
  if (everyHours <= 0) return false;
  return newest === null || now.getTime() - newest.getTime() >= everyHours * 3_600_000;
}

/** What the admin page says about automatic backups. */
export interface BackupScheduleState {
  lastError: string | null;
  lastAutomatic: string | null;
}

/**
 * Takes automatic backups while the portal runs: one at start when none is recent enough, then
 * whenever the newest is `everyHours` old (checked every `checkMs`, 15 minutes by default), and
 * prunes to the newest `keep`. Backups run in the store's write queue, so they are consistent
 * and never interleave with a submission. A failure is logged and shown on the admin page; the
 * portal carries on. Returns a stop function.
 *
 * @example
 * ```ts
 * const schedule = startAutomaticBackups(store, { dir: '/srv/portal/backups', everyHours: 24, keep: 14 });
 * schedule.stop();
 * ```
 */
export function startAutomaticBackups(
  store: Store,
  settings: BackupSettings,
  {
    checkMs = 15 * 60_000,
    log = console.log,
    state = { lastError: null, lastAutomatic: null },
  }: { checkMs?: number; log?: (line: string) => void; state?: BackupScheduleState } = {},
): { state: BackupScheduleState; stop: () => void } {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function check(): Promise<void> {
    const now = new Date();
    try {
      const newest = listBackups(settings.dir).find((backup) => backup.kind === 'automatic');
      if (newest) state.lastAutomatic ??= newest.name;
      if (!automaticBackupDue(newest ? new Date(newest.manifest.createdAt) : null, now, settings.everyHours))
        return;
      const started = performance.now();
      const { name, dir } = await backUpInto(store, settings.dir, 'automatic', AUTOMATIC_BACKUP_ACTOR, now);
      const removed = pruneAutomaticBackups(settings.dir, settings.keep);
      state.lastAutomatic = name;
      state.lastError = null;
      log(
        `Backup: automatic backup ${dir} written in ${((performance.now() - started) / 1000).toFixed(1)} s` +
          (removed.length > 0 ? `; removed ${removed.length} older (keeping ${settings.keep}).` : '.'),
      );
    } catch (error) {
      state.lastError = `${now.toISOString()}: ${(error as Error).message}`;
      log(`Backup: the automatic backup failed: ${(error as Error).message}`);
    }
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void check().finally(() => schedule(checkMs));
    }, delay);
    timer.unref();
  }

  if (settings.everyHours > 0) schedule(0);
  return {
    state,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
