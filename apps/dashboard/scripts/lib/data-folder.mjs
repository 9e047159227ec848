// The layout of a data folder the dashboard reads from /data/: every Arrow table under a
// content-hashed name, listed in manifest.json (dashboard-notes.md b.5: hashed names can be
// cached forever; only the manifest is revalidated). Used by prepare-data.mjs for the public
// build and by the portal's audience publisher for each audience's folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';

/** What the footer of every chart and download says the data is, when nothing else says. */
export const DEFAULT_SOURCE = 'Maternity Equity QI Network, synthetic demonstration data (not real patients)';

/**
 * @typedef {object} ManifestTable
 * @property {string} table
 * @property {string} file
 * @property {number} bytes
 * @property {number} rows
 * @property {string} sha256
 * @property {{ name: string, type: string }[]} columns
 */

/**
 * Writes one table's Arrow IPC bytes into `to` as `<table>.<sha256 prefix>.arrow` and returns
 * its manifest entry. `origin` names where the bytes came from, for the error message when
 * they are not Arrow.
 *
 * @example
 * ```js
 * const entry = writeHashedTable('/tmp/out', 'Sites', tableToIPC(tableFromArrays({ n: [1] }), 'stream'));
 * entry.file; // => 'sites.<12 hex digits>.arrow'
 * entry.rows; // => 1
 * ```
 * @param {string} to
 * @param {string} name
 * @param {Uint8Array} bytes
 * @param {string} [origin]
 * @returns {ManifestTable}
 */
export function writeHashedTable(to, name, bytes, origin = name) {
  const table = name.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = `${table}.${sha256.slice(0, 12)}.arrow`;
  let arrow;
  try {
    arrow = tableFromIPC(bytes);
  } catch (error) {
    throw new Error(`${origin} is not an Arrow IPC file: ${error instanceof Error ? error.message : error}`);
  }
  writeFileSync(path.join(to, file), bytes);
  return {
    table,
    file,
    bytes: bytes.byteLength,
    rows: arrow.numRows,
    sha256,
    columns: arrow.schema.fields.map((field) => ({ name: field.name, type: String(field.type) })),
  };
}

/**
 * Writes `manifest.json` into `to` listing `tables`, and returns the manifest.
 *
 * @example
 * ```js
 * writeManifest('/tmp/out', 'Test network', []).tables; // => []
 * ```
 * @param {string} to
 * @param {string} source
 * @param {ManifestTable[]} tables
 */
export function writeManifest(to, source, tables) {
  const manifest = { preparedAt: new Date().toISOString(), source, tables };
  writeFileSync(path.join(to, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Copies every `.arrow` file of `from` into the (existing, empty) folder `to` under hashed
 * names and writes the manifest; the source line comes from `from/SOURCE.txt` when there is
 * one. A missing `from` gives an empty manifest (the app then explains how to make the data).
 *
 * @example
 * ```js
 * prepareDataFolder('../../data/demo', 'static/data').tables.length; // => 10
 * ```
 * @param {string} from
 * @param {string} to
 */
export function prepareDataFolder(from, to) {
  mkdirSync(to, { recursive: true });
  const sourceFile = path.join(from, 'SOURCE.txt');
  const source = existsSync(sourceFile) ? readFileSync(sourceFile, 'utf8').trim() : DEFAULT_SOURCE;
  const files = existsSync(from)
    ? readdirSync(from)
        .filter((name) => name.endsWith('.arrow'))
        .sort()
    : [];
  const tables = files.map((name) =>
    writeHashedTable(
      to,
      path.basename(name, '.arrow'),
      readFileSync(path.join(from, name)),
      path.join(from, name),
    ),
  );
  return writeManifest(to, source, tables);
}
