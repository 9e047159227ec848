// The upload page's preview and confirm steps and the API's one-step submission, end to end
// over an in-memory database: what each refuses (and that a refusal stores nothing).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmPendingUpload } from './confirm-pending-upload.ts';
import { PENDING_UPLOAD_MINUTES } from './pending-uploads.ts';
import { previewUpload } from './preview-upload.ts';
import {
  filledMonthCsv,
  openTestPortal,
  storedCounts,
  TEST_TODAY,
  type TestPortal,
  utf8,
} from './submission-test-support.ts';
import { listSubmissionVersions } from './submission-versions.ts';
import { submitCsv } from './submit-csv.ts';
import { MAX_UPLOAD_BYTES } from './uploaded-csv.ts';

let portal: TestPortal;
beforeEach(async () => {
  portal = await openTestPortal();
});
afterEach(async () => {
  await portal.store.close();
});

const month = '2026-10';
const upload = (text: string, extra: Partial<Parameters<typeof previewUpload>[2]> = {}) => ({
  bytes: utf8(text),
  fileName: 'october.csv',
  contentType: 'text/csv',
  period: month,
  today: TEST_TODAY,
  ...extra,
});
const apiBody = (text: string | Uint8Array, extra: Partial<Parameters<typeof submitCsv>[2]> = {}) => ({
  bytes: typeof text === 'string' ? utf8(text) : text,
  contentType: 'text/csv',
  period: month,
  note: null,
  today: TEST_TODAY,
  ...extra,
});
const pendingCount = async () =>
  (await portal.store.one<{ n: number }>('SELECT count(*) AS n FROM pending_uploads'))?.n;

describe('previewUpload', () => {
  it('checks a good file, keeps it pending and stores no submission', async () => {
    const result = await previewUpload(
      portal,
      portal.users.dataS1,
      upload(filledMonthCsv(portal.reference, 'S1', month)),
    );
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const { preview } = result;
    expect(preview.check.ok).toBe(true);
    expect(preview.uploadId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(preview.latestVersion).toBe(0);
    expect(preview.dataLines).toBeGreaterThan(300);
    expect(preview.changes?.added).toHaveLength(preview.dataLines);
    expect(await storedCounts(portal.store, 'S1', month)).toEqual({ versions: 0, rows: 0, audits: 0 });
    expect(await pendingCount()).toBe(1);
  });

  it('lists errors by line and column and keeps nothing', async () => {
    const bad = filledMonthCsv(portal.reference, 'S1', month).replace(
      /\nS1,2026-10,([a-z_0-9]+),A,\d+,/,
      '\nS1,2026-10,$1,A,=1+1,',
    );
    const result = await previewUpload(portal, portal.users.dataS1, upload(bad));
    if (!result.ok) throw new Error('refused');
    expect(result.preview.check.ok).toBe(false);
    expect(!result.preview.check.ok && result.preview.check.errors[0]).toMatchObject({
      line: 2,
      column: 'numerator',
      rule: 'spreadsheet_formula',
    });
    expect(result.preview.uploadId).toBeNull();
    expect(await pendingCount()).toBe(0);
  });

  it('shows a refused file (Windows-1252) as an error preview', async () => {
    const result = await previewUpload(portal, portal.users.dataS1, {
      ...upload(''),
      bytes: new Uint8Array([...utf8('site_id\n'), 0xa3]),
    });
    expect(result.ok && !result.preview.check.ok && result.preview.check.errors[0]?.rule).toBe('not_utf8');
    expect(await pendingCount()).toBe(0);
  });

  it('shows what would change compared with the latest version', async () => {
    await submitCsv(portal, portal.users.dataS1, apiBody(filledMonthCsv(portal.reference, 'S1', month, 1)));
    const result = await previewUpload(
      portal,
      portal.users.leadS1,
      upload(filledMonthCsv(portal.reference, 'S1', month, 2)),
    );
    expect(result.ok && result.preview.latestVersion).toBe(1);
    expect(result.ok && (result.preview.changes?.changed.length ?? 0) > 0).toBe(true);
    expect(result.ok && result.preview.changes?.added).toEqual([]);
  });

  it.each([
    ['network admin', 'admin', 403],
    ['faculty', 'faculty', 403],
    ['advisory', 'advisory', 403],
  ] as const)('refuses the %s (403)', async (_, who, status) => {
    const result = await previewUpload(
      portal,
      portal.users[who],
      upload(filledMonthCsv(portal.reference, 'S1', month)),
    );
    expect(result).toMatchObject({ ok: false, status });
    expect(await pendingCount()).toBe(0);
  });

  it('refuses a future month with a clear message', async () => {
    const result = await previewUpload(portal, portal.users.dataS1, upload('x', { period: '2026-12' }));
    expect(!result.ok && result.errors[0]?.message).toMatch(/2026-12 is in the future/);
  });
});

describe('confirmPendingUpload', () => {
  async function previewed(user = portal.users.dataS1, seed = 1) {
    const result = await previewUpload(
      portal,
      user,
      upload(filledMonthCsv(portal.reference, 'S1', month, seed)),
    );
    if (!result.ok || !result.preview.uploadId) throw new Error('preview failed');
    return result.preview.uploadId;
  }

  it('stores the previewed file as version 1, with the note, and clears the pending upload', async () => {
    const uploadId = await previewed();
    const result = await confirmPendingUpload(portal, portal.users.dataS1, {
      uploadId,
      note: ' First go ',
      today: TEST_TODAY,
    });
    expect(result).toMatchObject({ ok: true, stored: { siteId: 'S1', period: month, version: 1 } });
    const [version] = await listSubmissionVersions(portal.store, 'S1', month);
    expect(version?.note).toBe('First go');
    expect(await pendingCount()).toBe(0);
  });

  it('stores once when confirmed twice (a double click)', async () => {
    const uploadId = await previewed();
    const [first, second] = await Promise.all([
      confirmPendingUpload(portal, portal.users.dataS1, { uploadId, note: null, today: TEST_TODAY }),
      confirmPendingUpload(portal, portal.users.dataS1, { uploadId, note: null, today: TEST_TODAY }),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.ok)).toMatchObject({ status: 409 });
    expect((await storedCounts(portal.store, 'S1', month)).versions).toBe(1);
  });

  it('refuses another account confirming someone else’s upload', async () => {
    const uploadId = await previewed();
    const result = await confirmPendingUpload(portal, portal.users.leadS1, {
      uploadId,
      note: null,
      today: TEST_TODAY,
    });
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect((await storedCounts(portal.store, 'S1', month)).versions).toBe(0);
  });

  it('refuses an upload previewed more than an hour ago', async () => {
    const uploadId = await previewed();
    const later = new Date(TEST_TODAY.getTime() + (PENDING_UPLOAD_MINUTES + 1) * 60_000);
    const result = await confirmPendingUpload(portal, portal.users.dataS1, {
      uploadId,
      note: null,
      today: later,
    });
    expect(!result.ok && result.errors[0]?.message).toMatch(/more than an hour ago/);
    expect((await storedCounts(portal.store, 'S1', month)).versions).toBe(0);
  });

  it('checks the file again at confirmation: a month no longer submittable is refused', async () => {
    const uploadId = await previewed();
    await portal.store.write((tx) => tx.run("UPDATE pending_uploads SET period = '2025-10'"));
    const refused = await confirmPendingUpload(portal, portal.users.dataS1, {
      uploadId,
      note: null,
      today: TEST_TODAY,
    });
    expect(!refused.ok && refused.errors[0]?.message).toMatch(/more than 12 months ago/);
    expect(await pendingCount()).toBe(1);
  });

  it('checks the file again at confirmation: a measure dropped from the catalogue is refused', async () => {
    const uploadId = await previewed();
    const [dropped, ...measures] = portal.reference.measures;
    const changed = { ...portal, reference: { ...portal.reference, measures } };
    const refused = await confirmPendingUpload(changed, portal.users.dataS1, {
      uploadId,
      note: null,
      today: TEST_TODAY,
    });
    expect(refused).toMatchObject({ ok: false, status: 422 });
    expect(!refused.ok && refused.errors[0]).toMatchObject({ column: 'measure_id', rule: 'unknown_measure' });
    expect(!refused.ok && refused.errors[0]?.message).toContain(dropped?.measure_id);
    expect((await storedCounts(portal.store, 'S1', month)).versions).toBe(0);
  });

  it('refuses a note over 1000 characters and stores nothing', async () => {
    const uploadId = await previewed();
    const result = await confirmPendingUpload(portal, portal.users.dataS1, {
      uploadId,
      note: 'x'.repeat(1001),
      today: TEST_TODAY,
    });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect((await storedCounts(portal.store, 'S1', month)).versions).toBe(0);
  });

  it('refuses unknown upload ids without touching the database', async () => {
    const result = await confirmPendingUpload(portal, portal.users.dataS1, {
      uploadId: "x' OR 1=1 --",
      note: null,
      today: TEST_TODAY,
    });
    expect(result).toMatchObject({ ok: false, status: 409 });
  });
});

describe('submitCsv (the API)', () => {
  it('stores a good file and reports the version and row count', async () => {
    const text = filledMonthCsv(portal.reference, 'S1', month);
    const result = await submitCsv(portal, portal.users.dataS1, apiBody(text, { note: 'from script' }));
    expect(result).toMatchObject({ ok: true, stored: { siteId: 'S1', period: month, version: 1 } });
    const again = await submitCsv(portal, portal.users.leadS1, apiBody(text));
    expect(again.ok && again.stored.version).toBe(2);
  });

  it.each([
    ['a 1 MB + 1 byte body', new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61), {}, 413, 'too_large'],
    ['PNG bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), {}, 415, 'binary_file'],
    [
      'Windows-1252 text',
      new Uint8Array([...utf8('site_id,period\nS1,2026-10 caf'), 0xe9]),
      {},
      422,
      'not_utf8',
    ],
    ['a JSON body', utf8('{"rows":[]}'), { contentType: 'application/json' }, 415, 'wrong_file_type'],
    [
      'a header with no rows',
      utf8('site_id,period,measure_id,ethnic_category,numerator,denominator\n'),
      {},
      422,
      'no_data_rows',
    ],
    ['a future month', utf8('x'), { period: '2026-12' }, 400, 'period_not_submittable'],
  ] as const)('refuses %s and stores nothing', async (_, bytes, extra, status, rule) => {
    const result = await submitCsv(portal, portal.users.dataS1, apiBody(bytes, extra));
    expect(result).toMatchObject({ ok: false, status });
    expect(!result.ok && result.errors.map((e) => e.rule)).toContain(rule);
    expect(!result.ok && result.errors[0]?.message.length).toBeGreaterThan(20);
    expect(await storedCounts(portal.store, 'S1', month)).toEqual({ versions: 0, rows: 0, audits: 0 });
  });

  it('refuses network and advisory roles (403): they cannot submit', async () => {
    for (const who of ['admin', 'faculty', 'advisory'] as const) {
      const result = await submitCsv(
        portal,
        portal.users[who],
        apiBody(filledMonthCsv(portal.reference, 'S1', month)),
      );
      expect(result).toMatchObject({ ok: false, status: 403 });
    }
    expect((await storedCounts(portal.store, 'S1', month)).versions).toBe(0);
  });

  it('refuses a file for another site (the site comes from the account)', async () => {
    const result = await submitCsv(
      portal,
      portal.users.leadS2,
      apiBody(filledMonthCsv(portal.reference, 'S1', month)),
    );
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && result.errors[0]).toMatchObject({ line: 2, column: 'site_id', rule: 'wrong_site' });
    expect((await storedCounts(portal.store, 'S1', month)).versions).toBe(0);
  });
});
