import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { engineSettings, openOptions, type QueryParameter, type SqlEngine } from './sql-engine.ts';

/**
 * Node only (unit tests and build scripts; never imported by the app). Starts the
 * same DuckDB-WASM build the browser uses, through its blocking Node bundle, so SQL
 * that passes here runs unchanged in the browser (toolchain.md §6). About 1 s.
 */
export async function startNodeEngine(): Promise<SqlEngine> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await duckdb.createDuckDB(
    {
      mvp: {
        mainModule: path.join(dist, 'duckdb-mvp.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs'),
      },
      eh: {
        mainModule: path.join(dist, 'duckdb-eh.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs'),
      },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  db.open(openOptions);
  const connection = db.connect();
  for (const setting of engineSettings) connection.query(setting);

  return {
    async query(sql: string, params: readonly QueryParameter[] = []): Promise<Table> {
      if (params.length === 0) return connection.query(sql) as unknown as Table;
      const statement = connection.prepare(sql);
      try {
        return statement.query(...params) as unknown as Table;
      } finally {
        statement.close();
      }
    },
    async insertArrowStream(name: string, bytes: Uint8Array): Promise<void> {
      connection.insertArrowFromIPCStream(bytes, { name, create: true });
    },
    async close(): Promise<void> {
      connection.close();
      db.reset();
    },
  };
}
