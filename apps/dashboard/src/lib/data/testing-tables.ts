import {
  Bool,
  type DataType,
  DateDay,
  Dictionary,
  Float64,
  Int8,
  Int16,
  Int32,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import type { DataManifest } from './manifest';
import { NetworkDatabase } from './network-database';
import type { SqlEngine } from './sql-engine';

/** Column types for fixture tables, matching the network-data package's Arrow files. */
export const arrowTypes = {
  text: () => new Utf8(),
  code: () => new Dictionary(new Utf8(), new Int16()),
  month: () => new DateDay(),
  int: () => new Int32(),
  version: () => new Int8(),
  real: () => new Float64(),
  flag: () => new Bool(),
} satisfies Record<string, () => DataType>;

export type FixtureColumns = Record<string, [keyof typeof arrowTypes, unknown[]]>;

/** Arrow IPC stream bytes of one fixture table. */
export function fixtureTableBytes(columns: FixtureColumns): { bytes: Uint8Array; rows: number } {
  const vectors = Object.fromEntries(
    Object.entries(columns).map(([column, [type, values]]) => [
      column,
      vectorFromArray(
        type === 'month' ? values.map((v) => (v == null ? null : new Date(`${v}-01T00:00:00Z`))) : values,
        arrowTypes[type](),
      ),
    ]),
  );
  const table = new Table(vectors);
  return { bytes: tableToIPC(table, 'stream'), rows: table.numRows };
}

/**
 * Loads small fixture tables into an engine through the same path as the app
 * (Arrow IPC bytes → manifest → NetworkDatabase.load). Test-only.
 */
export async function loadFixtureTables(
  engine: SqlEngine,
  tables: Record<string, FixtureColumns>,
): Promise<NetworkDatabase> {
  const files = new Map<string, Uint8Array>();
  const manifest: DataManifest = { preparedAt: '2026-11-26T00:00:00Z', source: 'test fixture', tables: [] };
  for (const [name, columns] of Object.entries(tables)) {
    const { bytes, rows } = fixtureTableBytes(columns);
    files.set(`http://fixture/data/${name}.arrow`, bytes);
    manifest.tables.push({ table: name, file: `${name}.arrow`, rows, bytes: bytes.byteLength, sha256: '' });
  }
  return NetworkDatabase.load(engine, manifest, 'http://fixture/data/manifest.json', async (url) => {
    const bytes = files.get(url);
    if (!bytes) throw new Error(`no fixture for ${url}`);
    return bytes;
  });
}
