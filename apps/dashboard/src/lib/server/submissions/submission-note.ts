/** The longest note kept with a version (a sentence or two on what changed and why). */
export const MAX_NOTE_LENGTH = 1000;

/**
 * A submitter's optional note, trimmed (null when empty), or an error message when too long.
 *
 * @example
 * ```ts
 * submissionNote('  Bookings from one clinic were missing. '); // => { ok: true, note: 'Bookings from one clinic were missing.' }
 * submissionNote(''); // => { ok: true, note: null }
 * submissionNote('x'.repeat(1001)).ok; // => false
 * ```
 */
export function submissionNote(
  text: string | null | undefined,
): { ok: true; note: string | null } | { ok: false; message: string } {
  const note = (text ?? '').trim();
  if (note.length > MAX_NOTE_LENGTH)
    return {
      ok: false,
      message: `The note is ${note.length} characters; keep it to ${MAX_NOTE_LENGTH} (say what changed and why).`,
    };
  return { ok: true, note: note === '' ? null : note };
}
