import { describe, expect, it } from 'vitest';
import { buildSubmissionTemplate } from '../src/submission/submission-template.js';
import { applySubmission, latestVersions } from '../src/validation/apply-submission.js';
import { formatProblem } from '../src/validation/problem.js';
import { createSubmissionContext } from '../src/validation/submission-context.js';
import { validateSubmission } from '../src/validation/validate-submission.js';
import { context, HEADER, TODAY, tables, validFile } from './helpers.js';

const rulesOf = (text: string, ctx = context) =>
  validateSubmission(text, ctx).problems.map((p) => [p.severity, p.row, p.column, p.rule]);

describe('validateSubmission', () => {
  it('accepts a clean file and returns typed rows with their lines', () => {
    const result = validateSubmission(validFile(), context);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.rows[0]).toEqual({
      siteId: 'S1',
      period: '2026-10',
      measureId: 'booking_by_10wk',
      ethnicCategory: 'A',
      numerator: 40,
      denominator: 61,
    });
    expect(result.lines).toEqual([2, 3, 4, 5]);
  });

  it('reports every problem at once, with row, column, value, rule and message', () => {
    const file = [
      HEADER,
      'S9,2026-10,booking_by_10wk,A,1,2', // unknown site
      'S1,2026-13,booking_by_10wk,A,1,2', // malformed month
      'S1,2027-01,booking_by_10wk,A,1,2', // future month
      'S1,2026-10,no_such_measure,A,1,2', // unknown measure
      'S1,2026-10,booking_by_10wk,Q,1,2', // unknown ethnic code
      'S1,2026-10,booking_by_10wk,B,1.5,2', // not an integer
      'S1,2026-10,booking_by_10wk,C,-1,2', // negative
      'S1,2026-10,booking_by_10wk,D,5,2', // numerator > denominator
      'S1,2026-10,booking_by_10wk,K,5,', // half empty
      'S1,2026-10,booking_by_10wk,E,1,2', // fine
      'S1,2026-10,booking_by_10wk,E,1,2', // duplicate of the line above
      'S1,2026-10,booking_by_10wk,F,1', // wrong field count
      ',2026-10,booking_by_10wk,G,1,2', // empty site
      'S1,2026-10,ethnicity_recorded,A,1,2', // total-only measure by group
      'S1,2026-10,booking_by_10wk,H,1,999999999', // too large
    ].join('\n');
    const result = validateSubmission(file, context);
    expect(result.ok).toBe(false);
    expect(result.rows).toBeNull();
    expect(result.problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [2, 'site_id', 'unknown_site'],
      [3, 'period', 'malformed_period'],
      [4, 'period', 'future_period'],
      [5, 'measure_id', 'unknown_measure'],
      [6, 'ethnic_category', 'unknown_ethnic_category'],
      [7, 'numerator', 'not_integer'],
      [8, 'numerator', 'negative'],
      [9, 'numerator', 'numerator_exceeds_denominator'],
      [10, 'denominator', 'half_empty'],
      [12, null, 'duplicate_row'],
      [13, null, 'wrong_field_count'],
      [14, 'site_id', 'required'],
      [15, 'ethnic_category', 'not_by_ethnic_group'],
      [16, 'denominator', 'too_large'],
    ]);
    const negative = result.problems.find((p) => p.rule === 'negative');
    expect(negative?.value).toBe('-1');
    expect(negative?.message).toContain('Line 8');
    expect(formatProblem(result.problems[0] as (typeof result.problems)[number])).toBe(
      'error line 2, column site_id, value "S9" [unknown_site]: Line 2: site "S9" is not in the site table.',
    );
  });

  it('checks the header: missing, duplicate and unknown columns', () => {
    expect(
      rulesOf(
        'site_id,period,measure_id,ethnic_category,numerator,numerator,comment\nS1,2026-10,booking_by_10wk,A,1,2,x\n',
      ),
    ).toEqual([
      ['error', 1, 'numerator', 'duplicate_column'],
      ['warning', 1, 'comment', 'unknown_column'],
      ['error', 1, 'denominator', 'missing_column'],
    ]);
    expect(rulesOf('')).toEqual([['error', 1, null, 'empty_file']]);
    expect(rulesOf(`${HEADER}\n`)).toEqual([['error', 1, null, 'no_data_rows']]);
  });

  it('normalises spaces, header case, code case and first-of-month dates', () => {
    const file =
      'Site_ID, Period ,MEASURE_ID,ethnic_category,numerator,denominator\n S1 ,2026-10-01,Booking_By_10wk, white ,3,4\n';
    const result = validateSubmission(file, context);
    expect(result.problems).toEqual([]);
    expect(result.rows?.[0]).toMatchObject({
      siteId: 'S1',
      period: '2026-10',
      measureId: 'booking_by_10wk',
      ethnicCategory: 'WHITE',
    });
  });

  it('refuses another site or month when the upload is for one site and month', () => {
    const ctx = createSubmissionContext(tables, {
      today: TODAY,
      expectedSiteId: 'S2',
      expectedPeriod: '2026-09',
    });
    expect(rulesOf(validFile(), ctx).slice(0, 2)).toEqual([
      ['error', 2, 'site_id', 'wrong_site'],
      ['error', 2, 'period', 'wrong_period'],
    ]);
  });

  it('warns, without rejecting, when ethnic categories do not add up to the site total', () => {
    const file = validFile().replace('ALL,55,92', 'ALL,55,95');
    const result = validateSubmission(file, context);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.row, w.column, w.value, w.rule])).toEqual([
      [5, 'denominator', '95', 'category_sum_mismatch'],
    ]);
    expect(result.warnings[0]?.message).toContain('difference 3');
  });

  it('treats an empty numerator and denominator pair as not submitted', () => {
    const result = validateSubmission(`${HEADER}\nS1,2026-10,booking_by_10wk,A,,\n`, context);
    expect(result.ok).toBe(true);
    expect(result.rows?.[0]?.numerator).toBeNull();
  });

  it('the downloadable template validates as an empty (not yet filled) submission', () => {
    const template = buildSubmissionTemplate({
      siteId: 'S3',
      period: '2026-10',
      measures: tables.measures,
      ethnicCategories: tables.ethnicCategories,
    });
    const result = validateSubmission(template, context);
    expect(result.ok).toBe(true);
    expect(result.rows?.length).toBe(18 * 19 + 1);
  });
});

describe('applySubmission', () => {
  it('applies a clean file whole, as a new version, without touching the input', () => {
    const first = applySubmission([], validateSubmission(validFile(), context));
    expect(first.rows).toHaveLength(4);
    const stored = Object.freeze([...first.rows]);
    const second = applySubmission(
      stored,
      validateSubmission(
        validFile().replace('A,40,61', 'A,41,61').replace('ALL,55,92', 'ALL,56,92'),
        context,
      ),
    );
    expect(stored).toHaveLength(4);
    expect(second.rows).toHaveLength(8);
    expect(second.versions.get('S1|2026-10')).toBe(2);
    expect(latestVersions(second.rows).map((r) => r.numerator)).toEqual([41, 12, 3, 56]);
  });

  it('never applies part of a file: one bad line rejects the whole file', () => {
    const bad = validateSubmission(`${validFile()}S1,2026-10,booking_by_10wk,B,9,1\n`, context);
    expect(bad.ok).toBe(false);
    expect(() => applySubmission([], bad)).toThrow(/Refusing to apply a submission with 1 error/);
  });
});
