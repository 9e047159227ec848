import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSubmissions, twoSiteRepoData, twoSiteStore } from '../../build/testing-audiences';
import { dataChanged } from '../data-changes';
import type { Store } from '../db/store';
import type { Portal } from '../portal';
import { publishingState, startAudiencePublishing, stopAudiencePublishing } from './audience-publishing';

// The whole path the server takes: database → CSV export → scripts/publish-audiences.ts in a
// child process → folders switched; then a data change → only that site rebuilt.
const appDir = fileURLToPath(new URL('../../../..', import.meta.url));
let root = '';
let store: Store;

const generations = (audience: string) =>
  readdirSync(path.join(root, audience)).filter((name) => name.startsWith('gen-')).length;
const manifest = (audience: string) =>
  readFileSync(path.join(root, audience, 'current', 'manifest.json'), 'utf8');

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'aud-wiring-'));
  process.env.PORTAL_AUDIENCE_DIR = path.join(root);
  process.env.PORTAL_APP_DIR = appDir;
  store = await twoSiteStore();
});

afterAll(async () => {
  stopAudiencePublishing();
  delete process.env.PORTAL_AUDIENCE_DIR;
  delete process.env.PORTAL_APP_DIR;
  await store.close();
});

describe('startAudiencePublishing', () => {
  it('publishes every audience at start, in a child process, without a staging folder left', async () => {
    const portal = { store, repoData: twoSiteRepoData(path.join(root, '..', `${path.basename(root)}-data`)) };
    const scheduler = startAudiencePublishing(portal as Portal);
    expect(scheduler.busy).toBe(true);
    await scheduler.idle();
    expect(publishingState).toEqual({ firstDone: true, lastError: null });
    for (const audience of ['network', 'advisory', 'public', 'site-S1', 'site-S2'])
      expect(existsSync(path.join(root, audience, 'current')), audience).toBe(true);
    expect(readdirSync(path.join(root, '.staging'))).toEqual([]);
  }, 120_000);

  it('after a site’s data change, republishes once for a burst of changes, rebuilding that site', async () => {
    const s2Manifest = manifest('site-S2');
    const s1Manifest = manifest('site-S1');
    await seedSubmissions(store, ['2025-04'], ['S1']);
    const scheduler = startAudiencePublishing({} as Portal); // the running one, not a second
    dataChanged({ siteId: 'S1', reason: 'submission S1 2025-04 v1' });
    dataChanged({ siteId: 'S1', reason: 'annotation S1' });
    expect(scheduler.busy).toBe(true);
    await scheduler.idle();
    expect(generations('site-S1')).toBe(2);
    expect(generations('network')).toBe(2);
    expect(manifest('site-S1')).not.toBe(s1Manifest);
    // S2's tables did not change: its manifest is the same file, copied into the new generation.
    expect(generations('site-S2')).toBe(2);
    expect(manifest('site-S2')).toBe(s2Manifest);
  }, 120_000);
});
