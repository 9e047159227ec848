import { describe, expect, it } from 'vitest';
import { diffCsv, historyCsv } from './submission-exports.ts';
import type { SubmissionVersion } from './submission-versions.ts';

describe('historyCsv', () => {
  it('lists versions and neutralises a note that starts like a formula', () => {
    const version: SubmissionVersion = {
      siteId: 'S1',
      period: '2026-10',
      version: 2,
      submittedAt: '2026-11-05T09:00:00.000Z',
      submittedBy: 'acc-1',
      submitterEmail: 'data.s1@demo.nhs.uk',
      submitterName: 'Data entry',
      rowCount: 343,
      fileSha256: 'ab'.repeat(32),
      note: '=HYPERLINK("https://evil.example","fix")',
    };
    const lines = historyCsv([
      version,
      { ...version, version: 1, note: null, submitterEmail: null, submittedBy: null, fileSha256: null },
    ]).split('\r\n');
    expect(lines[0]).toBe('site_id,period,version,submitted_at,submitted_by,row_count,file_sha256,note');
    expect(lines[1]).toBe(
      `S1,2026-10,2,2026-11-05T09:00:00.000Z,data.s1@demo.nhs.uk,343,${'ab'.repeat(32)},"'=HYPERLINK(""https://evil.example"",""fix"")"`,
    );
    expect(lines[2]).toBe('S1,2026-10,1,2026-11-05T09:00:00.000Z,,343,,');
  });
});

describe('diffCsv', () => {
  it('writes changed, added and removed lines with counts before and after', () => {
    const csv = diffCsv(
      { siteId: 'S1', period: '2026-10', from: 1, to: 2 },
      {
        changed: [
          {
            measureId: 'caesarean_rate',
            ethnicCategory: 'A',
            before: { numerator: 10, denominator: 40 },
            after: { numerator: 12, denominator: 40 },
          },
        ],
        added: [{ measureId: 'caesarean_rate', ethnicCategory: 'ALL', numerator: 30, denominator: 90 }],
        removed: [{ measureId: '-bad', ethnicCategory: '@x', numerator: null, denominator: null }],
        unchanged: 5,
      },
    );
    expect(csv.split('\r\n')).toEqual([
      'site_id,period,from_version,to_version,change,measure_id,ethnic_category,numerator_before,denominator_before,numerator_after,denominator_after',
      'S1,2026-10,1,2,changed,caesarean_rate,A,10,40,12,40',
      'S1,2026-10,1,2,added,caesarean_rate,ALL,,,30,90',
      "S1,2026-10,1,2,removed,'-bad,'@x,,,,",
      '',
    ]);
  });
});
