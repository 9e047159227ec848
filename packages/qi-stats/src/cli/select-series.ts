/**
 * From a parsed CSV to the arrays the library takes: keep the rows that pass
 * every `--where` filter, put them in x order, then read the x, y and n
 * columns. Real files hold
 * many series (one per trust and department type in the A&E file), so the
 * filters come first and each reports how many rows it matched when the
 * combination matches none.
 */
import type { RowFilter } from './args.js';
import { CliError } from './cli-error.js';
import type { CsvRow, CsvTable } from './read-csv.js';

export interface Series {
  /** File line of each observation, for messages about a point. */
  lines: number[];
  /** x labels: numbers when every cell is a number (so 10 sorts after 9), else text. */
  x: Array<string | number> | null;
  y: Array<number | null>;
  n: Array<number | null> | null;
}

/** Cells read as missing rather than as a mistake: empty, and R's NA. */
const MISSING = new Set(['', 'NA']);
/** A plain decimal number, optionally signed, optionally with an exponent: no thousands separators. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * @example
 * const table = readCsv('org,breaches,attendances\nRF4,10,100\nR1H,5,50\n', 'ae.csv');
 * selectSeries(table, { x: null, y: 'breaches', n: 'attendances', where: [{ column: 'org', value: 'RF4', text: 'org=RF4' }] }, 'ae.csv');
 * // { lines: [2], x: null, y: [10], n: [100] }
 */
export function selectSeries(
  table: CsvTable,
  choice: { x: string | null; y: string; n: string | null; where: ReadonlyArray<RowFilter> },
  source: string,
): Series {
  const columnIndex = (name: string, flag: string): number => {
    const index = table.columns.indexOf(name);
    if (index < 0) {
      throw new CliError(
        `column '${name}' (${flag}) is not in ${source}; available columns: ${table.columns.join(', ')}`,
      );
    }
    return index;
  };

  const filters = choice.where.map((filter) => ({ ...filter, index: columnIndex(filter.column, '--where') }));
  const yIndex = columnIndex(choice.y, '--y');
  const nIndex = choice.n === null ? null : columnIndex(choice.n, '--n');
  const xIndex = choice.x === null ? null : columnIndex(choice.x, '--x');

  let rows = table.rows.filter((row) => filters.every((f) => row.cells[f.index] === f.value));
  if (rows.length === 0) throw noRowsMatch(table, filters, source);
  // In x order, as controlChart orders subgroups (qicharts2 does the same):
  // files such as the A&E one are not in time order, and ihi must agree.
  if (xIndex !== null) rows = sortedBy(rows, xIndex);
  const numbers = (index: number, name: string) => rows.map((row) => numberCell(row, index, name, source));

  return {
    lines: rows.map((row) => row.line),
    x: xIndex === null ? null : xLabels(rows, xIndex),
    y: numbers(yIndex, choice.y),
    n: nIndex === null || choice.n === null ? null : numbers(nIndex, choice.n),
  };
}

/**
 * Rows in x order, stable: numerically when every x is a number, otherwise as
 * text, which is time order for ISO dates (2017-03-01) and periods (2017-03).
 */
function sortedBy(rows: ReadonlyArray<CsvRow>, index: number): CsvRow[] {
  const keys = rows.map((row) => (row.cells[index] ?? '').trim());
  const numeric = keys.every((key) => NUMBER.test(key));
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    const ka = keys[a] ?? '';
    const kb = keys[b] ?? '';
    const byKey = numeric ? Number(ka) - Number(kb) : ka < kb ? -1 : ka > kb ? 1 : 0;
    return byKey !== 0 ? byKey : a - b;
  });
  return order.map((i) => rows[i] as CsvRow);
}

function xLabels(rows: ReadonlyArray<CsvRow>, index: number): Array<string | number> {
  const texts = rows.map((row) => (row.cells[index] ?? '').trim());
  return texts.every((text) => NUMBER.test(text)) ? texts.map(Number) : texts;
}

function numberCell(row: CsvRow, index: number, column: string, source: string): number | null {
  const text = (row.cells[index] ?? '').trim();
  if (MISSING.has(text)) return null;
  if (!NUMBER.test(text)) {
    throw new CliError(
      `${source} line ${row.line}, column '${column}': '${row.cells[index]}' is not a number (leave the cell empty or write NA for a missing value)`,
    );
  }
  return Number(text);
}

function noRowsMatch(
  table: CsvTable,
  filters: ReadonlyArray<RowFilter & { index: number }>,
  source: string,
): CliError {
  if (table.rows.length === 0) return new CliError(`${source} has a header but no data rows`);
  const each = filters.map((filter) => {
    const matches = table.rows.filter((row) => row.cells[filter.index] === filter.value).length;
    if (matches > 0) return `${filter.text} matches ${matches} rows`;
    const seen = [...new Set(table.rows.map((row) => row.cells[filter.index] ?? ''))];
    const shown = seen.slice(0, 10).map((value) => `'${value}'`);
    const more = seen.length > 10 ? `, ... (${seen.length} distinct)` : '';
    return `${filter.text} matches none; ${filter.column} has ${shown.join(', ')}${more}`;
  });
  const asked = filters.map((filter) => `--where ${filter.text}`).join(' ');
  return new CliError(`no rows of ${source} match ${asked} (${each.join('; ')})`);
}
