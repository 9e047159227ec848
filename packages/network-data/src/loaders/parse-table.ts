import * as v from 'valibot';
import { readCsv } from '../csv/read-csv.js';
import type { DataProblem } from '../validation/problem.js';

export interface ParsedTable<Row> {
  rows: Row[];
  problems: DataProblem[];
}

/**
 * Parses CSV text into typed rows with a valibot object schema whose keys are the CSV columns.
 * Every problem (missing column, wrong field count, a cell that fails the schema) is returned,
 * with its file line and column; `rows` holds only the rows that passed. Browser-safe: it takes
 * text, so the caller decides whether it came from `fetch`, a file input or the disk.
 *
 * @example
 * ```ts
 * const text = 'region_code,ons_code,name\nY56,E40000003,London\nY5,E40000006,South West\n';
 * const { rows, problems } = parseTable(text, RegionSchema);
 * rows.length; // => 1
 * problems[0].row; // => 3
 * problems[0].column; // => 'region_code'
 * ```
 */
export function parseTable<
  S extends v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>,
>(text: string, schema: S): ParsedTable<v.InferOutput<S>> {
  const { records, problems: syntax } = readCsv(text);
  const problems: DataProblem[] = syntax.map((p) => ({
    severity: 'error',
    row: p.line,
    column: null,
    value: null,
    rule: 'csv_syntax',
    message: p.message,
  }));
  const rows: v.InferOutput<S>[] = [];
  const header = records[0];
  if (!header) {
    problems.push({
      severity: 'error',
      row: 1,
      column: null,
      value: null,
      rule: 'empty_file',
      message: 'No header line.',
    });
    return { rows, problems };
  }
  const columns = header.fields.map((f) => f.trim());
  const wanted = Object.keys(schema.entries);
  for (const column of wanted) {
    if (!columns.includes(column)) {
      problems.push({
        severity: 'error',
        row: header.line,
        column,
        value: null,
        rule: 'missing_column',
        message: `The header has no "${column}" column.`,
      });
    }
  }
  if (problems.some((p) => p.rule === 'missing_column')) return { rows, problems };
  for (const record of records.slice(1)) {
    if (record.fields.length !== columns.length) {
      problems.push({
        severity: 'error',
        row: record.line,
        column: null,
        value: null,
        rule: 'wrong_field_count',
        message: `Line ${record.line} has ${record.fields.length} fields; the header has ${columns.length}.`,
      });
      continue;
    }
    const input: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (wanted.includes(c)) input[c] = record.fields[i] ?? '';
    });
    const result = v.safeParse(schema, input);
    if (result.success) {
      rows.push(result.output);
      continue;
    }
    for (const issue of result.issues) {
      const column = issue.path?.[0]?.key;
      const key = typeof column === 'string' ? column : null;
      problems.push({
        severity: 'error',
        row: record.line,
        column: key,
        value: key === null ? null : (input[key] ?? null),
        rule: 'invalid_value',
        message: `Expected ${issue.expected ?? 'a valid value'}: ${issue.message}`,
      });
    }
  }
  return { rows, problems };
}
