import { csvField } from '@maternity-qi/network-data';

// The characters that make Excel, LibreOffice Calc and Google Sheets read a cell as a formula
// (or, for tab and carriage return, that they strip before doing so). OWASP "CSV Injection".
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes one text cell safe to open in a spreadsheet: a cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading `'`, so the spreadsheet shows the text
 * instead of running it as a formula (`=HYPERLINK(...)` in a name could otherwise send a
 * reader's data to another site when they open an export). Numbers are not text and are left
 * as they are, so a negative count stays a number. Use it for every cell of every CSV the
 * portal lets people download; {@link toSpreadsheetSafeCsv} does it for a whole table.
 *
 * Reference: OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection).
 *
 * @example
 * ```ts
 * spreadsheetSafe('=HYPERLINK("https://evil.example","Click")'); // => '\'=HYPERLINK("https://evil.example","Click")'
 * spreadsheetSafe('-2 on last month'); // => "'-2 on last month"
 * spreadsheetSafe('Site A (London)'); // => 'Site A (London)'
 * spreadsheetSafe(-2); // => -2
 * spreadsheetSafe(null); // => null
 * ```
 */
export function spreadsheetSafe<T extends string | number | boolean | null | undefined>(
  value: T,
): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Writes rows as CSV (header line, columns in the order given, CRLF line ends as RFC 4180 and
 * Excel write them, final line end, RFC 4180 quoting) with every text cell passed through {@link spreadsheetSafe}.
 *
 * @example
 * ```ts
 * toSpreadsheetSafeCsv([{ name: '=1+1', n: -3 }], ['name', 'n']); // => "name,n\r\n'=1+1,-3\r\n"
 * toSpreadsheetSafeCsv([{ name: '@a, b' }], ['name']); // => 'name\r\n"\'@a, b"\r\n'
 * ```
 */
export function toSpreadsheetSafeCsv<Row extends object>(
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
): string {
  const lines = [columns.map((column) => csvField(spreadsheetSafe(column))).join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map((column) =>
          csvField(spreadsheetSafe(row[column] as string | number | boolean | null | undefined)),
        )
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
