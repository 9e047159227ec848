import { redirect } from '@sveltejs/kit';
import { portalMenuFor } from '$lib/server/portal-navigation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  const user = locals.user;
  if (!user) redirect(303, '/portal/login');
  return { pages: portalMenuFor(user).filter((page) => page.path !== '/portal') };
};
