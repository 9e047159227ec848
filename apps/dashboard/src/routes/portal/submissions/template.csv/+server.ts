import { error } from '@sveltejs/kit';
import { getPortal } from '$lib/server/portal';
import { portalToday } from '$lib/server/submissions/submission-clock';
import { submittableMonthProblem } from '$lib/server/submissions/submission-months';
import { siteToSubmitFor } from '$lib/server/submissions/submission-scope';
import { siteSubmissionTemplate, templateFileName } from '$lib/server/submissions/submission-template';
import type { RequestHandler } from './$types';

// The month's template for the signed-in site account, prefilled with its site and the month.
export const GET: RequestHandler = async ({ locals, url }) => {
  const scope = siteToSubmitFor(locals.user);
  if (!scope.ok) error(scope.status, scope.message);
  const period = url.searchParams.get('period');
  const problem = submittableMonthProblem(period, portalToday());
  if (problem || period === null) error(400, problem ?? 'Choose a month.');
  const portal = await getPortal();
  return new Response(siteSubmissionTemplate(portal.reference, scope.siteId, period), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${templateFileName(scope.siteId, period)}"`,
    },
  });
};
