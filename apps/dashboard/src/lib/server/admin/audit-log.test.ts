import { readCsv } from '@maternity-qi/network-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, recordAudit } from '../db/audit-log.ts';
import type { Store } from '../db/store.ts';
import { migratedStore } from '../testing/temp-portal.ts';
import { auditLogCsv } from './audit-log-csv.ts';
import { AUDIT_PAGE_SIZE, auditActions, auditLogEntries, auditLogPage } from './audit-log-query.ts';

let store: Store;
const admin: Actor = { accountId: 'acc-admin', email: 'admin@trust.nhs.uk' };
const cli: Actor = { accountId: null, email: 'cli:alice' };

beforeAll(async () => {
  store = await migratedStore();
  // 120 entries: 60 account changes by the admin, 50 submissions by a lead, 10 by the CLI.
  await store.write(async (tx) => {
    for (let i = 0; i < 60; i += 1)
      await recordAudit(tx, admin, i % 2 ? 'account.create' : 'account.disable', `user${i}@trust.nhs.uk`, {
        n: i,
      });
    for (let i = 0; i < 50; i += 1)
      await recordAudit(
        tx,
        { accountId: 'acc-lead', email: 'Lead.S1@Trust.nhs.uk' },
        'submission.create',
        `S1 2025-${i}`,
      );
    for (let i = 0; i < 10; i += 1)
      await recordAudit(tx, cli, 'account.reset_password', `user${i}@trust.nhs.uk`, {
        display_name: '=cmd|x',
      });
  });
});
afterAll(() => store.close());

describe('auditLogPage', () => {
  it('pages 50 at a time, newest first', async () => {
    const first = await auditLogPage(store, {}, 1);
    expect(first).toMatchObject({ total: 120, page: 1, pageSize: AUDIT_PAGE_SIZE, pageCount: 3 });
    expect(first.entries).toHaveLength(50);
    const ids = first.entries.map((e) => e.auditId);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(first.entries[0]).toMatchObject({
      action: 'account.reset_password',
      email: 'cli:alice',
      accountId: null,
    });
    expect(first.entries[0]?.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const third = await auditLogPage(store, {}, 3);
    expect(third.entries).toHaveLength(20);
    expect(third.entries.at(-1)?.detail).toBe('{"n":0}');
    // Every entry appears on exactly one page.
    const all = [...first.entries, ...(await auditLogPage(store, {}, 2)).entries, ...third.entries];
    expect(new Set(all.map((e) => e.auditId)).size).toBe(120);
  });

  it('clamps pages outside the range to the first or last', async () => {
    expect((await auditLogPage(store, {}, 99)).page).toBe(3);
    expect((await auditLogPage(store, {}, -4)).page).toBe(1);
    expect((await auditLogPage(store, {}, Number.NaN)).page).toBe(1);
  });

  it('filters by action prefix and by email (case-insensitive, part of the address)', async () => {
    expect((await auditLogPage(store, { actionPrefix: 'account.' }, 1)).total).toBe(70);
    expect((await auditLogPage(store, { actionPrefix: 'account.create' }, 1)).total).toBe(30);
    expect((await auditLogPage(store, { email: 'lead.s1@' }, 1)).total).toBe(50);
    expect((await auditLogPage(store, { email: 'CLI:' }, 1)).total).toBe(10);
    expect((await auditLogPage(store, { actionPrefix: 'account.', email: 'admin@' }, 1)).total).toBe(60);
    // Text, not patterns: LIKE wildcards match themselves only.
    expect((await auditLogPage(store, { actionPrefix: '%' }, 1)).total).toBe(0);
    expect((await auditLogPage(store, { email: '_' }, 1)).total).toBe(0);
    const none = await auditLogPage(store, { actionPrefix: 'report.' }, 1);
    expect(none).toMatchObject({ total: 0, page: 1, pageCount: 1, entries: [] });
  });

  it('matches its documented example', async () => {
    const { entries, total } = await auditLogPage(store, { actionPrefix: 'account.' }, 1);
    expect(total).toBe(70);
    expect(entries[0]?.action).toBe('account.reset_password');
  });
});

describe('auditLogEntries and auditActions', () => {
  it('return every matching entry and the distinct actions', async () => {
    const mine = await auditLogEntries(store, { email: 'admin@' });
    expect(mine).toHaveLength(60);
    expect(mine.every((e) => e.email?.includes('admin@'))).toBe(true);
    expect(await auditActions(store)).toEqual([
      'account.create',
      'account.disable',
      'account.reset_password',
      'submission.create',
    ]);
  });
});

describe('auditLogCsv', () => {
  it('matches its documented example', () => {
    expect(
      auditLogCsv([
        {
          auditId: 1,
          occurredAt: '2026-01-01T09:00:00.000Z',
          accountId: null,
          email: 'cli:alice',
          action: 'account.create',
          target: 'x@nhs.net',
          detail: '{"display_name":"=HYPERLINK(1)","role":"faculty"}',
        },
      ]),
    ).toBe(
      'occurred_at,email,account_id,action,target,detail_display_name,detail_role\r\n' +
        "2026-01-01T09:00:00.000Z,cli:alice,,account.create,x@nhs.net,'=HYPERLINK(1),faculty\r\n",
    );
  });

  it('gives each detail key a column and neutralises every text cell', async () => {
    const entries = await auditLogEntries(store, {});
    const { records, problems } = readCsv(auditLogCsv(entries));
    expect(problems).toEqual([]);
    const [header, ...rows] = records.map((r) => r.fields);
    expect(header).toEqual([
      'occurred_at',
      'email',
      'account_id',
      'action',
      'target',
      'detail_display_name',
      'detail_n',
    ]);
    expect(rows).toHaveLength(120);
    expect(rows[0]).toEqual([
      entries[0]?.occurredAt,
      'cli:alice',
      '',
      'account.reset_password',
      'user9@trust.nhs.uk',
      "'=cmd|x",
      '',
    ]);
    expect(rows.at(-1)?.slice(1)).toEqual([
      'admin@trust.nhs.uk',
      'acc-admin',
      'account.disable',
      'user0@trust.nhs.uk',
      '',
      '0',
    ]);
  });

  it('keeps a detail that is not a JSON object whole, and nested values as JSON', () => {
    const base = { auditId: 1, occurredAt: 't', accountId: null, email: 'e', action: 'a', target: null };
    const text = auditLogCsv([
      { ...base, detail: 'plain text' },
      { ...base, detail: '{"ids":[1,2],"ok":true}' },
      { ...base, detail: null },
    ]);
    expect(text).toBe(
      'occurred_at,email,account_id,action,target,detail_ids,detail_ok,detail_value\r\n' +
        't,e,,a,,,,plain text\r\n' +
        't,e,,a,,"[1,2]",1,\r\n' +
        't,e,,a,,,,\r\n',
    );
  });
});
