import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { audienceOf, type PortalUser } from '../auth/roles.ts';
import type { Portal } from '../portal.ts';
import { audienceKey } from './audience-key.ts';

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.csv': 'text/csv; charset=utf-8',
};

/** Where the published files of every audience live: `<dir>/<audience>/current/...`. */
export function audiencesDir(): string {
  return process.env.PORTAL_AUDIENCE_DIR ?? path.resolve('.portal/audiences');
}

/**
 * Answers GET /data/<file> from the signed-in user's audience folder only: a file that is
 * not in that folder (another site's, or detail the advisory group may not see) is a 404,
 * so nothing outside the user's scope can be named into view.
 */
export async function serveAudienceFile(
  _portal: Portal,
  user: PortalUser,
  relative: string,
  request: Request,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response('Method not allowed.', { status: 405 });
  const root = path.join(audiencesDir(), audienceKey(audienceOf(user)), 'current');
  const decoded = decodeURIComponent(relative);
  const file = path.resolve(root, decoded);
  if (!file.startsWith(root + path.sep) || decoded.includes('\0'))
    return new Response('Not found.', { status: 404 });
  try {
    const info = await stat(file);
    if (!info.isFile()) return new Response('Not found.', { status: 404 });
    const body = request.method === 'HEAD' ? null : await readFile(file);
    // Hashed names never change; the manifest and index files are revalidated on every visit.
    const hashed = /\.[0-9a-f]{12}\.(arrow|json)$/.test(file);
    return new Response(body, {
      headers: {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': String(info.size),
        'cache-control': hashed ? 'private, max-age=31536000, immutable' : 'private, no-cache',
      },
    });
  } catch {
    return new Response('Not found.', { status: 404 });
  }
}
