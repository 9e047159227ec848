import { error } from '@sveltejs/kit';
import { auditLogCsv } from '$lib/server/admin/audit-log-csv';
import { auditLogEntries } from '$lib/server/admin/audit-log-query';
import { can } from '$lib/server/auth/roles';
import { getPortal } from '$lib/server/portal';
import type { RequestHandler } from './$types';

// Only the portal build serves this (it reads the database per request).
export const prerender = false;

/** The audit log as CSV, with the same filters as the audit page; formula cells neutralised. */
export const GET: RequestHandler = async ({ locals, url }) => {
  if (!__PORTAL__) error(404, 'The portal runs only in the server build.');
  if (!can(locals.user, 'view_audit_log')) error(403, 'Only network admins can read the audit log.');
  const entries = await auditLogEntries((await getPortal()).store, {
    actionPrefix: url.searchParams.get('action') ?? '',
    email: url.searchParams.get('email') ?? '',
  });
  const day = new Date().toISOString().slice(0, 10);
  // The byte order mark makes Excel read the file as UTF-8 (names with accents stay intact).
  return new Response(`\uFEFF${auditLogCsv(entries)}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="portal-audit-log-${day}.csv"`,
    },
  });
};
