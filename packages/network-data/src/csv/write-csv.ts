/**
 * Quotes one CSV field when it needs it (a comma, a double quote or a line break), doubling
 * embedded quotes, as RFC 4180 asks. Numbers are written with `String()`; null and undefined
 * become an empty field (how the submission format spells "not submitted").
 *
 * @example
 * ```ts
 * csvField('Site A (London)'); // => 'Site A (London)'
 * csvField('per 1,000 "births"'); // => '"per 1,000 ""births"""'
 * csvField(null); // => ''
 * ```
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as CSV text with a header line, columns in the order given, LF line ends and a
 * final newline (so files diff cleanly in git and concatenate safely).
 *
 * @example
 * ```ts
 * toCsv([{ a: 1, b: 'x,y' }], ['a', 'b']); // => 'a,b\n1,"x,y"\n'
 * ```
 */
export function toCsv<Row extends object>(
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
): string {
  const lines = [columns.join(',')];
  for (const row of rows) {
    lines.push(
      columns.map((c) => csvField(row[c] as string | number | boolean | null | undefined)).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
