import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Table, tableToIPC } from 'apache-arrow';
import type { ArrowColumnKind } from '../arrow/arrow-columns.js';
import { rowsToArrowColumns } from '../arrow/arrow-columns.js';
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
  entries.push(
    ...writeTable(dir, 'submission_log', network.submissionLog as unknown as Record<string, unknown>[], {
      site_id: 'utf8',
      period: 'date',
      version: 'int8',
      submitted_on: 'date',
      note: 'utf8',
    }),
    ...writeTable(dir, 'aims', network.qi.aims as unknown as Record<string, unknown>[], {
      aim_id: 'utf8',
      site_id: 'utf8',
      measure_id: 'utf8',
      ethnic_groups: 'utf8',
      statement: 'utf8',
      baseline_value: 'float64',
      target_value: 'float64',
      target_period: 'date',
    }),
    ...writeTable(dir, 'change_ideas', network.qi.changeIdeas as unknown as Record<string, unknown>[], {
      change_idea_id: 'utf8',
      aim_id: 'utf8',
      primary_driver: 'utf8',
      title: 'utf8',
    }),
    ...writeTable(dir, 'pdsa_cycles', network.qi.pdsaCycles as unknown as Record<string, unknown>[], {
      pdsa_id: 'utf8',
      change_idea_id: 'utf8',
      cycle: 'int32',
      start_period: 'date',
      end_period: 'date',
      plan: 'utf8',
      study: 'utf8',
      act: 'utf8',
    }),
    ...writeTable(dir, 'annotations', network.qi.annotations as unknown as Record<string, unknown>[], {
      annotation_id: 'utf8',
      site_id: 'utf8',
      period: 'date',
      measure_id: 'utf8',
      ethnic_groups: 'utf8',
      kind: 'utf8',
      text: 'utf8',
    }),
    ...writeTable(dir, 'regions', tables.regions as unknown as Record<string, unknown>[], {
      region_code: 'utf8',
      ons_code: 'utf8',
      name: 'utf8',
    }),
    ...writeTable(dir, 'sites', tables.sites as unknown as Record<string, unknown>[], {
      site_id: 'utf8',
      display_name: 'utf8',
      region_code: 'utf8',
      annual_births: 'int32',
      pct_white: 'float64',
      pct_asian: 'float64',
      pct_black: 'float64',
      pct_mixed: 'float64',
      pct_other: 'float64',
      pct_unknown: 'float64',
      is_demo: 'bool',
    }),
    ...writeTable(dir, 'ethnic_categories', tables.ethnicCategories as unknown as Record<string, unknown>[], {
      code: 'utf8',
      label: 'utf8',
      level: 'utf8',
      level1_group: 'utf8',
      level2_group: 'utf8',
      msds_group: 'utf8',
      mbrrace_group: 'utf8',
      census2021_equivalent: 'utf8',
      is_reference: 'bool',
      is_unknown: 'bool',
      sort_order: 'int32',
    }),
    ...writeTable(dir, 'measures', tables.measures as unknown as Record<string, unknown>[], {
      measure_id: 'utf8',
      name: 'utf8',
      domain: 'utf8',
      lan_priority_area: 'utf8',
      numerator_definition: 'utf8',
      denominator_definition: 'utf8',
      denominator_unit: 'utf8',
      multiplier: 'int32',
      unit_label: 'utf8',
      direction: 'utf8',
      target_value: 'float64',
      target_type: 'utf8',
      target_source: 'utf8',
      national_baseline: 'float64',
      baseline_period: 'utf8',
      baseline_source: 'utf8',
      window_months: 'int32',
      default_chart: 'utf8',
      rare_event: 'bool',
      by_ethnic_group: 'bool',
      min_denominator_for_display: 'int32',
      source_code: 'utf8',
    }),
  );
  const manifest = {
    generator: '@maternity-qi/network-data generateDemoNetwork',
    months: network.months,
    tables: entries,
  };
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
