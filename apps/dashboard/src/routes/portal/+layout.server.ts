import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!__PORTAL__) error(404, 'The portal runs only in the server build.');
  if (!locals.user && !url.pathname.startsWith('/portal/login')) error(401, 'Sign in to see this.');
  return { user: locals.user };
};
