import { error } from '@sveltejs/kit';
import { getPortal } from '$lib/server/portal';
import { diffCsv } from '$lib/server/submissions/submission-exports';
import { siteToView } from '$lib/server/submissions/submission-scope';
import { diffStoredVersions, versionPairFromQuery } from '$lib/server/submissions/version-diff';
import type { RequestHandler } from './$types';

// The differences between two versions of a site's month as CSV (spreadsheet-safe).
export const GET: RequestHandler = async ({ locals, url }) => {
  const portal = await getPortal();
  const scope = siteToView(locals.user, url.searchParams.get('site'), portal.siteIds);
  if (!scope.ok) error(scope.status, scope.message);
  if (scope.siteId === null) error(400, 'Choose a site: add ?site= (for example ?site=S1).');
  const pair = versionPairFromQuery(url.searchParams);
  if (pair === null) error(400, 'Say which month and versions: ?period=YYYY-MM&from=1&to=2.');
  if (typeof pair === 'string') error(400, pair);
  const result = await diffStoredVersions(portal.store, scope.siteId, pair);
  if (!result.ok) error(404, result.message);
  return new Response(diffCsv({ siteId: scope.siteId, ...pair }, result.diff), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="submission-diff-${scope.siteId}-${pair.period}-v${pair.from}-v${pair.to}.csv"`,
    },
  });
};
