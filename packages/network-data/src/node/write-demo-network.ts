import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Table, tableToIPC } from 'apache-arrow';
import type { ArrowColumnKind } from '../arrow/arrow-columns.js';
import { rowsToArrowColumns } from '../arrow/arrow-columns.js';
import { networkTableColumns } from '../arrow/network-table-columns.js';
import { submissionColumnsToArrow } from '../arrow/submission-arrow.js';
import { toCsv } from '../csv/write-csv.js';
import type { DemoNetwork } from '../generator/generate-network.js';
import { submissionColumnsToRows } from '../generator/submission-columns.js';
import type { ReferenceTables } from '../loaders/reference-tables.js';

/** One file of a written dataset, as listed in its manifest.json. */
export interface ManifestEntry {
  table: string;
  file: string;
  format: 'arrow-ipc-stream' | 'csv';
  rows: number;
  bytes: number;
  sha256: string;
}

/**
 * Writes a table as Arrow IPC (stream format, what DuckDB-WASM's `insertArrowFromIPCStream`
 * reads) and CSV, and returns their manifest entries with SHA-256 content hashes, so that a
 * dashboard build can publish them under content-hashed names (dashboard-notes.md b.5).
 *
 * @example
 * ```ts
 * const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-'));
 * const entries = writeTable(dir, 'regions', [{ region_code: 'Y56', name: 'London' }], { region_code: 'utf8', name: 'utf8' });
 * entries.map((e) => [e.file, e.rows]); // => [['regions.arrow', 1], ['regions.csv', 1]]
 * ```
 */
export function writeTable(
  dir: string,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
  spec: Readonly<Record<string, ArrowColumnKind>>,
): ManifestEntry[] {
  const arrow = tableToIPC(new Table(rowsToArrowColumns(rows, spec)), 'stream');
  const csv = toCsv(rows as Record<string, string>[], Object.keys(spec));
  return [
    writeFile(dir, `${table}.arrow`, table, 'arrow-ipc-stream', rows.length, arrow),
    writeFile(dir, `${table}.csv`, table, 'csv', rows.length, csv),
  ];
}

/**
 * Writes one file and returns its manifest entry (rows, bytes and SHA-256 of the content).
 *
 * @example
 * ```ts
 * const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-'));
 * const entry = writeFile(dir, 'x.csv', 'x', 'csv', 1, 'a\n1\n');
 * [entry.bytes, entry.sha256.length]; // => [4, 64]
 * ```
 */
export function writeFile(
  dir: string,
  file: string,
  table: string,
  format: ManifestEntry['format'],
  rows: number,
  content: Uint8Array | string,
): ManifestEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  writeFileSync(path.join(dir, file), bytes);
  return {
    table,
    file,
    format,
    rows,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

const SUBMISSION_CSV_COLUMNS = [
  'site_id',
  'period',
  'measure_id',
  'ethnic_category',
  'numerator',
  'denominator',
  'version',
] as const;

/**
 * Writes the demo network (submissions, submission log, QI tables and the reference tables)
 * to `dir` as Arrow IPC + CSV, with a manifest.json listing rows, bytes and SHA-256 of each
 * file. The output holds no timestamps, so the same network gives byte-identical files.
 *
 * @example
 * ```ts
 * const tables = readReferenceTables();
 * const network = generateDemoNetwork(tables, { months: 1 });
 * const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-'));
 * const manifest = writeDemoNetwork(dir, network, tables);
 * manifest.tables.find((t) => t.file === 'submissions.csv').rows > 2000; // => true
 * ```
 */
export function writeDemoNetwork(
  dir: string,
  network: DemoNetwork,
  tables: ReferenceTables,
): { generator: string; months: string[]; tables: ManifestEntry[] } {
  mkdirSync(dir, { recursive: true });
  const entries: ManifestEntry[] = [];
  const n = network.submissions.site.length;
  entries.push(
    writeFile(
      dir,
      'submissions.arrow',
      'submissions',
      'arrow-ipc-stream',
      n,
      tableToIPC(submissionColumnsToArrow(network.submissions), 'stream'),
    ),
  );
  const rows = submissionColumnsToRows(network.submissions).map((r) => ({
    site_id: r.siteId,
    period: r.period,
    measure_id: r.measureId,
    ethnic_category: r.ethnicCategory,
    numerator: r.numerator,
    denominator: r.denominator,
    version: r.version,
  }));
  entries.push(
    writeFile(dir, 'submissions.csv', 'submissions', 'csv', n, toCsv(rows, SUBMISSION_CSV_COLUMNS)),
  );
  const rowsOf = (list: unknown) => list as Record<string, unknown>[];
  entries.push(
    ...writeTable(dir, 'submission_log', rowsOf(network.submissionLog), networkTableColumns.submission_log),
    ...writeTable(dir, 'aims', rowsOf(network.qi.aims), networkTableColumns.aims),
    ...writeTable(dir, 'change_ideas', rowsOf(network.qi.changeIdeas), networkTableColumns.change_ideas),
    ...writeTable(dir, 'pdsa_cycles', rowsOf(network.qi.pdsaCycles), networkTableColumns.pdsa_cycles),
    ...writeTable(dir, 'annotations', rowsOf(network.qi.annotations), networkTableColumns.annotations),
    ...writeTable(dir, 'regions', rowsOf(tables.regions), networkTableColumns.regions),
    ...writeTable(dir, 'sites', rowsOf(tables.sites), networkTableColumns.sites),
    ...writeTable(
      dir,
      'ethnic_categories',
      rowsOf(tables.ethnicCategories),
      networkTableColumns.ethnic_categories,
    ),
    ...writeTable(dir, 'measures', rowsOf(tables.measures), networkTableColumns.measures),
  );
  const manifest = {
    generator: '@maternity-qi/network-data generateDemoNetwork',
    months: network.months,
    tables: entries,
  };
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
