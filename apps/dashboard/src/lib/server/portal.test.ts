import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closePortal, getPortal } from './portal.ts';
import { tempFolder } from './testing/temp-portal.ts';

const folder = tempFolder();
afterAll(async () => {
  await closePortal();
  folder.remove();
});

describe('getPortal', () => {
  it('matches its documented example: one migrated database per process', async () => {
    const databaseFile = path.join(folder.dir, 'portal.duckdb');
    const first = getPortal({ databaseFile, demo: false });
    expect(getPortal()).toBe(first);
    const { store, siteIds, reference } = await first;
    expect(store.file).toBe(databaseFile);
    expect(await store.all('SELECT count(*) AS n FROM accounts')).toEqual([{ n: 0 }]);
    expect([...siteIds]).toEqual(reference.sites.map((s) => s.site_id));
    await closePortal();
    await expect(store.all('SELECT 1')).rejects.toThrow(/is closed/);
    // The next call opens it afresh.
    const again = await getPortal({ databaseFile, demo: false });
    expect(again.store).not.toBe(store);
  });
});
