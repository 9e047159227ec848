import type { Table } from 'apache-arrow';

/** A value bound to a `?` placeholder in a prepared statement. */
export type QueryParameter = string | number | boolean | null | Date;

/**
 * The few things the dashboard needs from DuckDB. The browser implements it over
 * DuckDB-WASM in a web worker (`browser-engine.ts`); unit tests implement it over
 * DuckDB-WASM's blocking Node bundle (`node-engine.ts`), so both run the same engine
 * and the same SQL.
 */
export interface SqlEngine {
  /** Runs SQL, with `?` placeholders bound to `params` through a prepared statement. */
  query(sql: string, params?: readonly QueryParameter[]): Promise<Table>;
  /** Creates table `name` from Arrow IPC *stream* bytes. */
  insertArrowStream(name: string, bytes: Uint8Array): Promise<void>;
  /** Frees the database and its worker (the only way to give wasm memory back). */
  close(): Promise<void>;
}

/**
 * Settings applied to every engine straight after it opens. Extensions are never
 * installed or loaded at run time: a hospital network or CI box without internet
 * would otherwise hang on the first Parquet/JSON call, and the app must make no
 * request to any other host (shared/spec/dashboard-notes.md §0.2, b.4).
 */
export const engineSettings = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET allow_community_extensions = false',
] as const;

/**
 * Settings applied once the tables are loaded. From then on SQL typed on the Explore
 * page can read the loaded tables but no file, URL or extension, and cannot undo
 * this: whatever reaches the browser is already public, but the tab must not be
 * turned into a way to fetch from elsewhere.
 */
export const lockdownSettings = [
  'SET enable_external_access = false',
  'SET lock_configuration = true',
] as const;

/** Options for `db.open`: numbers not BigInts, decimals as doubles, timestamps as dates. */
export const openOptions = {
  query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true },
} as const;
