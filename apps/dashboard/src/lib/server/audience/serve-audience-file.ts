import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { audienceOf, type PortalUser } from '../auth/roles.ts';
import type { Portal } from '../portal.ts';
import { currentGeneration, resolveAudienceFile } from './audience-generations.ts';
import { audienceKey, PUBLIC_AUDIENCE_KEY } from './audience-key.ts';
import { audiencesDir, publishingState } from './audience-publishing.ts';

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.csv': 'text/csv; charset=utf-8',
};

/** Seconds a page waits before asking again while its audience's first files are being written. */
export const PREPARING_RETRY_SECONDS = 3;

/**
 * Answers GET /data/<file> from the signed-in user's audience folder only (anonymous
 * visitors: the public folder, national statistics only): a file that is not in that folder
 * (another site's, or detail the advisory group may not see) is a 404, so nothing outside
 * the user's scope can be named into view. Before the audience's first
 * publish has finished the answer is 503 with Retry-After (the pages say the data is being
 * prepared and ask again); 500 if publishing failed.
 */
export async function serveAudienceFile(
  _portal: Portal,
  user: PortalUser | null,
  relative: string,
  request: Request,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response('Method not allowed.', { status: 405 });
  const audienceDir = path.join(audiencesDir(), user ? audienceKey(audienceOf(user)) : PUBLIC_AUDIENCE_KEY);
  if (!currentGeneration(audienceDir)) {
    if (publishingState.lastError && !publishingState.firstDone)
      return text(
        500,
        'Your data could not be prepared. The server log says why; tell the network’s data team.',
      );
    return text(503, 'Your data is being prepared. Try again in a few seconds.', {
      'retry-after': String(PREPARING_RETRY_SECONDS),
    });
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return text(404, 'Not found.');
  }
  const file = resolveAudienceFile(audienceDir, decoded);
  if (!file) return text(404, 'Not found.');
  try {
    const info = await stat(file);
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
    // Removed between finding and reading it (an old generation past its grace period).
    return text(404, 'Not found.');
  }
}

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
