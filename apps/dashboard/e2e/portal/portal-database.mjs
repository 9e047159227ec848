// Opens a stopped portal's database file directly, to check what was stored (the reliability
// flows compare it with what they sent). The server must be stopped: DuckDB allows one
// process per file.
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/** Opens `<dbDir>/portal.duckdb`; returns { all(sql, values), close() } with plain-number rows. */
export async function openPortalDatabase(dbDir) {
  const instance = await DuckDBInstance.create(path.join(dbDir, 'portal.duckdb'), {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await instance.connect();
  return {
    async all(sql, values) {
      const reader = await connection.runAndReadAll(sql, values);
      return reader
        .getRowObjectsJS()
        .map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
        );
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
