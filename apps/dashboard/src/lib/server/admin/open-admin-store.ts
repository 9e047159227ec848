import { existsSync } from 'node:fs';
import { migrate } from '../db/migrations.ts';
import { Store } from '../db/store.ts';
import { AdminError, DatabaseInUseError } from './admin-errors.ts';

// DuckDB's message when another process holds the file: "IO Error: Could not set lock on
// file "<path>": Conflicting lock is held in <program> (PID <n>). See also ...".
const LOCK_MESSAGE = /Could not set lock on file[^:]*:\s*(Conflicting lock is held in [^.]*?\(PID \d+\))?/;

/**
 * Whether an error from opening a DuckDB file means another process has it open.
 *
 * @example
 * ```ts
 * isDatabaseLockError(new Error('IO Error: Could not set lock on file "/p.duckdb": Conflicting lock is held in /usr/bin/node (PID 7)'));
 * // => true
 * isDatabaseLockError(new Error('IO Error: No such file')); // => false
 * ```
 */
export function isDatabaseLockError(error: unknown): boolean {
  return error instanceof Error && LOCK_MESSAGE.test(error.message);
}

/**
 * Opens the portal database for an admin task and brings its schema up to date. Refuses a
 * missing file unless `create` (only account creation may start a new database: the first
 * admin of a portal started without the demo), and turns DuckDB's lock error into a
 * {@link DatabaseInUseError} that tells the user to stop the portal.
 *
 * @example
 * ```ts
 * const store = await openAdminStore('/srv/portal/portal.duckdb');
 * await store.all('SELECT email FROM accounts');
 * await store.close();
 * ```
 */
export async function openAdminStore(file: string, options: { create?: boolean } = {}): Promise<Store> {
  if (!options.create && !existsSync(file))
    throw new AdminError(
      `No portal database at ${file}. Start the portal once to create it, or pass --db <file> (or set PORTAL_DB).`,
    );
  let store: Store;
  try {
    store = await Store.open(file);
  } catch (error) {
    if (isDatabaseLockError(error)) {
      const held = (error as Error).message.match(LOCK_MESSAGE)?.[1] ?? 'it holds the file lock';
      throw new DatabaseInUseError(file, held);
    }
    throw error;
  }
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
