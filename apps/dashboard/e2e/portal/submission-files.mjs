// Month files for the submission tests and the load script: a downloaded template filled in
// as a site's extract would be, edits to single cells, and a checksum of a file's rows that
// can be compared with what the database stored.
import { createHash } from 'node:crypto';

/** A month `n` months before today's (UTC), written YYYY-MM. */
export function monthsAgo(n, today = new Date()) {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - n, 1)).toISOString().slice(0, 7);
}

function parse(csv) {
  const [header, ...lines] = csv.trimEnd().split(/\r?\n/);
  return { columns: header.split(','), lines: lines.map((line) => line.split(',')) };
}

/**
 * Fills every numerator and denominator of a template (site, month, measure and ethnic
 * category already filled): each ethnic category gets counts from `seed`, and ALL their sum,
 * so the file passes with no warnings. Template lines contain no quoted commas.
 */
export function fillTemplate(template, seed = 1) {
  const { columns, lines } = parse(template);
  const at = (name) => columns.indexOf(name);
  const [m, e, n, d] = [at('measure_id'), at('ethnic_category'), at('numerator'), at('denominator')];
  const sums = new Map();
  lines.forEach((fields, i) => {
    if (fields[e] === 'ALL') return;
    const denominator = 20 + ((i * 7 + seed * 13) % 90);
    const numerator = (i * 3 + seed) % (denominator + 1);
    fields[n] = String(numerator);
    fields[d] = String(denominator);
    const sum = sums.get(fields[m]) ?? [0, 0];
    sums.set(fields[m], [sum[0] + numerator, sum[1] + denominator]);
  });
  lines.forEach((fields, i) => {
    if (fields[e] !== 'ALL') return;
    const [numerator, denominator] = sums.get(fields[m]) ?? [(i + seed) % 30, 50 + ((i + seed) % 40)];
    fields[n] = String(numerator);
    fields[d] = String(denominator);
  });
  return `${[columns.join(','), ...lines.map((fields) => fields.join(','))].join('\n')}\n`;
}

/** Sets one cell: `line` is the file line (1 = header), `column` the column name. */
export function withCell(csv, line, column, value) {
  const { columns, lines } = parse(csv);
  lines[line - 2][columns.indexOf(column)] = value;
  return `${[columns.join(','), ...lines.map((fields) => fields.join(','))].join('\n')}\n`;
}

/** The value of one cell (file line, column name). */
export function cellOf(csv, line, column) {
  const { columns, lines } = parse(csv);
  return lines[line - 2][columns.indexOf(column)];
}

/** The file line of the first data line matching a measure and ethnic category. */
export function lineOf(csv, measureId, ethnicCategory) {
  const { columns, lines } = parse(csv);
  const index = lines.findIndex(
    (fields) =>
      fields[columns.indexOf('measure_id')] === measureId &&
      fields[columns.indexOf('ethnic_category')] === ethnicCategory,
  );
  return index + 2;
}

/**
 * A checksum of a file's rows, independent of line order: SHA-256 over
 * "measure|category|numerator|denominator" lines sorted (empty counts as ''). The same
 * function over the database's rows of a version must give the same value.
 */
export function rowsChecksum(rows) {
  const lines = rows
    .map((r) => `${r.measure_id}|${r.ethnic_category}|${r.numerator ?? ''}|${r.denominator ?? ''}`)
    .sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** The rows of a submission file as { measure_id, ethnic_category, numerator, denominator }. */
export function fileRows(csv) {
  const { columns, lines } = parse(csv);
  const at = (name) => columns.indexOf(name);
  return lines.map((fields) => ({
    measure_id: fields[at('measure_id')],
    ethnic_category: fields[at('ethnic_category')],
    numerator: fields[at('numerator')] === '' ? null : Number(fields[at('numerator')]),
    denominator: fields[at('denominator')] === '' ? null : Number(fields[at('denominator')]),
  }));
}

/** SHA-256 of bytes or text, hex (what the portal stores as file_sha256). */
export function sha256(content) {
  return createHash('sha256').update(content).digest('hex');
}
