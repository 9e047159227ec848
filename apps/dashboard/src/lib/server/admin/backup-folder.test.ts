import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db/store.ts';
import { migratedStore, tempFolder, testActor } from '../testing/temp-portal.ts';
import { backUpInto, backupName, listBackups, pruneAutomaticBackups } from './backup-folder.ts';

const folder = tempFolder();
let store: Store;

beforeAll(async () => {
  store = await migratedStore();
});
afterAll(async () => {
  await store.close();
  folder.remove();
});

describe('backupName', () => {
  it('matches its documented example: kind and UTC second, no colons', () => {
    expect(backupName('automatic', new Date('2026-05-01T02:00:07.123Z'))).toBe('auto-2026-05-01T02-00-07Z');
    expect(backupName('manual', new Date('2026-05-01T02:00:07Z'))).toBe('manual-2026-05-01T02-00-07Z');
  });

  it('sorts as text in time order', () => {
    const names = ['2026-12-01T00:00:00Z', '2026-02-01T10:00:00Z', '2026-02-01T09:59:59Z'].map((at) =>
      backupName('automatic', new Date(at)),
    );
    expect([...names].sort()).toEqual([names[2], names[1], names[0]]);
  });
});

describe('backUpInto and listBackups', () => {
  const root = path.join(folder.dir, 'listing');
  const at = new Date('2026-05-01T09:30:00Z');

  beforeAll(async () => {
    await backUpInto(store, root, 'automatic', testActor, new Date('2026-04-30T02:00:00Z'));
    await backUpInto(store, root, 'manual', testActor, at);
    // Same second: a suffix, not a refusal or an overwrite.
    await backUpInto(store, root, 'manual', testActor, at);
    // Things in the folder that are not complete backups.
    mkdirSync(path.join(root, 'manual-2026-05-02T00-00-00Z'));
    mkdirSync(path.join(root, 'auto-2026-05-03T00-00-00Z.partial-999999'));
    mkdirSync(path.join(root, 'notes'));
    writeFileSync(path.join(root, 'README.txt'), 'kept by the trust');
  });

  it('names a second backup in the same second with -2', () => {
    expect(readdirSync(root)).toEqual(
      expect.arrayContaining(['manual-2026-05-01T09-30-00Z', 'manual-2026-05-01T09-30-00Z-2']),
    );
  });

  it('lists complete backups only, newest first, with their kind, manifest and size', () => {
    const listed = listBackups(root);
    expect(listed.map((backup) => backup.name).sort()).toEqual([
      'auto-2026-04-30T02-00-00Z',
      'manual-2026-05-01T09-30-00Z',
      'manual-2026-05-01T09-30-00Z-2',
    ]);
    expect(listed.at(-1)?.name).toBe('auto-2026-04-30T02-00-00Z');
    expect(listed.find((backup) => backup.name.startsWith('auto'))?.kind).toBe('automatic');
    expect(listed[0]?.kind).toBe('manual');
    for (const backup of listed) {
      expect(backup.manifest.createdBy).toBe('test:vitest');
      expect(backup.manifest.tables.accounts?.rows).toBe(0);
      expect(backup.bytes).toBeGreaterThan(1000);
    }
  });

  it('lists nothing for a folder that does not exist', () => {
    expect(listBackups(path.join(folder.dir, 'no-such-folder'))).toEqual([]);
  });
});

describe('pruneAutomaticBackups', () => {
  const root = path.join(folder.dir, 'pruning');

  beforeAll(async () => {
    // createdAt comes from the clock, so the order is the order taken.
    for (const day of ['01', '02', '03', '04'])
      await backUpInto(store, root, 'automatic', testActor, new Date(`2026-05-${day}T02:00:00Z`));
    await backUpInto(store, root, 'manual', testActor, new Date('2026-04-01T09:00:00Z'));
    mkdirSync(path.join(root, 'auto-2026-05-05T02-00-00Z.partial-999999')); // a process that is gone
    mkdirSync(path.join(root, `auto-2026-05-05T02-00-00Z.partial-${process.pid}`)); // one being written
  });

  it('keeps the newest automatic backups and every manual one; clears dead partial folders', () => {
    const removed = pruneAutomaticBackups(root, 2);
    expect(removed.sort()).toEqual([
      'auto-2026-05-01T02-00-00Z',
      'auto-2026-05-02T02-00-00Z',
      'auto-2026-05-05T02-00-00Z.partial-999999',
    ]);
    expect(readdirSync(root).sort()).toEqual([
      'auto-2026-05-03T02-00-00Z',
      'auto-2026-05-04T02-00-00Z',
      `auto-2026-05-05T02-00-00Z.partial-${process.pid}`,
      'manual-2026-04-01T09-00-00Z',
    ]);
  });

  it('does nothing when there are no more than `keep`, or no folder', () => {
    expect(pruneAutomaticBackups(root, 2)).toEqual([]);
    expect(pruneAutomaticBackups(path.join(folder.dir, 'absent'), 2)).toEqual([]);
    expect(existsSync(path.join(folder.dir, 'absent'))).toBe(false);
  });
});
