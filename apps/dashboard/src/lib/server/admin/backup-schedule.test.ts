import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db/store.ts';
import { migratedStore, tempFolder } from '../testing/temp-portal.ts';
import { listBackups } from './backup-folder.ts';
import {
  AUTOMATIC_BACKUP_ACTOR,
  automaticBackupDue,
  backupSettingsFromEnv,
  startAutomaticBackups,
} from './backup-schedule.ts';

const folder = tempFolder();
let store: Store;

beforeAll(async () => {
  store = await migratedStore();
});
afterAll(async () => {
  await store.close();
  folder.remove();
});

describe('backupSettingsFromEnv', () => {
  it('matches its documented example', () => {
    expect(backupSettingsFromEnv({ PORTAL_BACKUP_HOURS: '6' }, '/srv/portal/portal.duckdb')).toEqual({
      dir: '/srv/portal/backups',
      everyHours: 6,
      keep: 14,
    });
  });

  it('defaults to a daily backup beside the database, keeping 14; 0 hours turns them off', () => {
    expect(backupSettingsFromEnv({}, '/srv/p.duckdb')).toEqual({
      dir: '/srv/backups',
      everyHours: 24,
      keep: 14,
    });
    expect(backupSettingsFromEnv({ PORTAL_BACKUP_HOURS: '0' }, '/srv/p.duckdb').everyHours).toBe(0);
    expect(
      backupSettingsFromEnv(
        { PORTAL_BACKUP_DIR: '/mnt/secure/qi', PORTAL_BACKUP_KEEP: '30' },
        '/srv/p.duckdb',
      ),
    ).toEqual({ dir: '/mnt/secure/qi', everyHours: 24, keep: 30 });
  });

  it('refuses a value that is not a number, negative, or keeps no backup, naming the variable', () => {
    expect(() => backupSettingsFromEnv({ PORTAL_BACKUP_HOURS: 'daily' }, '/srv/p.duckdb')).toThrow(
      /PORTAL_BACKUP_HOURS must be a number of hours .*“daily”/,
    );
    expect(() => backupSettingsFromEnv({ PORTAL_BACKUP_HOURS: '-1' }, '/srv/p.duckdb')).toThrow(
      /PORTAL_BACKUP_HOURS/,
    );
    expect(() => backupSettingsFromEnv({ PORTAL_BACKUP_KEEP: '0' }, '/srv/p.duckdb')).toThrow(
      /PORTAL_BACKUP_KEEP must be a whole number .*“0”/,
    );
    expect(() => backupSettingsFromEnv({ PORTAL_BACKUP_KEEP: '2.5' }, '/srv/p.duckdb')).toThrow(
      /PORTAL_BACKUP_KEEP/,
    );
  });
});

describe('automaticBackupDue', () => {
  const at = (time: string) => new Date(`2026-05-01T${time}Z`);

  it('matches its documented example', () => {
    expect(automaticBackupDue(null, new Date('2026-05-01T02:00:00Z'), 24)).toBe(true);
    expect(automaticBackupDue(new Date('2026-05-01T02:00:00Z'), new Date('2026-05-01T20:00:00Z'), 24)).toBe(
      false,
    );
  });

  it('is due exactly when the newest is as old as the interval, and never when off', () => {
    expect(automaticBackupDue(at('00:00:00'), at('05:59:59'), 6)).toBe(false);
    expect(automaticBackupDue(at('00:00:00'), at('06:00:00'), 6)).toBe(true);
    expect(automaticBackupDue(null, at('06:00:00'), 0)).toBe(false);
  });
});

describe('startAutomaticBackups', () => {
  /** Starts a schedule and resolves with its log once `lines` lines were logged. */
  function runUntil(settings: Parameters<typeof startAutomaticBackups>[1], lines: number, checkMs = 20) {
    const log: string[] = [];
    return new Promise<{ log: string[]; schedule: ReturnType<typeof startAutomaticBackups> }>((resolve) => {
      const schedule = startAutomaticBackups(store, settings, {
        checkMs,
        log: (line) => {
          log.push(line);
          if (log.length === lines) {
            schedule.stop();
            resolve({ log, schedule });
          }
        },
      });
    });
  }

  it('takes one at start, as the automatic actor, and none again until it is due', async () => {
    const dir = path.join(folder.dir, 'daily');
    const { log, schedule } = await runUntil({ dir, everyHours: 24, keep: 3 }, 1);
    expect(log[0]).toMatch(/^Backup: automatic backup .*auto-[\dT-]+Z written in \d+\.\d s\.$/);
    const listed = listBackups(dir);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.manifest.createdBy).toBe(AUTOMATIC_BACKUP_ACTOR.email);
    expect(schedule.state).toEqual({ lastError: null, lastAutomatic: listed[0]?.name });
    const [audit] = await store.all<{ action: string; email: string }>(
      "SELECT action, email FROM audit_log WHERE action = 'database.backup' ORDER BY audit_id DESC LIMIT 1",
    );
    expect(audit).toEqual({ action: 'database.backup', email: 'system:automatic-backup' });

    // A second schedule on the same folder finds a recent backup and takes none.
    const quiet: string[] = [];
    const again = startAutomaticBackups(
      store,
      { dir, everyHours: 24, keep: 3 },
      { checkMs: 10, log: (l) => quiet.push(l) },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    again.stop();
    expect(quiet).toEqual([]);
    expect(again.state.lastAutomatic).toBe(listed[0]?.name);
    expect(listBackups(dir)).toHaveLength(1);
  });

  it('takes one at every check when the interval has passed, pruning to the newest `keep`', async () => {
    const dir = path.join(folder.dir, 'often');
    // 0.1 ms "hours" apart: every check is due (the names differ by a suffix within a second).
    const { log } = await runUntil({ dir, everyHours: 1e-7, keep: 2 }, 4);
    expect(log.slice(2).every((line) => /removed 1 older \(keeping 2\)\.$/.test(line))).toBe(true);
    expect(listBackups(dir).map((backup) => backup.kind)).toEqual(['automatic', 'automatic']);
  });

  it('logs a failure, shows it in its state, and carries on', async () => {
    const file = path.join(folder.dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const { log, schedule } = await runUntil({ dir: file, everyHours: 24, keep: 2 }, 1);
    expect(log[0]).toMatch(/^Backup: the automatic backup failed: /);
    expect(schedule.state.lastError).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z: /);
    expect(readdirSync(folder.dir)).toContain('a-file');
  });

  it('takes none when automatic backups are off', async () => {
    const dir = path.join(folder.dir, 'off');
    const log: string[] = [];
    const schedule = startAutomaticBackups(
      store,
      { dir, everyHours: 0, keep: 2 },
      { checkMs: 5, log: (l) => log.push(l) },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    schedule.stop();
    expect(log).toEqual([]);
    expect(listBackups(dir)).toEqual([]);
  });
});
