import { describe, expect, it } from 'vitest';
import type { PortalUser, Role } from './auth/roles.ts';
import { portalMenuFor } from './portal-navigation.ts';

const user = (role: Role, siteId: string | null = null): PortalUser => ({
  accountId: role,
  email: `${role}@nhs.net`,
  displayName: role,
  role,
  siteId,
});

describe('portalMenuFor', () => {
  it('gives the advisory group only the portal home and its account (its data pages are in the main navigation)', () => {
    expect(portalMenuFor(user('advisory')).map((page) => page.path)).toEqual(['/portal', '/portal/account']);
  });

  it('gives every role its account page, and only network admins the backups', () => {
    for (const role of ['network_admin', 'faculty', 'advisory', 'site_lead', 'site_data_entry'] as const) {
      const paths = portalMenuFor(user(role, role.startsWith('site') ? 'S1' : null)).map((page) => page.path);
      expect(paths).toContain('/portal/account');
      expect(paths.includes('/portal/admin/backups')).toBe(role === 'network_admin');
    }
  });

  it('gives site teams their monthly work and no administration', () => {
    const paths = portalMenuFor(user('site_data_entry', 'S1')).map((page) => page.path);
    expect(paths).toContain('/portal/submissions/upload');
    expect(paths).toContain('/portal/qi');
    expect(paths).not.toContain('/portal/submissions/status');
    expect(paths).not.toContain('/portal/admin/accounts');
  });

  it('gives network admins the status page and administration, but no upload', () => {
    const paths = portalMenuFor(user('network_admin')).map((page) => page.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/portal/submissions/status', '/portal/admin/accounts', '/portal/admin/audit']),
    );
    expect(paths).not.toContain('/portal/submissions/upload');
  });

  it('never lists sign-in, sign-out or the version comparison', () => {
    for (const role of ['network_admin', 'faculty', 'advisory', 'site_lead', 'site_data_entry'] as const) {
      const paths = portalMenuFor(user(role, role.startsWith('site') ? 'S1' : null)).map((page) => page.path);
      expect(paths).not.toContain('/portal/login');
      expect(paths).not.toContain('/portal/logout');
      expect(paths).not.toContain('/portal/submissions/diff');
    }
  });
});
