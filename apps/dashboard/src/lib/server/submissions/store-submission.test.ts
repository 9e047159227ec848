import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SubmissionRow } from '@maternity-qi/network-data';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onDataChanged } from '../data-changes.ts';
import type { Store, Transaction } from '../db/store.ts';
import { checkSubmission } from './check-submission.ts';
import { ROWS_PER_INSERT, storeSubmission } from './store-submission.ts';
import {
  filledMonthCsv,
  openTestPortal,
  storedCounts,
  TEST_TODAY,
  type TestPortal,
} from './submission-test-support.ts';
import { listSubmissionVersions, submissionVersionCells } from './submission-versions.ts';

let dir: string;
let portal: TestPortal;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wt-subs-store-'));
  portal = await openTestPortal(path.join(dir, 'portal.duckdb'));
});
afterEach(async () => {
  await portal.store.close();
  rmSync(dir, { recursive: true, force: true });
});

function monthRows(siteId = 'S1', period = '2026-10', seed = 1): readonly SubmissionRow[] {
  const check = checkSubmission(portal.reference, filledMonthCsv(portal.reference, siteId, period, seed), {
    siteId,
    period,
    today: TEST_TODAY,
  });
  if (!check.ok) throw new Error(JSON.stringify(check.errors.slice(0, 3)));
  return check.rows;
}

/** Rows as the database returns a version's cells: sorted by measure, then ethnic category. */
function asSortedCells(rows: readonly SubmissionRow[]) {
  return rows
    .map((r) => ({
      measureId: r.measureId,
      ethnicCategory: r.ethnicCategory,
      numerator: r.numerator,
      denominator: r.denominator,
    }))
    .sort(
      (a, b) => a.measureId.localeCompare(b.measureId) || a.ethnicCategory.localeCompare(b.ethnicCategory),
    );
}

const submission = (rows: readonly SubmissionRow[], note: string | null = null) => ({
  siteId: 'S1',
  period: '2026-10',
  rows,
  fileSha256: 'f'.repeat(64),
  note,
});

/** A store whose transactions throw after `n` inserts into submission_rows (a crash midway). */
function failingAfterRowInserts(store: Store, n: number): Pick<Store, 'write'> {
  return {
    write: (work) =>
      store.write((tx) => {
        let inserts = 0;
        const failing: Transaction = {
          all: tx.all,
          run: async (sql, values) => {
            if (sql.includes('INSERT INTO submission_rows')) {
              if (inserts === n) throw new Error('simulated failure midway through the rows');
              inserts += 1;
            }
            await tx.run(sql, values);
          },
        };
        return work(failing);
      }),
  };
}

describe('storeSubmission', () => {
  it('stores version 1 with every row, the file hash, the submitter and an audit entry', async () => {
    const rows = monthRows();
    const stored = await storeSubmission(
      portal.store,
      portal.users.dataS1,
      submission(rows, 'First upload'),
      TEST_TODAY,
    );
    expect(stored).toEqual({ siteId: 'S1', period: '2026-10', version: 1, rows: rows.length });
    expect(rows.length).toBeGreaterThan(ROWS_PER_INSERT); // the month spans several INSERTs
    const [version] = await listSubmissionVersions(portal.store, 'S1', '2026-10');
    expect(version).toMatchObject({
      version: 1,
      submittedBy: 'data-s1',
      submitterEmail: 'data-s1@test.nhs.uk',
      rowCount: rows.length,
      fileSha256: 'f'.repeat(64),
      note: 'First upload',
      submittedAt: '2026-11-26T10:00:00.000Z',
    });
    expect(await submissionVersionCells(portal.store, 'S1', '2026-10', 1)).toEqual(asSortedCells(rows));
    expect(await storedCounts(portal.store, 'S1', '2026-10')).toEqual({
      versions: 1,
      rows: rows.length,
      audits: 1,
    });
  });

  it('stores a resubmission as version 2, keeping version 1 untouched', async () => {
    await storeSubmission(portal.store, portal.users.dataS1, submission(monthRows('S1', '2026-10', 1)));
    const second = await storeSubmission(
      portal.store,
      portal.users.leadS1,
      submission(monthRows('S1', '2026-10', 2)),
    );
    expect(second.version).toBe(2);
    const versions = await listSubmissionVersions(portal.store, 'S1', '2026-10');
    expect(versions.map((v) => [v.version, v.submittedBy])).toEqual([
      [2, 'lead-s1'],
      [1, 'data-s1'],
    ]);
    const one = await submissionVersionCells(portal.store, 'S1', '2026-10', 1);
    const two = await submissionVersionCells(portal.store, 'S1', '2026-10', 2);
    expect(one).not.toEqual(two);
    expect(one.length).toBe(two.length);
  });

  it('numbers versions per site and month', async () => {
    await storeSubmission(portal.store, portal.users.dataS1, submission(monthRows()));
    const other = await storeSubmission(portal.store, portal.users.leadS2, {
      ...submission(monthRows('S2', '2026-10')),
      siteId: 'S2',
    });
    const otherMonth = await storeSubmission(portal.store, portal.users.dataS1, {
      ...submission(monthRows('S1', '2026-09')),
      period: '2026-09',
    });
    expect([other.version, otherMonth.version]).toEqual([1, 1]);
  });

  it('gives 20 concurrent submissions of one month the versions 1 to 20, each with its own rows', async () => {
    const sent = Array.from({ length: 20 }, (_, i) => monthRows('S1', '2026-10', i + 1));
    const results = await Promise.all(
      sent.map((rows, i) =>
        storeSubmission(portal.store, portal.users.dataS1, { ...submission(rows), fileSha256: `seed-${i}` }),
      ),
    );
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    for (const v of await listSubmissionVersions(portal.store, 'S1', '2026-10')) {
      const rows = sent[Number(v.fileSha256?.slice('seed-'.length))] ?? [];
      expect(v.rowCount).toBe(rows.length);
      expect(await submissionVersionCells(portal.store, 'S1', '2026-10', v.version)).toEqual(
        asSortedCells(rows),
      );
    }
  });

  it('announces the new version after it is committed', async () => {
    const seen: string[] = [];
    const stop = onDataChanged((change) => seen.push(`${change.siteId} ${change.reason}`));
    await storeSubmission(portal.store, portal.users.dataS1, submission(monthRows()));
    stop();
    expect(seen).toEqual(['S1 submission S1 2026-10 v1']);
  });
});

describe('storeSubmission is atomic', () => {
  it('stores nothing when a row breaks the primary key after the first INSERT landed', async () => {
    const rows = monthRows();
    // The duplicate sits in the second INSERT, after ROWS_PER_INSERT rows were inserted.
    const broken = [...rows, rows[ROWS_PER_INSERT + 1] as SubmissionRow];
    const seen: string[] = [];
    const stop = onDataChanged((change) => seen.push(change.reason));
    await expect(storeSubmission(portal.store, portal.users.dataS1, submission(broken))).rejects.toThrow(
      /PRIMARY KEY|primary key|Duplicate key/i,
    );
    stop();
    expect(await storedCounts(portal.store, 'S1', '2026-10')).toEqual({ versions: 0, rows: 0, audits: 0 });
    expect(seen).toEqual([]);
  });

  it('stores nothing when the write fails after half the rows, and the next submission still gets version 1', async () => {
    const rows = monthRows();
    await expect(
      storeSubmission(failingAfterRowInserts(portal.store, 1), portal.users.dataS1, submission(rows)),
    ).rejects.toThrow('simulated failure midway');
    expect(await storedCounts(portal.store, 'S1', '2026-10')).toEqual({ versions: 0, rows: 0, audits: 0 });
    const stored = await storeSubmission(portal.store, portal.users.dataS1, submission(rows));
    expect(stored.version).toBe(1);
    expect(await storedCounts(portal.store, 'S1', '2026-10')).toEqual({
      versions: 1,
      rows: rows.length,
      audits: 1,
    });
  });

  it('leaves an earlier version whole when a resubmission fails', async () => {
    const rows = monthRows();
    await storeSubmission(portal.store, portal.users.dataS1, submission(rows));
    await expect(
      storeSubmission(
        failingAfterRowInserts(portal.store, 1),
        portal.users.dataS1,
        submission(monthRows('S1', '2026-10', 2)),
      ),
    ).rejects.toThrow();
    expect(await storedCounts(portal.store, 'S1', '2026-10')).toEqual({
      versions: 1,
      rows: rows.length,
      audits: 1,
    });
  });

  it('refuses rows for another site or month than the submission names', async () => {
    const rows = [...monthRows(), { ...(monthRows('S2')[0] as SubmissionRow) }];
    await expect(storeSubmission(portal.store, portal.users.dataS1, submission(rows))).rejects.toThrow(
      /A row for S2 2026-10 cannot be stored in S1 2026-10/,
    );
    expect(await storedCounts(portal.store, 'S1', '2026-10')).toEqual({ versions: 0, rows: 0, audits: 0 });
  });

  it('survives closing and reopening the database file', async () => {
    const rows = monthRows();
    await storeSubmission(portal.store, portal.users.dataS1, submission(rows));
    await portal.store.close();
    portal = await openTestPortal(path.join(dir, 'portal.duckdb'));
    expect(await storedCounts(portal.store, 'S1', '2026-10')).toEqual({
      versions: 1,
      rows: rows.length,
      audits: 1,
    });
  });
});
