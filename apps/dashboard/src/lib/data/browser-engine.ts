import type { Table } from 'apache-arrow';
import { DataError, reasonOf } from './data-error';
import { engineSettings, openOptions, type QueryParameter, type SqlEngine } from './sql-engine';

/**
 * Starts DuckDB-WASM in a web worker. Only the `eh` (wasm exceptions) bundle is
 * shipped: every current browser supports it, and leaving out `mvp` halves the
 * build (toolchain.md §9). The worker and wasm are same-origin files (Safari
 * refuses cross-origin workers) and no COOP/COEP headers are needed.
 */
export async function startBrowserEngine(
  onBytes: (loaded: number, total: number) => void,
): Promise<SqlEngine> {
  try {
    const [duckdb, wasm, worker] = await Promise.all([
      import('@duckdb/duckdb-wasm'),
      import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'),
      import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'),
    ]);
    const features = await duckdb.getPlatformFeatures();
    if (!features.wasmExceptions) {
      throw new Error(
        'this browser does not support WebAssembly exception handling; use a current Edge, Chrome, Firefox or Safari',
      );
    }
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(worker.default));
    await db.instantiate(wasm.default, null, (progress) =>
      onBytes(progress.bytesLoaded, progress.bytesTotal),
    );
    await db.open(openOptions);
    const connection = await db.connect();
    for (const setting of engineSettings) await connection.query(setting);

    return {
      async query(sql: string, params: readonly QueryParameter[] = []): Promise<Table> {
        if (params.length === 0) return (await connection.query(sql)) as unknown as Table;
        const statement = await connection.prepare(sql);
        try {
          return (await statement.query(...params)) as unknown as Table;
        } finally {
          await statement.close();
        }
      },
      async insertArrowStream(name: string, bytes: Uint8Array): Promise<void> {
        await connection.insertArrowFromIPCStream(bytes, { name, create: true });
      },
      async close(): Promise<void> {
        await connection.close();
        await db.terminate();
      },
    };
  } catch (error) {
    throw new DataError('start', 'DuckDB-WASM', reasonOf(error), { cause: error });
  }
}
