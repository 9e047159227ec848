import { error } from '@sveltejs/kit';
import { getPortal } from '$lib/server/portal';
import { historyCsv } from '$lib/server/submissions/submission-exports';
import { isPeriodText } from '$lib/server/submissions/submission-months';
import { siteToView } from '$lib/server/submissions/submission-scope';
import { listSubmissionVersions } from '$lib/server/submissions/submission-versions';
import type { RequestHandler } from './$types';

// A site's submission history as CSV (spreadsheet-safe: notes are free text).
export const GET: RequestHandler = async ({ locals, url }) => {
  const portal = await getPortal();
  const scope = siteToView(locals.user, url.searchParams.get('site'), portal.siteIds);
  if (!scope.ok) error(scope.status, scope.message);
  if (scope.siteId === null) error(400, 'Choose a site: add ?site= (for example ?site=S1).');
  const period = url.searchParams.get('period') || null;
  if (period !== null && !isPeriodText(period))
    error(400, `The month “${period.slice(0, 20)}” is not written YYYY-MM.`);
  const versions = await listSubmissionVersions(portal.store, scope.siteId, period ?? undefined);
  return new Response(historyCsv(versions), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="submission-history-${scope.siteId}${period ? `-${period}` : ''}.csv"`,
    },
  });
};
