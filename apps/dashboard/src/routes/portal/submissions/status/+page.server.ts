import { error } from '@sveltejs/kit';
import { can } from '$lib/server/auth/roles';
import { getPortal } from '$lib/server/portal';
import { portalToday } from '$lib/server/submissions/submission-clock';
import {
  MONTH_STATUS_LABELS,
  MONTH_STATUSES,
  submissionStatus,
} from '$lib/server/submissions/submission-status';
import type { PageServerLoad } from './$types';

// Who has and has not submitted: every site by the last 12 months (network admin, faculty).
export const load: PageServerLoad = async ({ locals }) => {
  if (!can(locals.user, 'view_submission_status'))
    error(locals.user ? 403 : 401, 'Only the network admin and faculty see every site’s submission status.');
  const portal = await getPortal();
  const today = portalToday();
  const matrix = await submissionStatus(portal.store, portal.reference.sites, today);
  return {
    matrix,
    today: today.toISOString().slice(0, 10),
    statuses: MONTH_STATUSES.map((status) => ({ status, label: MONTH_STATUS_LABELS[status] })),
  };
};
