/**
 * Property-based (fast-check) tests of the submission validator: thousands of malformed files,
 * no crash, every rejection explained at the right line, never a partial application.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SubmissionRowSchema } from '../src/schema/submission-row.js';
import { applySubmission } from '../src/validation/apply-submission.js';
import { SUBMISSION_RULES } from '../src/validation/problem.js';
import type { SubmissionValidation } from '../src/validation/validate-submission.js';
import { validateSubmission } from '../src/validation/validate-submission.js';
import { context, HEADER } from './helpers.js';

/** Structural promises every result keeps, whatever the input. */
function expectWellFormed(result: SubmissionValidation, text: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  expect(result.ok).toBe(result.errors.length === 0);
  expect(result.problems.length).toBe(result.errors.length + result.warnings.length);
  for (const p of result.problems) {
    // Plain checks: expect() per problem is too slow for thousands of files.
    const explained =
      p.rule in SUBMISSION_RULES &&
      Number.isInteger(p.row) &&
      p.row >= 1 &&
      p.row <= lineCount &&
      p.message.length > 10;
    if (!explained) throw new Error(`Unexplained problem ${JSON.stringify(p)} for ${JSON.stringify(text)}`);
  }
  if (result.ok) {
    for (const row of result.rows) expect(v.is(SubmissionRowSchema, row)).toBe(true);
  } else {
    expect(result.rows).toBeNull();
    expect(() => applySubmission([], result)).toThrow(TypeError);
  }
}

const MEASURES = ['booking_by_10wk', 'caesarean_rate', 'pph_1500'];
const CODES = ['A', 'C', 'H', 'J', 'N', 'Z', '99'];

/** A valid file: rows = measures x codes for one site-month, with a total that adds up. */
function baseRows(): string[][] {
  const rows: string[][] = [];
  for (const m of MEASURES) {
    let n = 0;
    let d = 0;
    CODES.forEach((code, i) => {
      const den = 10 + i * 7;
      const num = Math.floor(den / 3);
      n += num;
      d += den;
      rows.push(['S2', '2026-09', m, code, String(num), String(den)]);
    });
    rows.push(['S2', '2026-09', m, 'ALL', String(n), String(d)]);
  }
  return rows;
}

const render = (rows: string[][]) => `${[HEADER, ...rows.map((r) => r.join(','))].join('\n')}\n`;

type Mutation = {
  apply: (row: string[]) => string[];
  rule: keyof typeof SUBMISSION_RULES;
  column: string | null;
};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.integer({ min: 1, max: 10_000 }).map((k) => ({
    apply: (r: string[]) => [...r.slice(0, 4), String(-k), r[5] ?? ''],
    rule: 'negative' as const,
    column: 'numerator',
  })),
  fc.constantFrom('1.5', 'abc', '1e3', '"1,000"', '½', '0x10', 'NaN', '12 3').map((bad) => ({
    apply: (r: string[]) => [...r.slice(0, 5), bad],
    rule: 'not_integer' as const,
    column: 'denominator',
  })),
  fc.integer({ min: 1, max: 500 }).map((k) => ({
    apply: (r: string[]) => [...r.slice(0, 4), String(Number(r[5]) + k), r[5] ?? ''],
    rule: 'numerator_exceeds_denominator' as const,
    column: 'numerator',
  })),
  fc.constantFrom('S99', 'Site A', 's1x', '#', 'ALL').map((site) => ({
    apply: (r: string[]) => [site, ...r.slice(1)],
    rule: 'unknown_site' as const,
    column: 'site_id',
  })),
  fc.constantFrom('2026-13', '26-09', 'Sept 2026', '2026/09', '2026-9', '2026-09-15', '0000-01').map((p) => ({
    apply: (r: string[]) => [r[0] ?? '', p, ...r.slice(2)],
    rule: 'malformed_period' as const,
    column: 'period',
  })),
  fc.integer({ min: 1, max: 600 }).map((months) => {
    const future = new Date(Date.UTC(2026, 10 + months, 1));
    const p = `${future.getUTCFullYear()}-${String(future.getUTCMonth() + 1).padStart(2, '0')}`;
    return {
      apply: (r: string[]) => [r[0] ?? '', p, ...r.slice(2)],
      rule: 'future_period' as const,
      column: 'period',
    };
  }),
  fc.constantFrom('pph', 'stillbirths', 'booking_by_12wk', 'DROP TABLE').map((m) => ({
    apply: (r: string[]) => [...r.slice(0, 2), m, ...r.slice(3)],
    rule: 'unknown_measure' as const,
    column: 'measure_id',
  })),
  fc.constantFrom('I', 'O', 'Q', 'T', '98', 'white british', 'TOTAL', 'A1').map((code) => ({
    apply: (r: string[]) => [...r.slice(0, 3), code, ...r.slice(4)],
    rule: 'unknown_ethnic_category' as const,
    column: 'ethnic_category',
  })),
  fc.integer({ min: 0, max: 5 }).map((i) => ({
    apply: (r: string[]) => [...r.slice(0, i), ...r.slice(i + 1)],
    rule: 'wrong_field_count' as const,
    column: null,
  })),
  fc.constantFrom(0, 1, 2, 3).map((i) => ({
    apply: (r: string[]) => r.map((cell, j) => (j === i ? ' ' : cell)),
    rule: 'required' as const,
    column: ['site_id', 'period', 'measure_id', 'ethnic_category'][i] ?? null,
  })),
  fc.constant({
    apply: (r: string[]) => [...r.slice(0, 5), ''],
    rule: 'half_empty' as const,
    column: 'denominator',
  }),
);

describe('submission validator fuzz', () => {
  it('never throws on arbitrary text and always returns a well-formed verdict', () => {
    const csvish = fc.string({
      unit: fc.constantFrom(
        ',',
        '"',
        '\n',
        '\r',
        ' ',
        'S',
        '1',
        'A',
        '-',
        '2026-09',
        'ALL',
        'pph_1500',
        '\uFEFF',
        'é',
        '9',
      ),
      maxLength: 200,
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          csvish,
          csvish.map((s) => `${HEADER}\n${s}`),
        ),
        (text) => {
          expectWellFormed(validateSubmission(text, context), text);
        },
      ),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('explains every injected defect at its line and column, and never applies the file', () => {
    const rows = baseRows();
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: rows.length - 1 }), mutation), {
          minLength: 1,
          maxLength: 4,
          selector: ([i]) => i,
        }),
        (mutations) => {
          const mutated = rows.map((r) => [...r]);
          for (const [i, m] of mutations) mutated[i] = m.apply(mutated[i] ?? []);
          const text = render(mutated);
          const result = validateSubmission(text, context);
          expectWellFormed(result, text);
          expect(result.ok).toBe(false);
          for (const [i, m] of mutations) {
            const line = i + 2;
            const explained = result.errors.some(
              (e) => e.row === line && e.rule === m.rule && (m.column === null || e.column === m.column),
            );
            if (!explained) {
              throw new Error(
                `line ${line}: expected ${m.rule} on ${m.column}; got ${JSON.stringify(result.errors.filter((e) => e.row === line))}`,
              );
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('reports a repeated line as a duplicate of the first, whatever line is repeated', () => {
    const rows = baseRows();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: rows.length - 1 }), (i) => {
        const result = validateSubmission(render([...rows, rows[i] ?? []]), context);
        expect(result.errors.map((e) => [e.row, e.rule])).toEqual([[rows.length + 2, 'duplicate_row']]);
        expect(result.errors[0]?.message).toContain(`repeats line ${i + 2}`);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts every valid file with any line order, line ending and header case, and keeps every row', () => {
    const rows = baseRows();
    fc.assert(
      fc.property(
        fc.shuffledSubarray(rows, { minLength: 1 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (subset, eol, upper) => {
          const header = upper ? HEADER.toUpperCase() : HEADER;
          const text = [header, ...subset.map((r) => r.join(','))].join(eol);
          const result = validateSubmission(text, context);
          expect(result.errors).toEqual([]);
          expect(result.rows?.length).toBe(subset.length);
          // Dropping rows can only ever produce category-sum warnings, never errors.
          for (const w of result.warnings) expect(w.rule).toBe('category_sum_mismatch');
        },
      ),
      { numRuns: 500 },
    );
  });
});
