import type { Permission } from './server/auth/roles.ts';

/** A portal page, as the portal's home page and navigation list it. */
export interface PortalPage {
  path: string;
  label: string;
  description: string;
  /** Shown to users who hold this permission (any site); null = every signed-in user. */
  permission: Permission | null;
}

/**
 * The portal's pages, in the order the home page lists them. A test checks that every
 * entry has a route under /portal and every portal route an entry.
 */
export const portalPages: readonly PortalPage[] = [
  {
    path: '/portal',
    label: 'Portal home',
    description: 'What you can do here, for your role.',
    permission: null,
  },
  {
    path: '/portal/submissions',
    label: 'Monthly submissions',
    description: 'Each month’s data: the latest version, what is due, templates to download.',
    permission: 'view_submission_history',
  },
  {
    path: '/portal/submissions/upload',
    label: 'Upload a month’s data',
    description: 'Upload your site’s monthly CSV, check the preview of errors and changes, then confirm.',
    permission: 'submit_data',
  },
  {
    path: '/portal/submissions/history',
    label: 'Submission history',
    description: 'Every version submitted: who, when, how many lines, and the note.',
    permission: 'view_submission_history',
  },
  {
    path: '/portal/submissions/diff',
    label: 'Compare submission versions',
    description: 'The cells that changed between two versions of a month’s submission.',
    permission: 'view_submission_history',
  },
  {
    path: '/portal/qi',
    label: 'QI log: aims, change ideas and PDSA cycles',
    description:
      'Set aims, log the change ideas you test and each PDSA cycle; cycles are marked on the charts. Faculty and admins read every site’s log.',
    permission: 'view_qi_log',
  },
  {
    path: '/portal/reports',
    label: 'Monthly reports',
    description:
      'Each month’s report: the aims, their charts with targets and PDSA cycles, and the site lead’s narrative. Faculty reply with comments.',
    permission: 'read_reports',
  },
  {
    path: '/portal/submissions/status',
    label: 'Submission status',
    description: 'Which sites have and have not submitted each month, with overdue months.',
    permission: 'view_submission_status',
  },
  {
    path: '/portal/admin/accounts',
    label: 'Accounts',
    description: 'Create accounts, reset passwords, and disable or enable accounts.',
    permission: 'manage_accounts',
  },
  {
    path: '/portal/admin/audit',
    label: 'Audit log',
    description: 'Every change in the portal: who, what and when. Filter it and download it as CSV.',
    permission: 'view_audit_log',
  },
  {
    path: '/portal/admin/backups',
    label: 'Backups',
    description: 'The database’s backups, automatic and manual: take one now, and how to restore one.',
    permission: 'back_up_database',
  },
  {
    path: '/portal/account',
    label: 'Your account',
    description: 'Your name, role and site; change your password.',
    permission: null,
  },
  {
    path: '/portal/login',
    label: 'Sign in',
    description: 'Sign in with your email address and password.',
    permission: null,
  },
  {
    path: '/portal/logout',
    label: 'Sign out',
    description: 'End your session on this device.',
    permission: null,
  },
];
