import { error, redirect } from '@sveltejs/kit';
import { can, isSiteRole } from '$lib/server/auth/roles';
import { requireUser } from '$lib/server/form-action';
import { getPortal } from '$lib/server/portal';
import type { PageServerLoad } from './$types';

// Site roles go straight to their own site's log; faculty and admins choose a site.
export const load: PageServerLoad = async ({ locals }) => {
  const user = requireUser(locals.user);
  if (!can(user, 'view_qi_log')) error(403, 'The QI logs are for site teams, faculty and network admins.');
  if (isSiteRole(user.role) && user.siteId) redirect(303, `/portal/qi/${user.siteId}`);
  const { store, reference } = await getPortal();
  const counts = await store.all<{ site_id: string; aims: number; cycles: number; latest: string | null }>(
    `SELECT aims.site_id, count(DISTINCT aims.aim_id) AS aims, count(pdsa.pdsa_id) AS cycles,
            max(pdsa.start_period) AS latest
     FROM aims LEFT JOIN change_ideas AS idea USING (aim_id) LEFT JOIN pdsa_cycles AS pdsa USING (change_idea_id)
     GROUP BY aims.site_id`,
  );
  const bySite = new Map(counts.map((row) => [row.site_id, row]));
  return {
    sites: reference.sites.map((site) => ({
      siteId: site.site_id,
      name: site.display_name,
      aims: bySite.get(site.site_id)?.aims ?? 0,
      cycles: bySite.get(site.site_id)?.cycles ?? 0,
      latest: bySite.get(site.site_id)?.latest ?? null,
    })),
  };
};
