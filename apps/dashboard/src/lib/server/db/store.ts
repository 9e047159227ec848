import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBPreparedStatement,
  type DuckDBValue,
} from '@duckdb/node-api';

/** A value a query parameter may take. */
export type SqlValue = DuckDBValue;

/** Rows as plain JS objects: BIGINT as number when it fits, DATE/TIMESTAMP as strings. */
export type Row = Record<string, unknown>;

/** What a write transaction may do: run statements and read inside the transaction. */
export interface Transaction {
  run(sql: string, values?: SqlValue[]): Promise<void>;
  all<T = Row>(sql: string, values?: SqlValue[]): Promise<T[]>;
}

/**
 * Read connections kept open. A DuckDB connection runs one prepared (parameterised) statement
 * at a time: two concurrent `all(sql, values)` calls on one connection fail with "Failed to
 * execute prepared statement" (seen with 20 concurrent requests). Each read therefore borrows
 * a connection of its own from this small pool, and waits when all are busy.
 */
const READER_CONNECTIONS = 4;

/**
 * Prepared read statements kept per connection. Parsing and planning a query costs more on
 * the server's one JavaScript thread than running it (portal-load bench: ~40% of the time
 * spent in DuckDB calls went to extracting and preparing statements), and the portal asks
 * the same few queries again and again (the session on every request).
 */
const PREPARED_PER_CONNECTION = 100;

/**
 * The portal's database: one embedded DuckDB file opened through `@duckdb/node-api`
 * (DuckDB 1.4.3, the version inside the browser's DuckDB-WASM, so SQL is one dialect).
 *
 * Writes go through `write()`, one at a time in this process (DuckDB allows one writer per
 * file, and queueing here turns concurrent submissions into an orderly line instead of
 * transaction conflicts), each inside BEGIN/COMMIT: all of it lands or none does. A write
 * resolves only after COMMIT, which DuckDB makes durable in its write-ahead log, so an
 * acknowledged write survives the process being killed.
 *
 * @example
 * ```ts
 * const store = await Store.open(':memory:');
 * await store.write((tx) => tx.run('CREATE TABLE t (x INTEGER)'));
 * await store.write((tx) => tx.run('INSERT INTO t VALUES (?)', [1]));
 * (await store.all('SELECT x FROM t'))[0].x; // => 1
 * await store.close();
 * ```
 */
export class Store {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly idleReaders: DuckDBConnection[];
  private readonly waitingForReader: Array<(reader: DuckDBConnection) => void> = [];
  private readonly prepared = new Map<DuckDBConnection, Map<string, DuckDBPreparedStatement>>();

  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly readers: readonly DuckDBConnection[],
  ) {
    this.idleReaders = [...readers];
  }

  /** Opens (creating if needed) the database file; ':memory:' for tests. */
  static async open(file: string): Promise<Store> {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // Extensions off: the portal must never reach the network (toolchain.md P2).
    const instance = await DuckDBInstance.create(file, {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const writer = await instance.connect();
    const readers = await Promise.all(Array.from({ length: READER_CONNECTIONS }, () => instance.connect()));
    return new Store(file, instance, writer, readers);
  }

  /** Runs a read-only query outside any write transaction (sees committed data only). */
  async all<T = Row>(sql: string, values?: SqlValue[]): Promise<T[]> {
    this.assertOpen();
    const reader = await this.borrowReader();
    try {
      const result = values?.length
        ? await this.runPrepared(reader, sql, values)
        : await reader.runAndReadAll(sql);
      return result.getRowObjectsJS().map(plainRow) as T[];
    } finally {
      this.returnReader(reader);
    }
  }

  // The caller holds `reader` alone, so its cached statements are never used concurrently.
  private async runPrepared(reader: DuckDBConnection, sql: string, values: SqlValue[]) {
    let cache = this.prepared.get(reader);
    if (!cache) {
      cache = new Map();
      this.prepared.set(reader, cache);
    }
    let statement = cache.get(sql);
    if (!statement) {
      statement = await reader.prepare(sql);
      if (cache.size >= PREPARED_PER_CONNECTION) {
        const [oldest, evicted] = cache.entries().next().value ?? [];
        if (oldest !== undefined) cache.delete(oldest);
        evicted?.destroySync();
      }
      cache.set(sql, statement);
    }
    statement.bind(values);
    return statement.runAndReadAll();
  }

  private borrowReader(): Promise<DuckDBConnection> {
    const idle = this.idleReaders.pop();
    if (idle) return Promise.resolve(idle);
    return new Promise((resolve) => this.waitingForReader.push(resolve));
  }

  private returnReader(reader: DuckDBConnection): void {
    const next = this.waitingForReader.shift();
    if (next) next(reader);
    else this.idleReaders.push(reader);
  }

  /** The first row of a query, or undefined. */
  async one<T = Row>(sql: string, values?: SqlValue[]): Promise<T | undefined> {
    return (await this.all<T>(sql, values))[0];
  }

  /**
   * Runs `work` inside one transaction, after every earlier write has finished. Commits when
   * `work` resolves; rolls back (and rethrows) when it throws, leaving nothing half-written.
   */
  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    this.assertOpen();
    const next = this.queue.then(async () => {
      const tx: Transaction = {
        run: async (sql, values) => {
          await this.writer.run(sql, values);
        },
        all: async <R = Row>(sql: string, values?: SqlValue[]) =>
          (await this.writer.runAndReadAll(sql, values)).getRowObjectsJS().map(plainRow) as R[],
      };
      await this.writer.run('BEGIN TRANSACTION');
      try {
        const result = await work(tx);
        await this.writer.run('COMMIT');
        return result;
      } catch (error) {
        await this.writer.run('ROLLBACK').catch(() => {});
        throw error;
      }
    });
    // The queue carries on after a failed write; the caller still sees the failure.
    this.queue = next.catch(() => {});
    return next;
  }

  /** Writes the WAL into the database file (used before a file-level backup). */
  async checkpoint(): Promise<void> {
    await this.write(async () => {}).then(() => this.writer.run('CHECKPOINT'));
  }

  /** Waits for queued writes, then closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    for (const cache of this.prepared.values())
      for (const statement of cache.values()) statement.destroySync();
    for (const reader of this.readers) reader.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`The portal database ${this.file} is closed.`);
  }
}

// BIGINT → number (counts and ids here are far below 2^53); timestamps/dates → ISO strings.
function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'bigint') out[key] = Number(value);
    else if (value instanceof Date) out[key] = value.toISOString();
    else out[key] = value;
  }
  return out;
}
