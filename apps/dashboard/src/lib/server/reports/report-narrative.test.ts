import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../db/store.ts';
import { openQiTestStore, testUsers } from '../testing/qi-test-store.ts';
import { Forbidden, InvalidInput, NotFound } from '../write-errors.ts';
import { addReportComment, listReportComments } from './report-comments.ts';
import { saveReportNarrative } from './report-narrative.ts';

let store: Store;
beforeEach(async () => {
  store = await openQiTestStore();
});
afterEach(() => store.close());

const audit = () => store.all<{ action: string }>('SELECT action FROM audit_log ORDER BY audit_id');

describe('saveReportNarrative', () => {
  it('saves a draft, submits it, and keeps it submitted when revised', async () => {
    const draft = await saveReportNarrative(store, testUsers.leadS1, 'S1', '2026-03', {
      narrative: '  ## March\r\nDraft.  ',
      submit: false,
    });
    expect(draft).toMatchObject({ status: 'draft', narrative_md: '## March\nDraft.', submitted_at: null });
    const submitted = await saveReportNarrative(store, testUsers.leadS1, 'S1', '2026-03', {
      narrative: '## March\nSubmitted.',
      submit: true,
    });
    expect(submitted.status).toBe('submitted');
    expect(submitted.submitted_at).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const revised = await saveReportNarrative(store, testUsers.leadS1, 'S1', '2026-03', {
      narrative: '## March\nRevised.',
      submit: false,
    });
    expect(revised).toMatchObject({ status: 'submitted', submitted_at: submitted.submitted_at });
    expect(revised.updated_at > (submitted.submitted_at ?? '')).toBe(true);
    expect((await audit()).map((row) => row.action)).toEqual([
      'report.draft',
      'report.submit',
      'report.revise',
    ]);
  });

  it('lets only the site’s own lead write, and wants a narrative', async () => {
    for (const [user, site] of [
      [testUsers.leadS2, 'S1'],
      [testUsers.dataS1, 'S1'],
      [testUsers.faculty, 'S1'],
      [testUsers.advisory, 'S1'],
    ] as const)
      await expect(
        saveReportNarrative(store, user, site, '2026-03', { narrative: 'x', submit: true }),
      ).rejects.toBeInstanceOf(Forbidden);
    await expect(
      saveReportNarrative(store, testUsers.leadS1, 'S1', '2026-03', { narrative: '  ', submit: true }),
    ).rejects.toMatchObject({ fields: { narrative: expect.stringMatching(/^Write the narrative/) } });
    await expect(
      saveReportNarrative(store, testUsers.leadS1, 'S1', '2026-03', {
        narrative: 'x'.repeat(20_001),
        submit: true,
      }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      saveReportNarrative(store, testUsers.leadS1, 'S1', '2026-3', { narrative: 'x', submit: true }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await store.all('SELECT * FROM reports')).toEqual([]);
    expect(await audit()).toEqual([]);
  });
});

describe('addReportComment', () => {
  it('lets faculty and admins comment on a submitted report, audited', async () => {
    await saveReportNarrative(store, testUsers.leadS1, 'S1', '2026-03', { narrative: 'Done.', submit: true });
    const first = await addReportComment(store, testUsers.faculty, 'S1', '2026-03', 'Good **progress**.');
    await addReportComment(store, testUsers.admin, 'S1', '2026-03', 'Thanks.');
    expect(first).toMatchObject({ author: 'Test faculty', body_md: 'Good **progress**.', role: 'faculty' });
    expect((await listReportComments(store, 'S1', '2026-03')).map((c) => c.author)).toEqual([
      'Test faculty',
      'Test network_admin',
    ]);
    expect((await audit()).map((row) => row.action)).toEqual([
      'report.submit',
      'report.comment',
      'report.comment',
    ]);
  });

  it('refuses comments from site roles and the advisory group, on drafts, and empty ones', async () => {
    await saveReportNarrative(store, testUsers.leadS1, 'S1', '2026-03', {
      narrative: 'Draft.',
      submit: false,
    });
    await expect(addReportComment(store, testUsers.faculty, 'S1', '2026-03', 'Hi')).rejects.toBeInstanceOf(
      NotFound,
    );
    await saveReportNarrative(store, testUsers.leadS1, 'S1', '2026-03', { narrative: 'Done.', submit: true });
    for (const user of [testUsers.leadS1, testUsers.dataS1, testUsers.advisory])
      await expect(addReportComment(store, user, 'S1', '2026-03', 'Hi')).rejects.toBeInstanceOf(Forbidden);
    await expect(addReportComment(store, testUsers.faculty, 'S1', '2026-03', ' ')).rejects.toMatchObject({
      fields: { comment: 'Write your comment before sending it.' },
    });
    expect(await listReportComments(store, 'S1', '2026-03')).toEqual([]);
  });
});
