import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../testing/temp-portal.ts';
import { Store } from './store.ts';

const folder = tempFolder();
afterAll(() => folder.remove());

async function tableStore(file = ':memory:'): Promise<Store> {
  const store = await Store.open(file);
  await store.write((tx) => tx.run('CREATE TABLE t (id INTEGER PRIMARY KEY, label VARCHAR)'));
  return store;
}

/** A promise and the function that resolves it, to hold a write open mid-transaction. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('Store', () => {
  it('matches its documented example', async () => {
    const store = await Store.open(':memory:');
    await store.write((tx) => tx.run('CREATE TABLE t (x INTEGER)'));
    await store.write((tx) => tx.run('INSERT INTO t VALUES (?)', [1]));
    expect((await store.all<{ x: number }>('SELECT x FROM t'))[0]?.x).toBe(1);
    await store.close();
  });

  it('lands all of 20 concurrent writes, one at a time, none lost', async () => {
    const store = await tableStore();
    let active = 0;
    let mostAtOnce = 0;
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.write(async (tx) => {
          active += 1;
          mostAtOnce = Math.max(mostAtOnce, active);
          // Each write reads what the earlier ones left, yields, then adds its row.
          const [row] = await tx.all<{ n: number }>('SELECT count(*) AS n FROM t');
          seen.push(row?.n ?? -1);
          await new Promise((resolve) => setTimeout(resolve, 1));
          await tx.run('INSERT INTO t VALUES (?, ?)', [i, `write ${i}`]);
          active -= 1;
        }),
      ),
    );
    expect(mostAtOnce).toBe(1);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const rows = await store.all<{ id: number }>('SELECT id FROM t ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    await store.close();
  });

  it('rolls a throwing write back completely and carries on with the next', async () => {
    const store = await tableStore();
    await store.write((tx) => tx.run("INSERT INTO t VALUES (1, 'kept')"));
    const failing = store.write(async (tx) => {
      await tx.run("INSERT INTO t VALUES (2, 'half')");
      await tx.run("UPDATE t SET label = 'changed' WHERE id = 1");
      throw new Error('validation failed at row 3');
    });
    const after = store.write((tx) => tx.run("INSERT INTO t VALUES (3, 'next')"));
    await expect(failing).rejects.toThrow('validation failed at row 3');
    await after;
    expect(await store.all('SELECT id, label FROM t ORDER BY id')).toEqual([
      { id: 1, label: 'kept' },
      { id: 3, label: 'next' },
    ]);
    await store.close();
  });

  it('rolls back the earlier statements when a later one breaks a constraint', async () => {
    const store = await tableStore();
    await expect(
      store.write(async (tx) => {
        await tx.run("INSERT INTO t VALUES (1, 'a')");
        await tx.run("INSERT INTO t VALUES (1, 'duplicate key')");
      }),
    ).rejects.toThrow(/constraint/i);
    expect(await store.all('SELECT * FROM t')).toEqual([]);
    await store.close();
  });

  it('reads only committed data while a write is in progress', async () => {
    const store = await tableStore();
    const { opened, open } = gate();
    const { opened: inserted, open: markInserted } = gate();
    const writing = store.write(async (tx) => {
      await tx.run("INSERT INTO t VALUES (1, 'pending')");
      // Inside the transaction the row is there...
      expect(await tx.all('SELECT id FROM t')).toEqual([{ id: 1 }]);
      markInserted();
      await opened;
    });
    await inserted;
    // ...outside it, not until COMMIT.
    expect(await store.all('SELECT id FROM t')).toEqual([]);
    expect(await store.one('SELECT id FROM t')).toBeUndefined();
    open();
    await writing;
    expect(await store.one('SELECT id, label FROM t')).toEqual({ id: 1, label: 'pending' });
    await store.close();
  });

  it('returns plain values: BIGINT as number, TIMESTAMP as an ISO string', async () => {
    const store = await Store.open(':memory:');
    expect(
      await store.one(
        "SELECT 9007199254740991::BIGINT AS big, TIMESTAMP '2026-05-01 09:30:00.25' AS at, NULL AS nothing, 'x' AS text",
      ),
    ).toEqual({ big: 9007199254740991, at: '2026-05-01T09:30:00.250Z', nothing: null, text: 'x' });
    await store.close();
  });

  it('keeps committed writes in the file across close and reopen, and checkpoints', async () => {
    const file = path.join(folder.dir, 'durable.duckdb');
    const store = await tableStore(file);
    await store.write((tx) => tx.run("INSERT INTO t VALUES (7, 'durable')"));
    await store.checkpoint();
    await store.close();
    const again = await Store.open(file);
    expect(await again.all('SELECT id, label FROM t')).toEqual([{ id: 7, label: 'durable' }]);
    await again.close();
  });

  it('waits for queued writes on close, then refuses further use', async () => {
    const store = await tableStore();
    const queued = store.write(async (tx) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.run("INSERT INTO t VALUES (1, 'queued')");
    });
    await store.close();
    await queued;
    await store.close(); // a second close is harmless
    await expect(store.all('SELECT 1')).rejects.toThrow('The portal database :memory: is closed.');
    expect(() => store.write(async () => {})).toThrow('is closed');
  });
});

describe('Store under concurrent reads', () => {
  it('answers many concurrent parameterised reads (each borrows its own connection)', async () => {
    const store = await Store.open(':memory:');
    await store.write((tx) => tx.run('CREATE TABLE t AS SELECT range AS x FROM range(1000)'));
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.one<{ n: number }>('SELECT count(*) AS n FROM t WHERE x >= ?', [i]),
      ),
    );
    expect(answers.map((answer) => answer?.n)).toEqual(Array.from({ length: 40 }, (_, i) => 1000 - i));
    await store.close();
  });
});
