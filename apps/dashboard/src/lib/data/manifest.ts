import { DataError, reasonOf } from './data-error.ts';
import { fetchData } from './fetch-data.ts';

/** One table the app loads, as listed in `static/data/manifest.json`. */
export interface ManifestTable {
  /** Table name in DuckDB (lower-case SQL identifier). */
  table: string;
  /** Content-hashed file name relative to the manifest, e.g. `submission_value.3f9a1c2e.arrow`. */
  file: string;
  bytes: number;
  rows: number;
  sha256: string;
  /** Column names and Arrow types, so pages can describe the data without starting DuckDB. */
  columns?: { name: string; type: string }[];
}

/**
 * The list of data files, written by `scripts/prepare-data.mjs` at build time. Files
 * have content-hashed names, so they can be cached forever and fetched whole; only
 * the manifest itself is revalidated (shared/spec/dashboard-notes.md b.5).
 */
export interface DataManifest {
  /** ISO timestamp of when the files were prepared. */
  preparedAt: string;
  /** Where the data came from, for chart footers. */
  source: string;
  tables: ManifestTable[];
}

const tableName = /^[a-z_][a-z0-9_]*$/;
const fileName = /^[A-Za-z0-9_.-]+\.arrow$/;

/**
 * Checks that a parsed manifest has the expected shape, so that a wrong file
 * fails here with a message naming the field rather than later in SQL.
 */
export function parseManifest(value: unknown, url: string): DataManifest {
  const fail = (reason: string): never => {
    throw new DataError('manifest', url, reason);
  };
  if (!value || typeof value !== 'object') return fail('the file is not a JSON object');
  const manifest = value as Partial<DataManifest>;
  if (typeof manifest.preparedAt !== 'string') fail('"preparedAt" is missing');
  if (typeof manifest.source !== 'string') fail('"source" is missing');
  if (!Array.isArray(manifest.tables)) return fail('"tables" is not a list');
  manifest.tables.forEach((entry, index) => {
    const where = `tables[${index}]`;
    if (!tableName.test(String(entry?.table)))
      fail(`${where}.table "${entry?.table}" is not a lower-case SQL name`);
    if (!fileName.test(String(entry?.file)))
      fail(`${where}.file "${entry?.file}" is not an .arrow file name`);
    if (!Number.isInteger(entry.rows) || entry.rows < 0) fail(`${where}.rows is not a row count`);
    if (!Number.isInteger(entry.bytes) || entry.bytes < 0) fail(`${where}.bytes is not a byte count`);
  });
  return manifest as DataManifest;
}

/**
 * Reads the manifest. It is the one data file that must be revalidated on every
 * visit (`no-cache`): it is what points at the content-hashed table files.
 */
export async function fetchManifest(url: string): Promise<DataManifest> {
  let response: Response;
  try {
    response = await fetchData(url, { cache: 'no-cache' });
  } catch (error) {
    throw new DataError('manifest', url, reasonOf(error), { cause: error });
  }
  if (!response.ok) throw new DataError('manifest', url, `the server answered ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new DataError('manifest', url, `not valid JSON (${reasonOf(error)})`, { cause: error });
  }
  return parseManifest(json, url);
}
