import { redirect } from '@sveltejs/kit';
import { endSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { getPortal } from '$lib/server/portal';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link or image could otherwise sign people out); GET just goes home.
export const load: PageServerLoad = () => redirect(303, '/portal');

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    if (locals.sessionToken && locals.user)
      await endSession((await getPortal()).store, locals.sessionToken, {
        accountId: locals.user.accountId,
        email: locals.user.email,
      });
    cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/portal/login');
  },
};
