import { error } from '@sveltejs/kit';
import { getPortal } from '$lib/server/portal';
import { isPeriodText } from '$lib/server/submissions/submission-months';
import { siteToSubmitFor, siteToView } from '$lib/server/submissions/submission-scope';
import { listSubmissionVersions } from '$lib/server/submissions/submission-versions';
import type { PageServerLoad } from './$types';

// Every version a site has submitted (one month's with ?period=): who, when, how many lines,
// the note; with a form to compare any two versions of a month.
export const load: PageServerLoad = async ({ locals, url }) => {
  const portal = await getPortal();
  const scope = siteToView(locals.user, url.searchParams.get('site'), portal.siteIds);
  if (!scope.ok) error(scope.status, scope.message);
  const sites = portal.reference.sites.map((s) => ({ siteId: s.site_id, name: s.display_name }));
  const period = url.searchParams.get('period');
  if (period !== null && period !== '' && !isPeriodText(period))
    error(400, `The month “${period.slice(0, 20)}” is not written YYYY-MM.`);
  const storedParam = Number(url.searchParams.get('stored'));
  const base = { sites, period: period || null, canSubmit: siteToSubmitFor(locals.user).ok };
  if (scope.siteId === null) return { ...base, siteId: null, siteName: null, versions: [], stored: null };
  const versions = await listSubmissionVersions(portal.store, scope.siteId, period || undefined);
  return {
    ...base,
    siteId: scope.siteId,
    siteName: sites.find((s) => s.siteId === scope.siteId)?.name ?? scope.siteId,
    versions: versions.map((v) => ({
      period: v.period,
      version: v.version,
      submittedAt: v.submittedAt,
      submitter: v.submitterName
        ? `${v.submitterName} (${v.submitterEmail})`
        : v.submittedBy
          ? v.submittedBy
          : 'Imported',
      rowCount: v.rowCount,
      note: v.note,
    })),
    // After confirming, the page says which version was just stored.
    stored: Number.isInteger(storedParam) && storedParam > 0 && period ? storedParam : null,
  };
};
