import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedStore } from '../testing/temp-portal.ts';
import { type Actor, recordAudit } from './audit-log.ts';
import type { Store } from './store.ts';

let store: Store;
const actor: Actor = { accountId: 'acc-1', email: 'lead.s1@demo.nhs.uk' };
beforeAll(async () => {
  store = await migratedStore();
});
afterAll(() => store.close());

describe('recordAudit', () => {
  it('matches its documented example: the entry lands with the write', async () => {
    await store.write(async (tx) => {
      await tx.run(
        "INSERT INTO aims VALUES ('AIM-S1-1', 'S1', 'booking_by_10wk', 'Black', 'Book earlier', 0.5, 0.7, '2026-03')",
      );
      await recordAudit(tx, actor, 'aim.create', 'AIM-S1-1', { measure_id: 'booking_by_10wk' });
    });
    const entry = await store.one<Record<string, unknown>>(
      "SELECT account_id, email, action, target, detail, occurred_at FROM audit_log WHERE action = 'aim.create'",
    );
    expect(entry).toMatchObject({
      account_id: 'acc-1',
      email: 'lead.s1@demo.nhs.uk',
      action: 'aim.create',
      target: 'AIM-S1-1',
      detail: '{"measure_id":"booking_by_10wk"}',
    });
    expect(Date.now() - Date.parse(String(entry?.occurred_at))).toBeLessThan(60_000);
  });

  it('leaves no entry when the write rolls back, and records system actors and empty detail', async () => {
    const before = (await store.one<{ n: number }>('SELECT count(*) AS n FROM audit_log'))?.n;
    await expect(
      store.write(async (tx) => {
        await recordAudit(tx, actor, 'aim.delete', 'AIM-S1-1');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM audit_log'))?.n).toBe(before);
    await store.write((tx) =>
      recordAudit(tx, { accountId: null, email: 'cli:alice' }, 'database.backup', null),
    );
    expect(
      await store.one("SELECT account_id, target, detail FROM audit_log WHERE email = 'cli:alice'"),
    ).toEqual({
      account_id: null,
      target: null,
      detail: '{}',
    });
  });
});
