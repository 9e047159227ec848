import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The lock file in an audiences folder: the process id of the publisher writing it. */
export const PUBLISH_LOCK = '.publish.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` while holding the audiences folder's publish lock, so that two publishers never
 * write the same folders at once (a server killed mid-publish leaves its child running; the
 * restarted server's publisher waits for it). A lock left by a process that no longer exists
 * is taken over. Throws after `timeoutMs` of waiting for a live holder.
 *
 * @example
 * ```ts
 * await withPublishLock('/srv/audiences', () => publishAudiences(request));
 * ```
 */
export async function withPublishLock<T>(
  audiencesDir: string,
  work: () => Promise<T>,
  timeoutMs = 120_000,
): Promise<T> {
  mkdirSync(audiencesDir, { recursive: true });
  const file = path.join(audiencesDir, PUBLISH_LOCK);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = Number.NaN;
      try {
        holder = Number(readFileSync(file, 'utf8'));
      } catch {}
      // Taken between our attempt and the read, or written half-way: look again shortly.
      if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(
          `Another publisher (process ${holder}) has held ${file} for over ${timeoutMs / 1000} s.`,
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}
