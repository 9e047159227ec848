/**
 * Reads CSV text into rows that remember their line in the file, so that
 * every later message (a bad cell, a library error about point 14) can send
 * the user to the exact line. Parsing is papaparse's (quotes, embedded
 * newlines, delimiter detection); the line bookkeeping is ours, from the
 * character offset papaparse reports after each row.
 */
import Papa from 'papaparse';
import { CliError } from './cli-error.js';

export interface CsvRow {
  /** 1-based line of the file on which the row starts. */
  line: number;
  /** Cells in column order, as text (quotes removed). */
  cells: string[];
}

export interface CsvTable {
  /** Header names, trimmed. */
  columns: string[];
  rows: CsvRow[];
}

/**
 * Parses `text` (with a header row) from `source` (a file name, for messages).
 * Blank lines are skipped; a row with a different number of fields from the
 * header is an error naming its line.
 *
 * @example
 * readCsv('period,breaches\n2017-03-01,2879\n2017-04-01,2547\n', 'ae.csv');
 * // { columns: ['period', 'breaches'], rows: [{ line: 2, cells: ['2017-03-01', '2879'] }, { line: 3, ... }] }
 */
export function readCsv(text: string, source: string): CsvTable {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text; // Excel's byte-order mark
  const records: CsvRow[] = [];
  let offset = 0; // where the current record starts
  let line = 1; // the line at `offset`
  let parseError: string | null = null;

  Papa.parse<string[]>(body, {
    header: false,
    step(result) {
      const end = result.meta.cursor;
      const startLine = line;
      for (let i = offset; i < end; i++) if (body.charCodeAt(i) === 10) line++;
      offset = end;
      const fatal = result.errors.find((error) => error.type !== 'Delimiter');
      if (fatal && parseError === null) parseError = `${source} line ${startLine}: ${fatal.message}`;
      const cells = result.data;
      if (cells.length === 1 && (cells[0] ?? '').trim() === '') return; // blank line
      records.push({ line: startLine, cells });
    },
  });
  if (parseError !== null) throw new CliError(`cannot parse CSV: ${parseError}`);

  const header = records.shift();
  if (!header) throw new CliError(`${source} is empty: expected a header row and data rows`);
  const columns = header.cells.map((name) => name.trim());
  for (const row of records) {
    if (row.cells.length !== columns.length) {
      throw new CliError(
        `${source} line ${row.line} has ${row.cells.length} fields but the header has ${columns.length}`,
      );
    }
  }
  return { columns, rows: records };
}
