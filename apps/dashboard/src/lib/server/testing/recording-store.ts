import type { Store, Transaction } from '../db/store.ts';
import type { QiStore } from '../qi-log/qi-store.ts';

/** A store whose writes are watched: the SQL of each transaction, and an optional failure. */
export interface RecordingStore extends QiStore {
  /** The statements of each write transaction, in order (committed or not). */
  transactions: string[][];
}

/**
 * Wraps a store so a test can see which statements ran in which transaction, and make a
 * statement matching `failOn` throw inside the transaction (to test that a write rolls back).
 *
 * @example
 * ```ts
 * const watched = recordingStore(store, /INSERT INTO audit_log/);
 * await savePdsaCycle(watched, …); // throws; nothing was written
 * watched.transactions[0]; // => ['SELECT max(cycle)…', 'INSERT INTO pdsa_cycles…', …]
 * ```
 */
export function recordingStore(store: Store, failOn?: RegExp): RecordingStore {
  const transactions: string[][] = [];
  return {
    transactions,
    all: store.all.bind(store),
    one: store.one.bind(store),
    write: (work) =>
      store.write((tx) => {
        const statements: string[] = [];
        transactions.push(statements);
        const watched: Transaction = {
          async run(sql, values) {
            statements.push(sql.trim());
            if (failOn?.test(sql)) throw new Error(`injected failure at: ${sql.trim().slice(0, 40)}`);
            await tx.run(sql, values);
          },
          all(sql, values) {
            statements.push(sql.trim());
            return tx.all(sql, values);
          },
        };
        return work(watched);
      }),
  };
}
