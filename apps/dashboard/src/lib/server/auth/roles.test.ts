import { describe, expect, it } from 'vitest';
import {
  audienceOf,
  can,
  isSiteRole,
  type Permission,
  type PortalUser,
  ROLE_LABELS,
  ROLES,
  type Role,
} from './roles.ts';

const user = (role: Role, siteId: string | null = null): PortalUser => ({
  accountId: `id-${role}`,
  email: `${role}@nhs.net`,
  displayName: role,
  role,
  siteId,
});

// The whole grant table, read across: which roles hold each permission at all.
const HOLDERS: Record<Permission, readonly Role[]> = {
  manage_accounts: ['network_admin'],
  view_audit_log: ['network_admin'],
  back_up_database: ['network_admin'],
  view_submission_status: ['network_admin', 'faculty'],
  submit_data: ['site_lead', 'site_data_entry'],
  view_submission_history: ['network_admin', 'faculty', 'site_lead', 'site_data_entry'],
  view_qi_log: ['network_admin', 'faculty', 'site_lead', 'site_data_entry'],
  edit_qi_log: ['site_lead', 'site_data_entry'],
  edit_aims: ['site_lead'],
  write_report: ['site_lead'],
  read_reports: ['network_admin', 'faculty', 'site_lead', 'site_data_entry'],
  comment_on_reports: ['network_admin', 'faculty'],
};
const PERMISSIONS = Object.keys(HOLDERS) as Permission[];
const users: Record<Role, PortalUser> = {
  network_admin: user('network_admin'),
  faculty: user('faculty'),
  advisory: user('advisory'),
  site_lead: user('site_lead', 'S1'),
  site_data_entry: user('site_data_entry', 'S1'),
};

describe('can', () => {
  it('matches its documented example', () => {
    const lead = {
      accountId: 'a',
      email: 'l@nhs.net',
      displayName: 'L',
      role: 'site_lead' as const,
      siteId: 'S1',
    };
    expect(can(lead, 'submit_data', 'S1')).toBe(true);
    expect(can(lead, 'submit_data', 'S2')).toBe(false);
    expect(can(lead, 'manage_accounts')).toBe(false);
  });

  for (const role of ROLES)
    for (const permission of PERMISSIONS) {
      const holds = HOLDERS[permission].includes(role);
      it(`${role} ${holds ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(users[role], permission)).toBe(holds);
        // Their own site (S1): the same answer.
        expect(can(users[role], permission, 'S1')).toBe(holds);
        // Another site: network roles keep their answer, site roles are always refused.
        expect(can(users[role], permission, 'S2')).toBe(holds && !isSiteRole(role));
      });
    }

  it('refuses anonymous visitors everything', () => {
    for (const permission of PERMISSIONS) {
      expect(can(null, permission)).toBe(false);
      expect(can(null, permission, 'S1')).toBe(false);
    }
  });

  it('refuses a site role whose account has lost its site', () => {
    expect(can(user('site_lead', null), 'submit_data', 'S1')).toBe(false);
  });
});

describe('audienceOf', () => {
  it('matches its documented example', () => {
    expect(
      audienceOf({ accountId: 'a', email: 'x@nhs.net', displayName: 'X', role: 'site_lead', siteId: 'S1' }),
    ).toEqual({
      kind: 'site',
      siteId: 'S1',
    });
  });

  it('gives admins and faculty the network, the advisory group aggregates, site roles their site', () => {
    expect(audienceOf(users.network_admin)).toEqual({ kind: 'network' });
    expect(audienceOf(users.faculty)).toEqual({ kind: 'network' });
    expect(audienceOf(users.advisory)).toEqual({ kind: 'advisory' });
    expect(audienceOf(user('site_data_entry', 'S7'))).toEqual({ kind: 'site', siteId: 'S7' });
  });

  it('refuses a site role without a site rather than widen its audience', () => {
    expect(() => audienceOf(user('site_data_entry', null))).toThrow(
      'Account site_data_entry@nhs.net has a site role but no site.',
    );
  });
});

describe('roles', () => {
  it('are five, each with a label in users’ words; two belong to a site', () => {
    expect(ROLES).toEqual(['network_admin', 'faculty', 'advisory', 'site_lead', 'site_data_entry']);
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(ROLE_LABELS.advisory).toBe('Advisory group member');
    expect(ROLES.filter(isSiteRole)).toEqual(['site_lead', 'site_data_entry']);
  });
});
