import type { Table } from 'apache-arrow';
import { arrowToRows, type QueryResult } from './arrow-rows.ts';
import { toArrowStream } from './arrow-stream.ts';
import { DataError, reasonOf } from './data-error.ts';
import type { DataManifest, ManifestTable } from './manifest.ts';
import { lockdownSettings, type QueryParameter, type SqlEngine } from './sql-engine.ts';

/** Where start-up has got to; shown as a progress bar while DuckDB starts. */
export interface StartupProgress {
  stage: 'engine' | 'manifest' | 'tables' | 'ready';
  message: string;
  /** 0-1 within the whole start-up, or null when unknown. */
  fraction: number | null;
}

/** A table that was loaded, with what the manifest promised. */
export interface LoadedTable extends ManifestTable {
  loadMs: number;
}

/** Fetches a data file whole and reports bytes received (the browser uses `fetch`). */
export type FetchBytes = (url: string, onBytes: (received: number) => void) => Promise<Uint8Array>;

/**
 * The network's tables inside DuckDB, and the only way pages get at them: pages ask
 * for query results and never touch the database. Results come back as plain rows
 * (see `arrowToRows`).
 */
export class NetworkDatabase {
  private constructor(
    private readonly engine: SqlEngine,
    readonly manifest: DataManifest,
    readonly tables: readonly LoadedTable[],
  ) {}

  /**
   * Loads every table in the manifest into the engine: fetches each file whole
   * (content-hashed names, no range requests), creates the table from its Arrow
   * bytes, and checks the row count against the manifest.
   */
  static async load(
    engine: SqlEngine,
    manifest: DataManifest,
    manifestUrl: string,
    fetchBytes: FetchBytes,
    onProgress: (progress: StartupProgress) => void = () => {},
  ): Promise<NetworkDatabase> {
    const totalBytes = manifest.tables.reduce((sum, entry) => sum + entry.bytes, 0) || 1;
    let doneBytes = 0;
    const loaded: LoadedTable[] = [];
    for (const [index, entry] of manifest.tables.entries()) {
      const started = performance.now();
      const url = new URL(entry.file, manifestUrl).href;
      const label = `table ${index + 1} of ${manifest.tables.length}: ${entry.table}`;
      let bytes: Uint8Array;
      try {
        bytes = await fetchBytes(url, (received) =>
          onProgress({
            stage: 'tables',
            message: `Downloading ${label}`,
            fraction: 0.5 + (0.5 * (doneBytes + received)) / totalBytes,
          }),
        );
      } catch (error) {
        throw error instanceof DataError
          ? error
          : new DataError('download', `${entry.table} from ${url}`, reasonOf(error), { cause: error });
      }
      onProgress({ stage: 'tables', message: `Loading ${label}`, fraction: null });
      let counted: number | undefined;
      try {
        await engine.insertArrowStream(entry.table, toArrowStream(bytes));
        counted = arrowToRows<{ rows: number }>(
          await engine.query(`SELECT count(*) AS "rows" FROM "${entry.table}"`),
        ).rows[0]?.rows;
      } catch (error) {
        // DuckDB accepts bytes that hold no Arrow stream without complaint and simply
        // creates no table, so the count is what detects a file that is not Arrow.
        const reason = /does not exist/.test(reasonOf(error))
          ? 'the file holds no Arrow IPC table'
          : reasonOf(error);
        throw new DataError('load', `${entry.table} from ${entry.file}`, reason, { cause: error });
      }
      if (counted !== entry.rows) {
        throw new DataError(
          'load',
          `${entry.table} from ${entry.file}`,
          `the file holds ${counted} rows but the manifest lists ${entry.rows}; it may be stale or truncated`,
        );
      }
      doneBytes += entry.bytes;
      loaded.push({ ...entry, loadMs: performance.now() - started });
    }
    for (const setting of lockdownSettings) await engine.query(setting);
    onProgress({ stage: 'ready', message: 'Data loaded', fraction: 1 });
    return new NetworkDatabase(engine, manifest, loaded);
  }

  /** Whether a table of that name was loaded. */
  hasTable(name: string): boolean {
    return this.tables.some((entry) => entry.table === name);
  }

  /**
   * Runs SQL and returns plain rows typed as `T`. Use `?` placeholders and `params`
   * for every value that comes from the URL or a form (never splice them into SQL).
   */
  async query<T = Record<string, unknown>>(
    sql: string,
    params: readonly QueryParameter[] = [],
  ): Promise<T[]> {
    return (await this.run<T>(sql, params)).rows;
  }

  /** Like `query`, also returning the result's column names and kinds (for tables of any shape). */
  async run<T = Record<string, unknown>>(
    sql: string,
    params: readonly QueryParameter[] = [],
  ): Promise<QueryResult<T>> {
    let table: Table;
    try {
      table = await this.engine.query(sql, params);
    } catch (error) {
      throw new DataError('query', abbreviate(sql), reasonOf(error), { cause: error });
    }
    return arrowToRows<T>(table);
  }

  /** Frees the engine (and, in the browser, its worker). */
  close(): Promise<void> {
    return this.engine.close();
  }
}

function abbreviate(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine;
}
