import { describe, expect, it } from 'vitest';
import type { PortalUser, Role } from '../auth/roles.ts';
import { siteToSubmitFor, siteToView } from './submission-scope.ts';

const user = (role: Role, siteId: string | null = null): PortalUser => ({
  accountId: role,
  email: `${role}@test.nhs.uk`,
  displayName: role,
  role,
  siteId,
});
const sites = new Set(['S1', 'S2']);

describe('siteToView', () => {
  it('gives site roles their own site, and refuses any other', () => {
    for (const role of ['site_lead', 'site_data_entry'] as const) {
      expect(siteToView(user(role, 'S1'), null, sites)).toEqual({ ok: true, siteId: 'S1' });
      expect(siteToView(user(role, 'S1'), 'S1', sites)).toEqual({ ok: true, siteId: 'S1' });
      expect(siteToView(user(role, 'S1'), 'S2', sites)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('lets network admin and faculty choose any known site', () => {
    for (const role of ['network_admin', 'faculty'] as const) {
      expect(siteToView(user(role), null, sites)).toEqual({ ok: true, siteId: null });
      expect(siteToView(user(role), 'S2', sites)).toEqual({ ok: true, siteId: 'S2' });
      expect(siteToView(user(role), 'S9', sites)).toMatchObject({ ok: false, status: 404 });
    }
  });

  it('refuses the advisory group (403) and anonymous visitors (401)', () => {
    expect(siteToView(user('advisory'), 'S1', sites)).toMatchObject({ ok: false, status: 403 });
    expect(siteToView(user('advisory'), null, sites)).toMatchObject({ ok: false, status: 403 });
    expect(siteToView(null, 'S1', sites)).toMatchObject({ ok: false, status: 401 });
  });
});

describe('siteToSubmitFor', () => {
  it('lets site roles submit for their own site only', () => {
    expect(siteToSubmitFor(user('site_data_entry', 'S2'))).toMatchObject({ ok: true, siteId: 'S2' });
    expect(siteToSubmitFor(user('site_lead', 'S1'))).toMatchObject({ ok: true, siteId: 'S1' });
  });

  it('refuses network roles, the advisory group and anonymous visitors', () => {
    for (const role of ['network_admin', 'faculty', 'advisory'] as const)
      expect(siteToSubmitFor(user(role))).toMatchObject({ ok: false, status: 403 });
    expect(siteToSubmitFor(null)).toMatchObject({ ok: false, status: 401 });
  });
});
