import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { isSameOrigin, isWriteMethod, mayRequest } from '$lib/server/access-policy';
import { startAutomaticBackups } from '$lib/server/admin/backup-schedule';
import { startAudiencePublishing, stopAudiencePublishing } from '$lib/server/audience/audience-publishing';
import { serveAudienceFile } from '$lib/server/audience/serve-audience-file';
import { SESSION_COOKIE, userForSession } from '$lib/server/auth/sessions';
import { closePortal, getPortal } from '$lib/server/portal';

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * Opens the database at start (printing the demo accounts), starts the automatic backups and
 * publishing every audience's /data/ files in the background (the server answers at once; pages say their
 * data is being prepared until the files exist), and closes both cleanly on shutdown.
 */
export const init: ServerInit = async () => {
  if (building || !__PORTAL__) return;
  const portal = await getPortal();
  startAudiencePublishing(portal);
  const backups = startAutomaticBackups(portal.store, portal.backups, { state: portal.backupState });
  process.on('sveltekit:shutdown', () => {
    backups.stop();
    stopAudiencePublishing();
    void closePortal();
  });
};

/**
 * The portal's front door (adapter-node build only; the public static build prerenders
 * without it): refuses cross-origin writes, finds the signed-in user, sends anyone without
 * a session to sign in, and serves /data/ from the user's own audience files (anonymous
 * visitors: the published national statistics only).
 */
export const handle: Handle = async ({ event, resolve }) => {
  event.locals.user = null;
  event.locals.sessionToken = null;
  if (building || !__PORTAL__) return resolve(event);

  const { request, url } = event;
  if (isWriteMethod(request.method) && !isSameOrigin(request, url.origin)) {
    return new Response('Cross-origin request refused.', { status: 403 });
  }
  const portal = await getPortal();
  const token = event.cookies.get(SESSION_COOKIE);
  const user = await userForSession(portal.store, token);
  event.locals.user = user;
  event.locals.sessionToken = user && token ? token : null;

  if (!mayRequest(user, url.pathname)) {
    const wantsPage = request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
    if (wantsPage) {
      const next = encodeURIComponent(url.pathname + url.search);
      return new Response(null, { status: 303, headers: { location: `/portal/login?next=${next}` } });
    }
    return new Response('Sign in to see this.', { status: 401, headers: { 'content-type': 'text/plain' } });
  }
  if (url.pathname.startsWith('/data/')) {
    const response = await serveAudienceFile(portal, user, url.pathname.slice('/data/'.length), request);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
    return response;
  }
  const response = await resolve(event);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // Pages and answers carrying one person's or one site's data must not be cached by proxies.
  if (user) response.headers.set('cache-control', 'private, no-store');
  return response;
};
