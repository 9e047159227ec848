import { afterEach, describe, expect, it } from 'vitest';
import { Store } from './store';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe('Store', () => {
  it('answers many concurrent reads (each borrows its own connection)', async () => {
    store = await Store.open(':memory:');
    await store.write((tx) => tx.run('CREATE TABLE t AS SELECT range AS x FROM range(1000)'));
    const open = store;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        open.one<{ n: number }>('SELECT count(*) AS n FROM t WHERE x >= ?', [i]),
      ),
    );
    expect(answers.map((answer) => answer?.n)).toEqual(Array.from({ length: 40 }, (_, i) => 1000 - i));
  });

  it('rolls a failed write back and keeps serving reads and writes', async () => {
    store = await Store.open(':memory:');
    await store.write((tx) => tx.run('CREATE TABLE t (x INTEGER)'));
    await expect(
      store.write(async (tx) => {
        await tx.run('INSERT INTO t VALUES (1)');
        throw new Error('bad row');
      }),
    ).rejects.toThrow('bad row');
    await store.write((tx) => tx.run('INSERT INTO t VALUES (2)'));
    expect(await store.all('SELECT x FROM t')).toEqual([{ x: 2 }]);
  });
});
