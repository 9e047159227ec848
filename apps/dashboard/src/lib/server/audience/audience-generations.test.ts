import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createGeneration,
  currentGeneration,
  listGenerations,
  removeOldGenerations,
  resolveAudienceFile,
  switchCurrent,
} from './audience-generations';

function generationWith(audienceDir: string, now: number, files: Record<string, string>): string {
  const dir = createGeneration(audienceDir, now);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('audience generations', () => {
  it('has no current generation before the first switch, then serves the one switched to', () => {
    const audienceDir = mkdtempSync(path.join(tmpdir(), 'aud-gen-'));
    expect(currentGeneration(audienceDir)).toBeNull();
    expect(resolveAudienceFile(audienceDir, 'manifest.json')).toBeNull();
    const first = generationWith(audienceDir, 1000, { 'manifest.json': '{"v":1}' });
    switchCurrent(audienceDir, first);
    expect(currentGeneration(audienceDir)).toBe(first);
    const second = generationWith(audienceDir, 2000, { 'manifest.json': '{"v":2}' });
    expect(resolveAudienceFile(audienceDir, 'manifest.json')).toBe(path.join(first, 'manifest.json'));
    switchCurrent(audienceDir, second);
    expect(resolveAudienceFile(audienceDir, 'manifest.json')).toBe(path.join(second, 'manifest.json'));
  });

  it('names each new generation after every older one, even when the clock goes back', () => {
    const audienceDir = mkdtempSync(path.join(tmpdir(), 'aud-gen-'));
    createGeneration(audienceDir, 5000);
    createGeneration(audienceDir, 4000);
    expect(listGenerations(audienceDir).map((entry) => entry.name)).toEqual(['gen-5000', 'gen-5001']);
  });

  it('finds a hashed file of the previous generation (a page mid-load), but never an old index file', () => {
    const audienceDir = mkdtempSync(path.join(tmpdir(), 'aud-gen-'));
    const old = generationWith(audienceDir, 1000, {
      'manifest.json': 'old',
      'submissions.0123456789ab.arrow': 'old rows',
    });
    switchCurrent(audienceDir, old);
    const current = generationWith(audienceDir, 2000, {
      'manifest.json': 'new',
      'submissions.ba9876543210.arrow': 'new rows',
    });
    switchCurrent(audienceDir, current);
    expect(resolveAudienceFile(audienceDir, 'submissions.0123456789ab.arrow')).toBe(
      path.join(old, 'submissions.0123456789ab.arrow'),
    );
    expect(resolveAudienceFile(audienceDir, 'manifest.json')).toBe(path.join(current, 'manifest.json'));
    writeFileSync(path.join(old, 'site-network.json'), 'old index');
    expect(resolveAudienceFile(audienceDir, 'site-network.json')).toBeNull();
  });

  it('never resolves a path outside the generation', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'aud-gen-'));
    const audienceDir = path.join(root, 'site-S1');
    const other = path.join(root, 'site-S2');
    switchCurrent(other, generationWith(other, 1000, { 'site/S2.0123456789ab.json': 'S2' }));
    switchCurrent(audienceDir, generationWith(audienceDir, 1000, { 'manifest.json': 'S1' }));
    for (const attempt of [
      '../../site-S2/current/site/S2.0123456789ab.json',
      '../gen-1000/../../site-S2/gen-1000/site/S2.0123456789ab.json',
      path.join(other, 'current/site/S2.0123456789ab.json'),
      'manifest.json\0.arrow',
    ])
      expect(resolveAudienceFile(audienceDir, attempt)).toBeNull();
  });

  it('removes generations replaced longer ago than the grace period, and abandoned newer ones', () => {
    const audienceDir = mkdtempSync(path.join(tmpdir(), 'aud-gen-'));
    const a = generationWith(audienceDir, 1_000, {});
    const b = generationWith(audienceDir, 2_000, {});
    const c = generationWith(audienceDir, 600_000, {});
    const abandoned = generationWith(audienceDir, 700_000, {});
    switchCurrent(audienceDir, c);
    // At 700 s: a was replaced at 2 s (gone), b at 600 s (within 5 minutes: kept).
    expect(removeOldGenerations(audienceDir, 300_000, 700_000).sort()).toEqual(
      [path.basename(a), path.basename(abandoned)].sort(),
    );
    expect([a, b, c, abandoned].map((dir) => existsSync(dir))).toEqual([false, true, true, false]);
    expect(removeOldGenerations(audienceDir, 300_000, 950_000)).toEqual([path.basename(b)]);
    expect(currentGeneration(audienceDir)).toBe(c);
  });
});
