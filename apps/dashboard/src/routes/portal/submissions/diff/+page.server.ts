import { error } from '@sveltejs/kit';
import { getPortal } from '$lib/server/portal';
import { labelDiff } from '$lib/server/submissions/labelled-diff';
import { siteToSubmitFor, siteToView } from '$lib/server/submissions/submission-scope';
import { listSubmissionVersions } from '$lib/server/submissions/submission-versions';
import { diffStoredVersions, versionPairFromQuery } from '$lib/server/submissions/version-diff';
import type { PageServerLoad } from './$types';

// The cells that changed between any two versions of a site's month. Without a month and two
// versions it offers the choice: the months with more than one version.
export const load: PageServerLoad = async ({ locals, url }) => {
  const portal = await getPortal();
  const scope = siteToView(locals.user, url.searchParams.get('site'), portal.siteIds);
  if (!scope.ok) error(scope.status, scope.message);
  const sites = portal.reference.sites.map((s) => ({ siteId: s.site_id, name: s.display_name }));
  const base = { sites, canSubmit: siteToSubmitFor(locals.user).ok };
  if (scope.siteId === null)
    return { ...base, siteId: null, siteName: null, resubmitted: [], pair: null, diff: null };
  const siteName = sites.find((s) => s.siteId === scope.siteId)?.name ?? scope.siteId;

  const pair = versionPairFromQuery(url.searchParams);
  if (typeof pair === 'string') error(400, pair);
  if (pair === null) {
    const versions = await listSubmissionVersions(portal.store, scope.siteId);
    const latest = new Map<string, number>();
    for (const v of versions) latest.set(v.period, Math.max(latest.get(v.period) ?? 0, v.version));
    const resubmitted = [...latest]
      .filter(([, n]) => n > 1)
      .map(([period, versionCount]) => ({ period, versionCount }));
    return { ...base, siteId: scope.siteId, siteName, resubmitted, pair: null, diff: null };
  }
  const result = await diffStoredVersions(portal.store, scope.siteId, pair);
  if (!result.ok) error(404, result.message);
  return {
    ...base,
    siteId: scope.siteId,
    siteName,
    resubmitted: [],
    pair,
    diff: labelDiff(result.diff, portal.reference),
  };
};
