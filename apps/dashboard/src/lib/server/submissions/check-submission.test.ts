import { readReferenceTables } from '@maternity-qi/network-data/node';
import { describe, expect, it } from 'vitest';
import { checkSubmission } from './check-submission.ts';
import { looksLikeFormula } from './formula-cells.ts';
import { siteSubmissionTemplate, templateFileName } from './submission-template.ts';
import { filledMonthCsv, TEST_TODAY } from './submission-test-support.ts';

const reference = readReferenceTables();
const target = { siteId: 'S1', period: '2026-10', today: TEST_TODAY } as const;

/** Replaces the cell of `column` on file line `line` (1 = header). */
function withCell(csv: string, line: number, column: string, value: string): string {
  const lines = csv.split('\n');
  const index = (lines[0] ?? '').split(',').indexOf(column);
  const fields = (lines[line - 1] ?? '').split(',');
  fields[index] = value;
  lines[line - 1] = fields.join(',');
  return lines.join('\n');
}

describe('siteSubmissionTemplate', () => {
  const template = siteSubmissionTemplate(reference, 'S3', '2026-10');
  const lines = template.trimEnd().split('\n');

  it('has the submission header and every line prefilled with the site and month', () => {
    expect(lines[0]).toBe('site_id,period,measure_id,ethnic_category,numerator,denominator');
    expect(lines.slice(1).every((line) => line.startsWith('S3,2026-10,') && line.endsWith(',,'))).toBe(true);
  });

  it('lists every charted measure with each NHS ethnic category and ALL', () => {
    const measures = reference.measures.filter((m) => m.default_chart !== 'none');
    const codes = reference.ethnicCategories.filter((e) => e.level === 'nhs2001');
    const expected = measures.reduce((n, m) => n + (m.by_ethnic_group ? codes.length + 1 : 1), 0);
    expect(lines).toHaveLength(expected + 1);
    expect(lines.filter((line) => line.includes(',ALL,'))).toHaveLength(measures.length);
  });

  it('validates as it is (empty counts mean not submitted), and once filled in', () => {
    expect(checkSubmission(reference, siteSubmissionTemplate(reference, 'S1', '2026-10'), target).ok).toBe(
      true,
    );
    const filled = checkSubmission(reference, filledMonthCsv(reference, 'S1', '2026-10'), target);
    expect(filled.ok && filled.warnings).toEqual([]);
  });

  it('names the file after the site and month', () => {
    expect(templateFileName('S3', '2026-10')).toBe('submission-S3-2026-10.csv');
  });
});

describe('checkSubmission', () => {
  const good = filledMonthCsv(reference, 'S1', '2026-10');

  it('reports errors by line and column with the rule and a message', () => {
    const bad = withCell(withCell(good, 3, 'numerator', '500'), 5, 'ethnic_category', 'XX');
    const check = checkSubmission(reference, bad, target);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors.map((e) => [e.line, e.column, e.rule])).toEqual([
      [3, 'numerator', 'numerator_exceeds_denominator'],
      [5, 'ethnic_category', 'unknown_ethnic_category'],
    ]);
  });

  it('refuses lines for another site or month than the one uploaded for', () => {
    const check = checkSubmission(reference, good, { ...target, siteId: 'S2' });
    expect(!check.ok && check.errors[0]).toMatchObject({ line: 2, column: 'site_id', rule: 'wrong_site' });
  });

  it('warns (without refusing) when ethnic categories do not add up to ALL', () => {
    const allLine = good.split('\n').findIndex((line) => line.includes(',ALL,')) + 1;
    const check = checkSubmission(reference, withCell(good, allLine, 'denominator', '99999'), target);
    expect(check.ok).toBe(true);
    expect(check.warnings.map((w) => [w.line, w.column, w.rule])).toEqual([
      [allLine, 'denominator', 'category_sum_mismatch'],
    ]);
  });

  it.each([
    ['=SUM(E2:E9)', 'numerator'],
    ['@SUM(E2)', 'denominator'],
    ['+E2', 'numerator'],
    ['-E2*2', 'denominator'],
    ['=HYPERLINK("https://evil.example")', 'site_id'],
  ])('refuses the formula %s in %s with a clear message', (formula, column) => {
    const check = checkSubmission(reference, withCell(good, 4, column, formula), target);
    expect(check.ok).toBe(false);
    const error = !check.ok ? check.errors.find((e) => e.column === column) : undefined;
    expect(error).toMatchObject({ line: 4, rule: 'spreadsheet_formula' });
    expect(error?.message).toMatch(/is a spreadsheet formula, not a value.*Paste Special → Values/);
  });

  it('keeps the validator message for a plain negative count', () => {
    const check = checkSubmission(reference, withCell(good, 4, 'numerator', '-5'), target);
    expect(!check.ok && check.errors[0]).toMatchObject({ rule: 'negative', column: 'numerator' });
  });

  it('reports a future month on every line when the clock says it is not yet that month', () => {
    const check = checkSubmission(reference, filledMonthCsv(reference, 'S1', '2026-12'), {
      ...target,
      period: '2026-12',
    });
    expect(!check.ok && check.errors[0]?.rule).toBe('future_period');
  });
});

describe('looksLikeFormula', () => {
  it.each([
    ['=1', true],
    [' =1', true],
    ['@A1', true],
    ['+A1', true],
    ['-A1', true],
    ['+5', false],
    ['-5', false],
    ['5', false],
    [null, false],
  ])('%j → %j', (value, expected) => {
    expect(looksLikeFormula(value)).toBe(expected);
  });
});
