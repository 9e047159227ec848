import { describe, expect, it } from 'vitest';
import { isSameOrigin, isWriteMethod, mayRequest, pathAccess } from './access-policy.ts';
import type { PortalUser } from './auth/roles.ts';

const ORIGIN = 'https://portal.example.nhs.uk';
const request = (headers: Record<string, string>) =>
  new Request(`${ORIGIN}/portal/logout`, { method: 'POST', headers });
const lead: PortalUser = {
  accountId: 'a',
  email: 'l@nhs.net',
  displayName: 'L',
  role: 'site_lead',
  siteId: 'S1',
};

describe('pathAccess', () => {
  it('matches its documented examples', () => {
    expect(pathAccess('/portal/login')).toBe('public');
    expect(pathAccess('/data/manifest.json')).toBe('signed_in');
    expect(pathAccess('/site')).toBe('signed_in');
  });

  it('opens only the sign-in page, the app’s code, icons, the home page and national context', () => {
    for (const path of [
      '/',
      '/national',
      '/portal/login',
      '/portal/login?next=%2Fsite',
      '/_app/immutable/x.js',
      '/favicon.svg',
      '/robots.txt',
    ])
      expect(pathAccess(path), path).toBe('public');
    for (const path of [
      '/portal',
      '/portal/admin/accounts',
      '/portal/admin/audit.csv',
      '/overview',
      '/explore',
      '/data/site-S1/current/manifest.json',
      '/national/extra',
      '/nationalx',
      '/_appx',
    ])
      expect(pathAccess(path), path).toBe('signed_in');
  });
});

describe('isSameOrigin', () => {
  it('trusts the Origin header when present', () => {
    expect(isSameOrigin(request({ origin: ORIGIN }), ORIGIN)).toBe(true);
    expect(isSameOrigin(request({ origin: 'https://evil.example' }), ORIGIN)).toBe(false);
    expect(isSameOrigin(request({ origin: 'http://portal.example.nhs.uk' }), ORIGIN)).toBe(false);
    expect(isSameOrigin(request({ origin: 'null' }), ORIGIN)).toBe(false);
    // A forged fetch-metadata header does not override a foreign Origin.
    expect(
      isSameOrigin(request({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }), ORIGIN),
    ).toBe(false);
  });

  it('without Origin, accepts only same-origin fetch metadata', () => {
    expect(isSameOrigin(request({ 'sec-fetch-site': 'same-origin' }), ORIGIN)).toBe(true);
    expect(isSameOrigin(request({ 'sec-fetch-site': 'same-site' }), ORIGIN)).toBe(false);
    expect(isSameOrigin(request({ 'sec-fetch-site': 'cross-site' }), ORIGIN)).toBe(false);
    expect(isSameOrigin(request({}), ORIGIN)).toBe(false);
  });
});

describe('isWriteMethod', () => {
  it('treats everything but GET, HEAD and OPTIONS as a write', () => {
    for (const method of ['GET', 'get', 'HEAD', 'OPTIONS']) expect(isWriteMethod(method), method).toBe(false);
    for (const method of ['POST', 'put', 'PATCH', 'DELETE']) expect(isWriteMethod(method), method).toBe(true);
  });
});

describe('mayRequest', () => {
  it('lets anyone ask for public paths and only signed-in users for the rest', () => {
    expect(mayRequest(null, '/portal/login')).toBe(true);
    expect(mayRequest(null, '/data/manifest.json')).toBe(false);
    expect(mayRequest(null, '/portal/admin/accounts')).toBe(false);
    expect(mayRequest(lead, '/data/manifest.json')).toBe(true);
    // Signed in is not the same as allowed: the page still checks its permission (a 403 there).
    expect(mayRequest(lead, '/portal/admin/accounts')).toBe(true);
  });
});
