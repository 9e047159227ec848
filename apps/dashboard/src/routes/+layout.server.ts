import type { LayoutServerLoad } from './$types';

// In the portal build every page knows who is signed in (for the header); in the public
// static build this runs at prerender time and there is never a user.
export const load: LayoutServerLoad = ({ locals }) => ({
  user: locals.user
    ? { displayName: locals.user.displayName, role: locals.user.role, siteId: locals.user.siteId }
    : null,
  portal: __PORTAL__,
});
