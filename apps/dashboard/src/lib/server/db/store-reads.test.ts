import { describe, expect, it } from 'vitest';
import { Store } from './store.ts';

describe('Store reads', () => {
  it('answers 200 concurrent parameterised reads, beside writes, without failing', async () => {
    // One DuckDB connection runs one prepared statement at a time; concurrent requests used
    // to fail with "Failed to execute prepared statement" before reads got a connection each.
    const store = await Store.open(':memory:');
    await store.write((tx) => tx.run('CREATE TABLE t (k INTEGER, v VARCHAR)'));
    const reads: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i += 1) {
      reads.push(store.all<{ n: number }>('SELECT count(*) AS n FROM t WHERE k < ?', [i]));
      if (i % 20 === 0) reads.push(store.write((tx) => tx.run('INSERT INTO t VALUES (?, ?)', [i, `v${i}`])));
    }
    const settled = await Promise.allSettled(reads);
    expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await store.one<{ n: number }>('SELECT count(*) AS n FROM t')).toEqual({ n: 10 });
    await store.close();
  });

  it('re-runs a cached prepared read against the latest committed data', async () => {
    const store = await Store.open(':memory:');
    await store.write((tx) => tx.run('CREATE TABLE t (k INTEGER)'));
    const count = async () =>
      (await store.one<{ n: number }>('SELECT count(*) AS n FROM t WHERE k >= ?', [0]))?.n;
    // Enough reads that every pooled connection has the statement cached.
    for (let i = 0; i < 8; i += 1) expect(await count()).toBe(0);
    await store.write((tx) => tx.run('INSERT INTO t VALUES (1), (2)'));
    expect(await Promise.all(Array.from({ length: 8 }, count))).toEqual(Array(8).fill(2));
    await store.close();
  });

  it('keeps answering when more distinct queries are asked than statements are cached', async () => {
    const store = await Store.open(':memory:');
    for (let i = 0; i < 250; i += 1)
      expect(await store.one<{ v: number }>(`SELECT ?::INTEGER + ${i} AS v`, [1])).toEqual({ v: i + 1 });
    await store.close();
  });
});
