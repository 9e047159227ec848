import { fail, redirect } from '@sveltejs/kit';
import { checkCredentials } from '$lib/server/auth/accounts';
import { waitInMinutes } from '$lib/server/auth/login-rate-limit';
import { recordRefusedSignIn, SESSION_COOKIE, SESSION_HOURS, startSession } from '$lib/server/auth/sessions';
import { getPortal } from '$lib/server/portal';
import type { Actions, PageServerLoad } from './$types';

// Only same-site paths: an open redirect would let a phishing link borrow the portal's name.
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/portal';
}

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
  return { next: safeNext(url.searchParams.get('next')) };
};

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const next = safeNext(String(form.get('next') ?? ''));
    if (!email || !password) return fail(400, { email, message: 'Enter your email address and password.' });

    const portal = await getPortal();
    const address = getClientAddress();
    const wait = portal.loginLimit.retryAfterMs(email, address);
    if (wait > 0) {
      setHeaders({ 'retry-after': String(Math.ceil(wait / 1000)) });
      return fail(429, {
        email,
        message: `Too many failed sign-ins. Try again in ${waitInMinutes(wait)}, or ask your network admin to reset your password.`,
      });
    }
    const user = await checkCredentials(portal.store, email, password);
    if (!user) {
      portal.loginLimit.recordFailure(email, address);
      await recordRefusedSignIn(portal.store, email, address);
      return fail(400, { email, message: 'That email address and password do not match an active account.' });
    }
    portal.loginLimit.recordSuccess(email);
    const token = await startSession(portal.store, user.accountId, {
      accountId: user.accountId,
      email: user.email,
    });
    cookies.set(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
      maxAge: SESSION_HOURS * 3600,
    });
    redirect(303, next);
  },
};
