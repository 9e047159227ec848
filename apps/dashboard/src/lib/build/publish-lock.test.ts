import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISH_LOCK, withPublishLock } from './publish-lock';

describe('withPublishLock', () => {
  it('lets one publisher in at a time, in turn', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aud-lock-'));
    const log: string[] = [];
    const work = (name: string) => async () => {
      log.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      log.push(`${name} out`);
    };
    await Promise.all([withPublishLock(dir, work('a')), withPublishLock(dir, work('b'))]);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(existsSync(path.join(dir, PUBLISH_LOCK))).toBe(false);
  });

  it('takes over a lock whose process has gone, and releases it when the work fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aud-lock-'));
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid as number;
    await new Promise((resolve) => child.once('exit', resolve));
    writeFileSync(path.join(dir, PUBLISH_LOCK), String(pid));
    await expect(
      withPublishLock(dir, async () => {
        expect(readFileSync(path.join(dir, PUBLISH_LOCK), 'utf8')).toBe(String(process.pid));
        throw new Error('publish failed');
      }),
    ).rejects.toThrow('publish failed');
    expect(existsSync(path.join(dir, PUBLISH_LOCK))).toBe(false);
  });

  it('gives up with a clear error while a live process holds the lock', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aud-lock-'));
    writeFileSync(path.join(dir, PUBLISH_LOCK), String(process.pid));
    await expect(withPublishLock(dir, async () => 'never', 500)).rejects.toThrow(
      new RegExp(`process ${process.pid}\\) has held`),
    );
  });
});
