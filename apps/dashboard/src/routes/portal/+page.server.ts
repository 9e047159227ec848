import { redirect } from '@sveltejs/kit';
import { portalPages } from '$lib/portal-map';
import { can } from '$lib/server/auth/roles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  const user = locals.user;
  if (!user) redirect(303, '/portal/login');
  const pages = portalPages.filter(
    (page) =>
      page.path !== '/portal' &&
      page.path !== '/portal/login' &&
      page.path !== '/portal/logout' &&
      (page.permission === null || can(user, page.permission)),
  );
  return { pages };
};
