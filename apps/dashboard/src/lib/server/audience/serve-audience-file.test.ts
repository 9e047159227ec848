import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortalUser } from '../auth/roles';
import type { Portal } from '../portal';
import { createGeneration, switchCurrent } from './audience-generations';
import { publishingState } from './audience-publishing';
import { serveAudienceFile } from './serve-audience-file';

const portal = {} as Portal;
const lead: PortalUser = {
  accountId: 'a1',
  email: 'lead.s1@nhs.net',
  displayName: 'Lead',
  role: 'site_lead',
  siteId: 'S1',
};
const advisory: PortalUser = { ...lead, role: 'advisory', siteId: null, email: 'adv@nhs.net' };
const get = (user: PortalUser | null, file: string, method = 'GET') =>
  serveAudienceFile(portal, user, file, new Request(`http://portal.test/data/${file}`, { method }));

let root = '';
function publish(audience: string, files: Record<string, string>) {
  const dir = createGeneration(path.join(root, audience));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  switchCurrent(path.join(root, audience), dir);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'aud-serve-'));
  process.env.PORTAL_AUDIENCE_DIR = root;
  publishingState.firstDone = false;
  publishingState.lastError = null;
});
afterEach(() => {
  delete process.env.PORTAL_AUDIENCE_DIR;
});

describe('serveAudienceFile', () => {
  it('answers 503 with Retry-After until the audience is published, 500 if publishing failed', async () => {
    const waiting = await get(lead, 'manifest.json');
    expect(waiting.status).toBe(503);
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
    publishingState.lastError = 'disk full';
    expect((await get(lead, 'manifest.json')).status).toBe(500);
  });

  it("serves each user their own audience's file, and 404 for anything not in it", async () => {
    publish('site-S1', { 'manifest.json': '{"site":"S1"}', 'site/S1.0123456789ab.json': '{}' });
    publish('site-S2', { 'manifest.json': '{"site":"S2"}', 'site/S2.0123456789ab.json': '{}' });
    publish('advisory', { 'manifest.json': '{"advisory":true}' });
    publish('public', { 'national-context.json': '{"file":null}' });

    const own = await get(lead, 'manifest.json');
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ site: 'S1' });
    expect(own.headers.get('cache-control')).toBe('private, no-cache');
    const hashed = await get(lead, 'site/S1.0123456789ab.json');
    expect(hashed.headers.get('cache-control')).toContain('immutable');
    expect((await get(lead, 'site/S2.0123456789ab.json')).status).toBe(404);
    expect((await get(lead, '..%2F..%2Fsite-S2%2Fcurrent%2Fmanifest.json')).status).toBe(404);
    expect((await get(lead, '%E0%A4%A')).status).toBe(404);
    expect(await (await get(advisory, 'manifest.json')).json()).toEqual({ advisory: true });
    expect((await get(advisory, 'site/S1.0123456789ab.json')).status).toBe(404);
    expect((await get(null, 'national-context.json')).status).toBe(200);
    expect((await get(null, 'manifest.json')).status).toBe(404);
    expect((await get(lead, 'manifest.json', 'POST')).status).toBe(405);
    const head = await get(lead, 'manifest.json', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('{"site":"S1"}'.length));
  });
});
