import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  emptySubmissionColumns,
  networkTableColumns,
  type ReferenceTables,
  readCsv,
  rowsToArrowColumns,
  submissionColumnsToArrow,
  type TableColumns,
} from '@maternity-qi/network-data';
import { Table, tableToIPC } from 'apache-arrow';

/** Who a data folder is for: the whole network, the advisory group, or one site. */
export type AudienceScope = { kind: 'network' } | { kind: 'advisory' } | { kind: 'site'; siteId: string };

/** A row read back from the portal's CSV export: every value text, NULL as null. */
export type StagedRow = Record<string, string | null>;

/**
 * The portal's own tables, as the server exported them (latest submission versions). Each
 * site-specific table carries `site_id` (change ideas and PDSA cycles get theirs from their
 * aim), which is what scopes a row to one site's audience.
 */
export const STAGED_TABLES = [
  'submissions',
  'submission_log',
  'aims',
  'change_ideas',
  'pdsa_cycles',
  'annotations',
] as const;
export type StagedTableName = (typeof STAGED_TABLES)[number];
export type StagedTables = Record<StagedTableName, StagedRow[]>;

// The Arrow columns of the portal's tables: the demo network's, so the browser's SQL is the
// same, plus what only the portal records (a PDSA cycle's "do" notes).
const portalColumns: Record<Exclude<StagedTableName, 'submissions'>, TableColumns> = {
  submission_log: networkTableColumns.submission_log,
  aims: networkTableColumns.aims,
  change_ideas: networkTableColumns.change_ideas,
  pdsa_cycles: { ...networkTableColumns.pdsa_cycles, do_notes: 'utf8' },
  annotations: networkTableColumns.annotations,
};

/**
 * Reads the CSV files the server exported (`<table>.csv` with a header line, NULL as an empty
 * field) into rows. A missing or malformed file is an error naming the file and line.
 *
 * @example
 * ```ts
 * const staged = readStagedTables('/srv/audiences/.staging/1700000000000');
 * staged.submissions[0]; // => { site_id: 'S1', period: '2022-04', measure_id: '…', … }
 * ```
 */
export function readStagedTables(dir: string): StagedTables {
  const tables = {} as StagedTables;
  for (const table of STAGED_TABLES) {
    const file = path.join(dir, `${table}.csv`);
    if (!existsSync(file)) throw new Error(`The export has no ${table} table (${file} is missing).`);
    const { records, problems } = readCsv(readFileSync(file, 'utf8'));
    const [problem] = problems;
    if (problem) throw new Error(`${file} line ${problem.line}: ${problem.message}`);
    const [header, ...body] = records;
    if (!header) throw new Error(`${file} has no header line.`);
    tables[table] = body.map((record) => {
      if (record.fields.length !== header.fields.length)
        throw new Error(
          `${file} line ${record.line}: ${record.fields.length} fields where the header has ${header.fields.length}.`,
        );
      const row: StagedRow = {};
      header.fields.forEach((name, index) => {
        const value = record.fields[index] ?? '';
        row[name] = value === '' ? null : value;
      });
      return row;
    });
  }
  return tables;
}

/**
 * Every table an audience may load in its browser, as Arrow IPC stream bytes by table name:
 * - network: every row of every table;
 * - site: that site's own rows only (its submissions, log, aims, change ideas, PDSA cycles,
 *   annotations, and only its own line of `sites`) plus the shared reference tables;
 * - advisory: the reference tables only; its numbers come from disclosure-controlled files.
 *
 * @example
 * ```ts
 * const tables = audienceTables(staged, reference, { kind: 'site', siteId: 'S1' });
 * [...tables.keys()]; // => ['submissions', 'submission_log', 'aims', …, 'sites', 'ethnic_categories', 'measures', 'regions']
 * ```
 */
export function audienceTables(
  staged: StagedTables,
  reference: ReferenceTables,
  audience: AudienceScope,
): Map<string, Uint8Array> {
  const tables = new Map<string, Uint8Array>();
  const mine = <T extends { site_id?: unknown }>(rows: readonly T[]): T[] =>
    audience.kind === 'site' ? rows.filter((row) => row.site_id === audience.siteId) : [...rows];
  if (audience.kind !== 'advisory') {
    tables.set('submissions', submissionsToArrow(mine(staged.submissions)));
    for (const [table, columns] of Object.entries(portalColumns))
      tables.set(table, rowsToArrow(mine(staged[table as keyof typeof portalColumns]), columns));
  }
  const rowsOf = (list: unknown) => list as Record<string, unknown>[];
  tables.set('sites', rowsToArrow(mine(rowsOf(reference.sites)), networkTableColumns.sites));
  tables.set(
    'ethnic_categories',
    rowsToArrow(rowsOf(reference.ethnicCategories), networkTableColumns.ethnic_categories),
  );
  tables.set('measures', rowsToArrow(rowsOf(reference.measures), networkTableColumns.measures));
  tables.set('regions', rowsToArrow(rowsOf(reference.regions), networkTableColumns.regions));
  return tables;
}

function rowsToArrow(rows: ReadonlyArray<Record<string, unknown>>, columns: TableColumns): Uint8Array {
  return tableToIPC(new Table(rowsToArrowColumns(rows, columns)), 'stream');
}

/**
 * The submissions table in the demo network's layout (dictionary-encoded codes, DATE months,
 * INT32 counts, INT8 version). The dictionaries hold only the codes present, so a site's
 * file does not even name the other sites.
 */
function submissionsToArrow(rows: readonly StagedRow[]): Uint8Array {
  const distinct = (column: string) => [...new Set(rows.map((row) => row[column] ?? ''))].sort();
  const columns = emptySubmissionColumns(
    distinct('site_id'),
    distinct('measure_id'),
    distinct('ethnic_category'),
  );
  const index = (list: string[]) => new Map(list.map((value, position) => [value, position]));
  const sites = index(columns.siteDictionary);
  const measures = index(columns.measureDictionary);
  const categories = index(columns.categoryDictionary);
  const count = (value: string | null) => (value == null ? null : Number(value));
  for (const row of rows) {
    columns.site.push(sites.get(row.site_id ?? '') ?? 0);
    columns.period.push(row.period ?? '');
    columns.measure.push(measures.get(row.measure_id ?? '') ?? 0);
    columns.category.push(categories.get(row.ethnic_category ?? '') ?? 0);
    columns.numerator.push(count(row.numerator ?? null));
    columns.denominator.push(count(row.denominator ?? null));
    columns.version.push(Number(row.version ?? 1));
  }
  return tableToIPC(submissionColumnsToArrow(columns), 'stream');
}
