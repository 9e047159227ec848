/** The five portal roles. Site roles are bound to exactly one site. */
export const ROLES = ['network_admin', 'faculty', 'advisory', 'site_lead', 'site_data_entry'] as const;
export type Role = (typeof ROLES)[number];

/** Role names in users' words. */
export const ROLE_LABELS: Record<Role, string> = {
  network_admin: 'Network admin',
  faculty: 'Improvement faculty',
  advisory: 'Advisory group member',
  site_lead: 'Site lead',
  site_data_entry: 'Site data entry',
};

/** A signed-in person, as request handlers see them. */
export interface PortalUser {
  accountId: string;
  email: string;
  displayName: string;
  role: Role;
  /** The one site a site role may see and change; null for network roles. */
  siteId: string | null;
}

/** What data a role's browser may be given (the per-audience files). */
export type Audience = { kind: 'network' } | { kind: 'advisory' } | { kind: 'site'; siteId: string };

/** The roles whose accounts must name a site. */
export function isSiteRole(role: Role): role is 'site_lead' | 'site_data_entry' {
  return role === 'site_lead' || role === 'site_data_entry';
}

/**
 * Which data audience a user belongs to: admins and faculty see the whole network,
 * the advisory group only disclosure-controlled aggregates, site roles their own site.
 *
 * @example
 * ```ts
 * audienceOf({ accountId: 'a', email: 'x@nhs.net', displayName: 'X', role: 'site_lead', siteId: 'S1' });
 * // => { kind: 'site', siteId: 'S1' }
 * ```
 */
export function audienceOf(user: PortalUser): Audience {
  if (user.role === 'network_admin' || user.role === 'faculty') return { kind: 'network' };
  if (user.role === 'advisory') return { kind: 'advisory' };
  if (!user.siteId) throw new Error(`Account ${user.email} has a site role but no site.`);
  return { kind: 'site', siteId: user.siteId };
}

/** Things a user may do. Checked on the server for every write and every read of detail. */
export type Permission =
  | 'manage_accounts'
  | 'view_audit_log'
  | 'back_up_database'
  | 'view_submission_status'
  | 'view_submission_history'
  | 'submit_data'
  | 'view_qi_log'
  | 'edit_qi_log'
  | 'edit_aims'
  | 'write_report'
  | 'read_reports'
  | 'comment_on_reports';

const GRANTS: Record<Role, readonly Permission[]> = {
  network_admin: [
    'manage_accounts',
    'view_audit_log',
    'back_up_database',
    'view_submission_status',
    'view_submission_history',
    'view_qi_log',
    'read_reports',
    'comment_on_reports',
  ],
  faculty: [
    'view_submission_status',
    'view_submission_history',
    'view_qi_log',
    'read_reports',
    'comment_on_reports',
  ],
  // The advisory group sees disclosure-controlled aggregates only: no site's detail, QI log or reports.
  advisory: [],
  site_lead: [
    'submit_data',
    'view_submission_history',
    'view_qi_log',
    'edit_qi_log',
    'edit_aims',
    'write_report',
    'read_reports',
  ],
  site_data_entry: ['submit_data', 'view_submission_history', 'view_qi_log', 'edit_qi_log', 'read_reports'],
};

/**
 * Whether `user` may do `permission`, for `siteId` when the action concerns one site.
 * Site roles act only on their own site; network roles on every site.
 *
 * @example
 * ```ts
 * const lead = { accountId: 'a', email: 'l@nhs.net', displayName: 'L', role: 'site_lead' as const, siteId: 'S1' };
 * can(lead, 'submit_data', 'S1'); // => true
 * can(lead, 'submit_data', 'S2'); // => false
 * can(lead, 'manage_accounts'); // => false
 * ```
 */
export function can(user: PortalUser | null, permission: Permission, siteId?: string): boolean {
  if (!user) return false;
  if (!GRANTS[user.role].includes(permission)) return false;
  if (siteId !== undefined && isSiteRole(user.role)) return user.siteId === siteId;
  return true;
}
