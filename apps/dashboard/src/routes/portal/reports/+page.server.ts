import { parsePeriod } from '@maternity-qi/network-data';
import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/auth/roles';
import { requireUser } from '$lib/server/form-action';
import { getPortal } from '$lib/server/portal';
import { listReportMonths } from '$lib/server/reports/report-index';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals.user);
  if (!can(user, 'read_reports'))
    error(403, 'Monthly reports are for site teams, faculty and network admins.');
  const { store, reference } = await getPortal();
  // "Open a month" is a GET form (works without JavaScript): send it on to the report's address.
  const site = url.searchParams.get('site');
  const month = url.searchParams.get('period');
  let problem: string | null = null;
  if (site !== null || month !== null) {
    const period = parsePeriod(month ?? '');
    if (!site || !reference.sites.some((candidate) => candidate.site_id === site)) problem = 'Choose a site.';
    else if (!period) problem = `“${month ?? ''}” is not a month: write it YYYY-MM, e.g. 2026-03.`;
    else if (!can(user, 'read_reports', site)) error(403, `You cannot read the reports of site ${site}.`);
    else redirect(303, `/portal/reports/${site}/${period}`);
  }
  return {
    sites: await listReportMonths(store, reference, user),
    problem,
    chosen: { site: site ?? user.siteId ?? '', period: month ?? '' },
  };
};
