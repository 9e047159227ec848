import { error } from '@sveltejs/kit';
import { portalMenuFor } from '$lib/server/portal-navigation';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!__PORTAL__) error(404, 'The portal runs only in the server build.');
  if (!locals.user && !url.pathname.startsWith('/portal/login')) error(401, 'Sign in to see this.');
  const menu = locals.user ? portalMenuFor(locals.user).map(({ path, label }) => ({ path, label })) : [];
  return { user: locals.user, menu };
};
