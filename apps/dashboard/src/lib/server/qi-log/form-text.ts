/**
 * Reads a decimal number typed into a form: digits with an optional decimal point, spaces
 * around allowed. Blank gives null; anything else that is not such a number gives NaN, so
 * the caller can say "enter a number" rather than silently storing 0.
 *
 * @example
 * ```ts
 * readDecimal(' 65.5 '); // => 65.5
 * readDecimal(''); // => null
 * readDecimal('65%'); // => NaN
 * readDecimal('-3'); // => -3
 * ```
 */
export function readDecimal(text: string | undefined): number | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * Trims a text field and folds Windows line endings, so stored text compares equal however
 * the browser sent it.
 *
 * @example
 * ```ts
 * cleanText('  Phone ten referrals.\r\n '); // => 'Phone ten referrals.'
 * cleanText(undefined); // => ''
 * ```
 */
export function cleanText(text: string | undefined): string {
  return (text ?? '').replaceAll('\r\n', '\n').trim();
}
