import type { Period } from '@maternity-qi/network-data';
import type { Store } from '../db/store.ts';
import { diffSubmissionRows, type SubmissionDiff } from './submission-diff.ts';
import { isPeriodText } from './submission-months.ts';
import { submissionVersionCells } from './submission-versions.ts';

/** Which two versions of which month to compare, as a page or download asks. */
export interface VersionPair {
  period: Period;
  from: number;
  to: number;
}

/**
 * Reads `period`, `from` and `to` from a URL's query: null when any is missing (the page then
 * offers a form), an error message when one is malformed.
 *
 * @example
 * ```ts
 * versionPairFromQuery(new URLSearchParams('period=2026-10&from=1&to=2')); // => { period: '2026-10', from: 1, to: 2 }
 * versionPairFromQuery(new URLSearchParams('period=2026-10')); // => null
 * versionPairFromQuery(new URLSearchParams('period=2026-10&from=one&to=2')); // => 'Versions are whole numbers from 1: “one” is not.'
 * ```
 */
export function versionPairFromQuery(query: URLSearchParams): VersionPair | string | null {
  const period = query.get('period');
  const from = query.get('from');
  const to = query.get('to');
  if (!period || !from || !to) return null;
  if (!isPeriodText(period)) return `The month “${period.slice(0, 20)}” is not written YYYY-MM.`;
  for (const text of [from, to])
    if (!/^[1-9]\d{0,5}$/.test(text))
      return `Versions are whole numbers from 1: “${text.slice(0, 20)}” is not.`;
  return { period, from: Number(from), to: Number(to) };
}

/**
 * The difference between two stored versions of a site's month (any two, either order), or
 * a message when one of them does not exist.
 *
 * @example
 * ```ts
 * const result = await diffStoredVersions(store, 'S1', { period: '2026-10', from: 1, to: 2 });
 * result.ok && result.diff.changed.length; // => 3
 * ```
 */
export async function diffStoredVersions(
  store: Pick<Store, 'all'>,
  siteId: string,
  pair: VersionPair,
): Promise<{ ok: true; diff: SubmissionDiff } | { ok: false; message: string }> {
  const existing = new Set(
    (
      await store.all<{ version: number }>(
        'SELECT version FROM submission_versions WHERE site_id = ? AND period = ?',
        [siteId, pair.period],
      )
    ).map((r) => r.version),
  );
  for (const version of [pair.from, pair.to])
    if (!existing.has(version))
      return {
        ok: false,
        message: `${siteId} has no version ${version} of ${pair.period}${existing.size > 0 ? ` (versions: ${[...existing].sort((a, b) => a - b).join(', ')})` : ' (nothing stored for that month)'}.`,
      };
  const [before, after] = await Promise.all([
    submissionVersionCells(store, siteId, pair.period, pair.from),
    submissionVersionCells(store, siteId, pair.period, pair.to),
  ]);
  return { ok: true, diff: diffSubmissionRows(before, after) };
}
