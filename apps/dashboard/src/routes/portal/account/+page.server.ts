import { fail } from '@sveltejs/kit';
import { AccountError } from '$lib/server/auth/accounts';
import { changeOwnPassword } from '$lib/server/auth/change-own-password';
import { waitInMinutes } from '$lib/server/auth/login-rate-limit';
import { ROLE_LABELS } from '$lib/server/auth/roles';
import { requireUser } from '$lib/server/form-action';
import { getPortal } from '$lib/server/portal';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const user = requireUser(locals.user);
  const { reference } = await getPortal();
  return {
    displayName: user.displayName,
    email: user.email,
    roleLabel: ROLE_LABELS[user.role],
    site: user.siteId
      ? (reference.sites.find((site) => site.site_id === user.siteId)?.display_name ?? user.siteId)
      : null,
  };
};

export const actions: Actions = {
  changePassword: async ({ locals, request, getClientAddress, setHeaders }) => {
    const user = requireUser(locals.user);
    const form = await request.formData();
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const portal = await getPortal();
    // Guessing the current password from a session left open counts as failed sign-ins.
    const address = getClientAddress();
    const wait = portal.loginLimit.retryAfterMs(user.email, address);
    if (wait > 0) {
      setHeaders({ 'retry-after': String(Math.ceil(wait / 1000)) });
      return fail(429, {
        field: 'current',
        message: `Too many wrong passwords. Try again in ${waitInMinutes(wait)}.`,
      });
    }
    try {
      const { endedSessions } = await changeOwnPassword(portal.store, user, locals.sessionToken ?? '', {
        current: text('current'),
        password: text('password'),
        confirm: text('confirm'),
      });
      return {
        done: `Your password is changed.${endedSessions > 0 ? ` ${endedSessions === 1 ? 'Your other session was' : `Your ${endedSessions} other sessions were`} signed out.` : ''}`,
      };
    } catch (problem) {
      if (problem instanceof AccountError) {
        // A wrong guess counts; an empty box is not a guess.
        if (problem.field === 'current' && text('current') !== '')
          portal.loginLimit.recordFailure(user.email, address);
        return fail(400, { field: problem.field, message: problem.message });
      }
      throw problem;
    }
  },
};
