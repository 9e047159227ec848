import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db/store.ts';
import { saveAim } from '../qi-log/aims.ts';
import { saveChangeIdea } from '../qi-log/change-ideas.ts';
import { savePdsaCycle } from '../qi-log/pdsa-cycles.ts';
import { addSubmission, openQiTestStore, testReference, testUsers } from '../testing/qi-test-store.ts';
import { Forbidden, NotFound } from '../write-errors.ts';
import { reportWindow } from './aim-chart.ts';
import { readMonthlyReport } from './monthly-report.ts';
import { addReportComment } from './report-comments.ts';
import { listReportMonths } from './report-index.ts';
import { saveReportNarrative } from './report-narrative.ts';

let store: Store;
beforeAll(async () => {
  store = await openQiTestStore();
  // 24 months of booking by 10 weeks for Black women (codes M and N) at S1.
  for (const [index, period] of reportWindow('2026-03').months.entries())
    await addSubmission(store, 'S1', period, 1, [
      ['booking_by_10wk', 'M', 10 + (index % 4), 25],
      ['booking_by_10wk', 'N', 12, 25],
      ['booking_by_10wk', 'A', 40, 50],
    ]);
  await saveAim(store, testReference, testUsers.leadS1, 'S1', {
    measure_id: 'booking_by_10wk',
    focus: 'groups',
    ethnic_groups: ['BLACK'],
    baseline_value: '45',
    target_value: '65',
    target_period: '2026-12',
  });
  await saveChangeIdea(store, testUsers.leadS1, 'S1', {
    aim_id: 'AIM-S1-1',
    primary_driver: 'Women know how to self-refer',
    title: 'Self-referral QR codes',
  });
  await savePdsaCycle(store, testReference, testUsers.leadS1, 'S1', {
    change_idea_id: 'AIM-S1-1-CI1',
    plan: 'QR code posters at one GP surgery.',
    start_period: '2025-11',
  });
  await savePdsaCycle(store, testReference, testUsers.leadS1, 'S1', {
    change_idea_id: 'AIM-S1-1-CI1',
    plan: 'Drop-ins at two community venues.',
    start_period: '2026-05',
  });
  await store.write((tx) =>
    tx.run(`INSERT INTO annotations VALUES
      ('DQ-S1', 'S1', '2025-06', NULL, NULL, 'data_issue', 'Late extract.'),
      ('OTHER', 'S1', '2025-07', 'booking_by_10wk', 'ASIAN', 'pdsa', 'Another aim’s cycle.'),
      ('OLD', 'S1', '2023-01', 'booking_by_10wk', 'BLACK', 'pdsa', 'Before the window.')`),
  );
});
afterAll(() => store.close());

describe('readMonthlyReport', () => {
  it('charts each aim over 24 months with its target and the notes for its groups', async () => {
    const report = await readMonthlyReport(store, testReference, testUsers.dataS1, 'S1', '2026-03');
    expect(report.site.display_name).toBe('Site A (London)');
    expect(report.window.label).toBe('April 2024 to March 2026');
    expect(report.aims).toHaveLength(1);
    const [aim] = report.aims;
    expect(aim?.problem).toBeNull();
    expect(aim?.chart?.dates).toHaveLength(24);
    // Month 0: (10 + 12) / 50 = 44%.
    expect(aim?.chart?.result.points[0]?.value).toBeCloseTo(44, 9);
    // 44-50% against a target of 65%: the target lies above the upper process limit.
    expect(aim?.chart?.result.groups.at(-1)?.assurance).toBe('consistent_fail');
    expect(aim?.annotations.map((note) => note.label)).toEqual([
      'Late extract.',
      'PDSA 1: QR code posters at one GP surgery.',
    ]);
    // Cycles that start after the report's month are not in it yet.
    expect(aim?.aim.changeIdeas[0]?.cycles.map((cycle) => cycle.cycle)).toEqual([1]);
    expect(report.narrative).toBeNull();
    expect(report.mayWrite).toBe(false);
  });

  it('shows a draft to the site team only, and renders the narrative safely', async () => {
    await saveReportNarrative(store, testUsers.leadS1, 'S1', '2026-03', {
      narrative: 'Draft <script>alert(1)</script> [x](javascript:alert(1))',
      submit: false,
    });
    const lead = await readMonthlyReport(store, testReference, testUsers.leadS1, 'S1', '2026-03');
    expect(lead.narrative?.status).toBe('draft');
    expect(lead.narrative?.markdown).toContain('<script>');
    expect(lead.narrative?.html).toBe(
      '<p>Draft &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</p>\n',
    );
    const faculty = await readMonthlyReport(store, testReference, testUsers.faculty, 'S1', '2026-03');
    expect([faculty.narrative, faculty.draftHidden, faculty.mayComment]).toEqual([null, true, false]);

    await saveReportNarrative(store, testUsers.leadS1, 'S1', '2026-03', {
      narrative: 'Final.',
      submit: true,
    });
    await addReportComment(store, testUsers.faculty, 'S1', '2026-03', 'See <https://www.england.nhs.uk>');
    const submitted = await readMonthlyReport(store, testReference, testUsers.faculty, 'S1', '2026-03');
    expect(submitted.narrative).toMatchObject({
      status: 'submitted',
      html: '<p>Final.</p>\n',
      markdown: null,
    });
    expect(submitted.mayComment).toBe(true);
    const seenBySite = await readMonthlyReport(store, testReference, testUsers.dataS1, 'S1', '2026-03');
    expect(seenBySite.comments.map((comment) => [comment.author, comment.html])).toEqual([
      [
        'Test faculty',
        '<p>See <a href="https://www.england.nhs.uk" rel="noopener noreferrer">https://www.england.nhs.uk</a></p>\n',
      ],
    ]);
  });

  it('refuses the advisory group and other sites’ teams', async () => {
    await expect(
      readMonthlyReport(store, testReference, testUsers.advisory, 'S1', '2026-03'),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(
      readMonthlyReport(store, testReference, testUsers.leadS2, 'S1', '2026-03'),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(
      readMonthlyReport(store, testReference, testUsers.faculty, 'S9', '2026-03'),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      readMonthlyReport(store, testReference, testUsers.faculty, 'S1', 'March'),
    ).rejects.toBeInstanceOf(NotFound);
  });
});

describe('listReportMonths', () => {
  it('lists recent months with their status, for the sites the reader may see', async () => {
    const lead = await listReportMonths(store, testReference, testUsers.leadS1, 3);
    expect(lead.map((site) => site.siteId)).toEqual(['S1']);
    expect(lead[0]?.months).toEqual([
      { period: '2026-03', label: 'March 2026', status: 'submitted', comments: 1 },
      { period: '2026-02', label: 'February 2026', status: 'none', comments: 0 },
      { period: '2026-01', label: 'January 2026', status: 'none', comments: 0 },
    ]);
    const faculty = await listReportMonths(store, testReference, testUsers.faculty);
    expect(faculty.map((site) => site.siteId)).toEqual(testReference.sites.map((site) => site.site_id));
    expect(faculty[1]?.months).toEqual([]);
    expect(await listReportMonths(store, testReference, testUsers.advisory)).toEqual([]);
  });
});
