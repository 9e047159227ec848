import { error } from '@sveltejs/kit';
import { getPortal } from '$lib/server/portal';
import { portalToday } from '$lib/server/submissions/submission-clock';
import { isOverdue, submissionDeadline } from '$lib/server/submissions/submission-deadline';
import { submittableMonths } from '$lib/server/submissions/submission-months';
import { siteToSubmitFor, siteToView } from '$lib/server/submissions/submission-scope';
import { listSubmissionVersions } from '$lib/server/submissions/submission-versions';
import type { PageServerLoad } from './$types';

// A site's months at a glance: which have data, the latest version, and what to do next.
// Site roles see their own site; network admin and faculty choose a site (read-only).
export const load: PageServerLoad = async ({ locals, url }) => {
  const portal = await getPortal();
  const scope = siteToView(locals.user, url.searchParams.get('site'), portal.siteIds);
  if (!scope.ok) error(scope.status, scope.message);
  const sites = portal.reference.sites.map((s) => ({ siteId: s.site_id, name: s.display_name }));
  if (scope.siteId === null) return { siteId: null, siteName: null, sites, months: [], canSubmit: false };

  const today = portalToday();
  const versions = await listSubmissionVersions(portal.store, scope.siteId);
  const months = submittableMonths(today).map((period) => {
    const ofMonth = versions.filter((v) => v.period === period);
    const latest = ofMonth[0] ?? null;
    return {
      period,
      versions: ofMonth.length,
      latestVersion: latest?.version ?? null,
      submittedAt: latest?.submittedAt ?? null,
      rowCount: latest?.rowCount ?? null,
      deadline: submissionDeadline(period),
      overdue: latest === null && isOverdue(period, today),
    };
  });
  return {
    siteId: scope.siteId,
    siteName: sites.find((s) => s.siteId === scope.siteId)?.name ?? scope.siteId,
    sites,
    months,
    canSubmit: siteToSubmitFor(locals.user).ok,
  };
};
