import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statusCsv } from './submission-exports.ts';
import { statusMatrix, statusMonths, submissionStatus } from './submission-status.ts';
import { openTestPortal, TEST_TODAY, type TestPortal } from './submission-test-support.ts';

const sites = [
  { site_id: 'S1', display_name: 'Site A (London)' },
  { site_id: 'S2', display_name: '=Site B' },
];

describe('statusMonths', () => {
  it('is the 12 months before the current one, oldest first', () => {
    const months = statusMonths(TEST_TODAY);
    expect(months).toHaveLength(12);
    expect([months[0], months[11]]).toEqual(['2025-11', '2026-10']);
  });
});

describe('statusMatrix', () => {
  it('marks submitted, resubmitted, overdue and not yet due, with counts', () => {
    // 10 November: October is not due until the 15th; September is overdue.
    const today = new Date('2026-11-10T09:00:00Z');
    const matrix = statusMatrix(
      sites,
      ['2026-08', '2026-09', '2026-10'],
      [
        { siteId: 'S1', period: '2026-08', version: 1, submittedAt: '2026-09-10T10:00:00.000Z' },
        { siteId: 'S1', period: '2026-09', version: 3, submittedAt: '2026-10-20T10:00:00.000Z' },
        { siteId: 'S2', period: '2026-10', version: 1, submittedAt: '2026-11-02T10:00:00.000Z' },
        { siteId: 'S9', period: '2026-10', version: 1, submittedAt: '2026-11-02T10:00:00.000Z' },
      ],
      today,
    );
    expect(matrix.rows.map((row) => row.cells.map((c) => c.status))).toEqual([
      ['submitted', 'resubmitted', 'not_due'],
      ['overdue', 'overdue', 'submitted'],
    ]);
    expect(matrix.rows[0]?.cells[1]).toEqual({
      period: '2026-09',
      status: 'resubmitted',
      version: 3,
      submittedAt: '2026-10-20T10:00:00.000Z',
      deadline: '2026-10-15',
    });
    expect(matrix.rows[1]?.counts).toEqual({ submitted: 1, resubmitted: 0, overdue: 2, not_due: 0 });
    expect(matrix.monthCounts[2]).toEqual({ submitted: 1, resubmitted: 0, overdue: 0, not_due: 1 });
    expect(matrix.totals).toEqual({ submitted: 2, resubmitted: 1, overdue: 2, not_due: 1 });
  });

  it('turns October overdue on 16 November', () => {
    const on = (day: string) => statusMatrix(sites, ['2026-10'], [], new Date(day)).rows[0]?.cells[0]?.status;
    expect([on('2026-11-15T23:59:00Z'), on('2026-11-16T00:00:00Z')]).toEqual(['not_due', 'overdue']);
  });
});

describe('submissionStatus (database)', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await openTestPortal();
  });
  afterEach(async () => {
    await portal.store.close();
  });

  it('reads the latest version of each site’s month in the window', async () => {
    await portal.store.write(async (tx) => {
      for (const [site, period, version, at] of [
        ['S1', '2026-10', 1, '2026-11-01 09:00:00'],
        ['S1', '2026-10', 2, '2026-11-05 09:00:00'],
        ['S2', '2026-09', 1, '2026-10-09 09:00:00'],
        ['S2', '2025-10', 1, '2025-11-09 09:00:00'], // before the window
      ] as const)
        await tx.run(
          'INSERT INTO submission_versions VALUES (?, ?, ?, NULL, CAST(? AS TIMESTAMP), 0, NULL, NULL)',
          [site, period, version, at],
        );
    });
    const matrix = await submissionStatus(portal.store, sites, TEST_TODAY);
    const s1 = matrix.rows[0]?.cells.at(-1);
    expect(s1).toMatchObject({
      period: '2026-10',
      status: 'resubmitted',
      version: 2,
      submittedAt: '2026-11-05T09:00:00.000Z',
    });
    expect(matrix.rows[1]?.cells.at(-2)).toMatchObject({
      period: '2026-09',
      status: 'submitted',
      version: 1,
    });
    expect(matrix.totals).toEqual({ submitted: 1, resubmitted: 1, overdue: 22, not_due: 0 });
  });

  it('exports as spreadsheet-safe CSV (a site name starting with = is neutralised)', async () => {
    const csv = statusCsv(await submissionStatus(portal.store, sites, TEST_TODAY));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('site_id,site_name,period,status,version,submitted_at,deadline');
    expect(lines[1]).toBe('S1,Site A (London),2025-11,Missing (overdue),,,2025-12-15');
    expect(lines.find((line) => line.startsWith('S2,'))).toMatch(/^S2,'=Site B,/);
    expect(lines).toHaveLength(1 + 24 + 1);
  });
});
