import { error } from '@sveltejs/kit';
import { can } from '$lib/server/auth/roles';
import { getPortal } from '$lib/server/portal';
import { portalToday } from '$lib/server/submissions/submission-clock';
import { statusCsv } from '$lib/server/submissions/submission-exports';
import { submissionStatus } from '$lib/server/submissions/submission-status';
import type { RequestHandler } from './$types';

// The submission status matrix as CSV, one line per site and month (spreadsheet-safe).
export const GET: RequestHandler = async ({ locals }) => {
  if (!can(locals.user, 'view_submission_status'))
    error(locals.user ? 403 : 401, 'Only the network admin and faculty see every site’s submission status.');
  const portal = await getPortal();
  const today = portalToday();
  const matrix = await submissionStatus(portal.store, portal.reference.sites, today);
  return new Response(statusCsv(matrix), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="submission-status-${today.toISOString().slice(0, 10)}.csv"`,
    },
  });
};
