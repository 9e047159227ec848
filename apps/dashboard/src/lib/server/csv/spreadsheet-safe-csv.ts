import { csvField } from '@maternity-qi/network-data';
import { neutraliseSpreadsheetCell } from './spreadsheet-safe.ts';

/** A value an exported cell may hold; null and undefined become an empty cell. */
export type ExportCell = string | number | null | undefined;

/**
 * Writes rows as CSV for people to open in a spreadsheet: a header line, the columns in the
 * order given, every cell passed through `neutraliseSpreadsheetCell` (so nothing a user typed,
 * such as a submission note, can run as a formula) and quoted as RFC 4180 asks. CRLF line
 * ends, as Excel writes them. Numbers are written as they are (counts are never negative).
 *
 * @example
 * ```ts
 * toSpreadsheetSafeCsv([{ version: 2, note: '=1+1' }], ['version', 'note']);
 * // => "version,note\r\n2,'=1+1\r\n"
 * ```
 */
export function toSpreadsheetSafeCsv<Row extends Record<string, ExportCell>>(
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
): string {
  const line = (cells: readonly ExportCell[]) =>
    cells
      .map((cell) =>
        csvField(cell === null || cell === undefined ? '' : neutraliseSpreadsheetCell(String(cell))),
      )
      .join(',');
  return `${[line(columns), ...rows.map((row) => line(columns.map((c) => row[c])))].join('\r\n')}\r\n`;
}
