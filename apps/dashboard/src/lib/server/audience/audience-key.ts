import type { Audience } from '../auth/roles.ts';

/** The folder of what anonymous visitors may fetch: the published national statistics only. */
export const PUBLIC_AUDIENCE_KEY = 'public';

/**
 * The folder name of an audience's files: `network`, `advisory` or `site-<id>`.
 *
 * @example
 * ```ts
 * audienceKey({ kind: 'site', siteId: 'S1' }); // => 'site-S1'
 * ```
 */
export function audienceKey(audience: Audience): string {
  return audience.kind === 'site' ? `site-${audience.siteId.replace(/[^A-Za-z0-9_-]/g, '_')}` : audience.kind;
}
