import { audienceOf } from '$lib/server/auth/roles';
import type { PageAudience } from '$lib/site-map';
import type { LayoutServerLoad } from './$types';

// In the portal build every page knows who is signed in (for the header) and whose data
// their browser gets (for the navigation); in the public static build this runs at
// prerender time and there is never a user.
export const load: LayoutServerLoad = ({ locals }) => {
  const audience: PageAudience | null = !__PORTAL__
    ? null
    : locals.user
      ? audienceOf(locals.user).kind
      : 'public';
  return {
    user: locals.user
      ? { displayName: locals.user.displayName, role: locals.user.role, siteId: locals.user.siteId }
      : null,
    portal: __PORTAL__,
    audience,
  };
};
