import { readCsv } from '../csv/read-csv.js';
import { TOTAL_CODE } from '../schema/ethnic-category.js';
import type { Period } from '../schema/period.js';
import { parsePeriod } from '../schema/period.js';
import type { SubmissionColumn, SubmissionRow } from '../schema/submission-row.js';
import { SUBMISSION_COLUMNS } from '../schema/submission-row.js';
import { checkCategorySums } from './category-sums.js';
import type { DataProblem, SubmissionRule } from './problem.js';
import type { SubmissionContext } from './submission-context.js';

/** A file that passed: its rows may be applied. Warnings are for the submitter to look at. */
export interface ValidSubmission {
  ok: true;
  rows: readonly SubmissionRow[];
  /** The 1-based file line of each row (same order as `rows`). */
  lines: readonly number[];
  errors: readonly [];
  warnings: readonly DataProblem[];
  problems: readonly DataProblem[];
}

/** A file that failed: nothing of it may be applied. */
export interface RejectedSubmission {
  ok: false;
  rows: null;
  errors: readonly DataProblem[];
  warnings: readonly DataProblem[];
  problems: readonly DataProblem[];
}

export type SubmissionValidation = ValidSubmission | RejectedSubmission;

const COUNT_COLUMNS = ['numerator', 'denominator'] as const;

/**
 * Checks a monthly submission file (long CSV: site_id, period, measure_id, ethnic_category,
 * numerator, denominator) and returns every problem at once, each with its file line, column,
 * value, rule and a message a person can act on. It never throws, whatever the text.
 *
 * Errors: CSV syntax, missing/duplicate columns, wrong field counts, empty cells, unknown site,
 * measure or ethnic code, a site other than the uploading one, malformed, future or other
 * months, counts that are not whole numbers, negative or implausibly large, one of numerator
 * and denominator missing, numerator > denominator, duplicated rows, per-group rows for a
 * total-only measure. Warnings (not errors, data-model.md §2.1): unknown extra columns are
 * ignored, and ethnic categories that do not add up to the site total (ALL), which real NHS
 * data often shows (MSDS booking-based breakdowns exceed total deliveries for about a third of
 * providers).
 *
 * Codes are normalised before checking: surrounding spaces, header case, ethnic codes in
 * lower case (`white` → `WHITE`), and months written as the first day (`2024-04-01`).
 *
 * @example
 * ```ts
 * const context = createSubmissionContext(
 *   { sites: [{ site_id: 'S1' }], measures: [{ measure_id: 'booking_by_10wk', by_ethnic_group: true }],
 *     ethnicCategories: [{ code: 'A', level: 'nhs2001' }, { code: 'ALL', level: 'total' }] },
 *   { today: new Date('2025-05-10T00:00:00Z') },
 * );
 * const good = validateSubmission('site_id,period,measure_id,ethnic_category,numerator,denominator\nS1,2025-04,booking_by_10wk,A,40,61\nS1,2025-04,booking_by_10wk,ALL,40,61\n', context);
 * good.ok; // => true
 * const bad = validateSubmission('site_id,period,measure_id,ethnic_category,numerator,denominator\nS9,2025-06,booking_by_10wk,A,70,61\n', context);
 * bad.errors.map((e) => [e.row, e.column, e.rule]);
 * // => [[2, 'site_id', 'unknown_site'], [2, 'period', 'future_period'], [2, 'numerator', 'numerator_exceeds_denominator']]
 * ```
 */
export function validateSubmission(text: string, context: SubmissionContext): SubmissionValidation {
  const problems: DataProblem[] = [];
  const add = (
    severity: DataProblem['severity'],
    row: number,
    column: string | null,
    value: string | null,
    rule: SubmissionRule,
    message: string,
  ) => problems.push({ severity, row, column, value, rule, message });

  const { records, problems: syntax } = readCsv(typeof text === 'string' ? text : '');
  for (const p of syntax) add('error', p.line, null, null, 'csv_syntax', p.message);

  const header = records[0];
  if (!header) {
    add(
      'error',
      1,
      null,
      null,
      'empty_file',
      'The file is empty: it needs a header line and one line per value.',
    );
    return finish(problems, [], []);
  }

  // Header: find each column by name, case- and space-insensitively.
  const index = new Map<SubmissionColumn, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if ((SUBMISSION_COLUMNS as readonly string[]).includes(name)) {
      const column = name as SubmissionColumn;
      if (index.has(column)) {
        add(
          'error',
          header.line,
          column,
          raw,
          'duplicate_column',
          `The column "${column}" appears twice in the header.`,
        );
      } else {
        index.set(column, i);
      }
    } else {
      add(
        'warning',
        header.line,
        raw,
        raw,
        'unknown_column',
        `The column "${raw}" is not part of the format (${SUBMISSION_COLUMNS.join(', ')}); it is ignored.`,
      );
    }
  });
  for (const column of SUBMISSION_COLUMNS) {
    if (!index.has(column)) {
      add(
        'error',
        header.line,
        column,
        null,
        'missing_column',
        `The header has no "${column}" column. Expected: ${SUBMISSION_COLUMNS.join(',')}.`,
      );
    }
  }
  if (records.length === 1) {
    add('error', header.line, null, null, 'no_data_rows', 'The file has a header but no values.');
  }

  const rows: SubmissionRow[] = [];
  const lines: number[] = [];
  const firstLineOfKey = new Map<string, number>();

  for (const record of records.slice(1)) {
    const line = record.line;
    if (record.fields.length !== header.fields.length) {
      add(
        'error',
        line,
        null,
        record.fields.join(',').slice(0, 200),
        'wrong_field_count',
        `Line ${line} has ${record.fields.length} fields but the header has ${header.fields.length}; check for a missing or extra comma.`,
      );
      continue;
    }
    const cell = (column: SubmissionColumn): string | null => {
      const i = index.get(column);
      return i === undefined ? null : (record.fields[i] ?? '');
    };
    const errorsBefore = problems.length;
    const required = (column: SubmissionColumn): string | null => {
      const raw = cell(column);
      if (raw === null) return null; // the missing column was reported once, on the header
      if (raw.trim() === '') {
        add('error', line, column, raw, 'required', `Line ${line}: ${column} is empty.`);
        return null;
      }
      return raw;
    };

    const siteRaw = required('site_id');
    const siteId = siteRaw?.trim() ?? null;
    if (siteRaw !== null && siteId !== null) {
      if (!context.siteIds.has(siteId)) {
        add(
          'error',
          line,
          'site_id',
          siteRaw,
          'unknown_site',
          `Line ${line}: site "${siteId}" is not in the site table.`,
        );
      } else if (context.expectedSiteId !== null && siteId !== context.expectedSiteId) {
        add(
          'error',
          line,
          'site_id',
          siteRaw,
          'wrong_site',
          `Line ${line}: this file was uploaded for site ${context.expectedSiteId} but the line is for ${siteId}.`,
        );
      }
    }

    const periodRaw = required('period');
    let period: Period | null = null;
    if (periodRaw !== null) {
      period = parsePeriod(periodRaw);
      if (period === null) {
        add(
          'error',
          line,
          'period',
          periodRaw,
          'malformed_period',
          `Line ${line}: "${periodRaw}" is not a month written YYYY-MM (for April 2024 write 2024-04).`,
        );
      } else if (period > context.currentPeriod) {
        add(
          'error',
          line,
          'period',
          periodRaw,
          'future_period',
          `Line ${line}: ${period} is in the future (the current month is ${context.currentPeriod}).`,
        );
      } else if (context.expectedPeriod !== null && period !== context.expectedPeriod) {
        add(
          'error',
          line,
          'period',
          periodRaw,
          'wrong_period',
          `Line ${line}: this file was uploaded for ${context.expectedPeriod} but the line is for ${period}.`,
        );
      }
    }

    const measureRaw = required('measure_id');
    const measureId = measureRaw?.trim().toLowerCase() ?? null;
    if (measureRaw !== null && measureId !== null && !context.measureIds.has(measureId)) {
      add(
        'error',
        line,
        'measure_id',
        measureRaw,
        'unknown_measure',
        `Line ${line}: measure "${measureRaw.trim()}" is not in the measure catalogue.`,
      );
    }

    const ethnicRaw = required('ethnic_category');
    const ethnicCategory = ethnicRaw?.trim().toUpperCase() ?? null;
    if (ethnicRaw !== null && ethnicCategory !== null) {
      const known =
        ethnicCategory === TOTAL_CODE ||
        context.nhsEthnicCodes.has(ethnicCategory) ||
        context.groupCodes.has(ethnicCategory);
      if (!known) {
        add(
          'error',
          line,
          'ethnic_category',
          ethnicRaw,
          'unknown_ethnic_category',
          `Line ${line}: "${ethnicRaw.trim()}" is not an NHS ethnic category code (A-S, Z, 99), a group code (WHITE, ASIAN, BLACK, MIXED, OTHER, UNKNOWN) or ALL.`,
        );
      } else if (
        measureId !== null &&
        context.totalOnlyMeasureIds.has(measureId) &&
        ethnicCategory !== TOTAL_CODE
      ) {
        add(
          'error',
          line,
          'ethnic_category',
          ethnicRaw,
          'not_by_ethnic_group',
          `Line ${line}: ${measureId} is reported for the site total only; use ethnic_category ALL.`,
        );
      }
    }

    const counts: Record<(typeof COUNT_COLUMNS)[number], number | null | undefined> = {
      numerator: undefined,
      denominator: undefined,
    };
    for (const column of COUNT_COLUMNS) {
      const raw = cell(column);
      if (raw === null) continue;
      const t = raw.trim();
      if (t === '') {
        counts[column] = null;
      } else if (/^\+?\d+$/.test(t)) {
        const value = Number(t);
        if (value > context.maxCount) {
          add(
            'error',
            line,
            column,
            raw,
            'too_large',
            `Line ${line}: ${column} ${t} is more than ${context.maxCount}, too many for one unit in one month.`,
          );
        } else {
          counts[column] = value;
        }
      } else if (/^-\s*\d+(\.\d+)?$/.test(t)) {
        add(
          'error',
          line,
          column,
          raw,
          'negative',
          `Line ${line}: ${column} ${t} is negative; counts start at 0.`,
        );
      } else {
        add(
          'error',
          line,
          column,
          raw,
          'not_integer',
          `Line ${line}: ${column} "${t}" is not a whole number (write digits only, no decimals, spaces or thousands separators).`,
        );
      }
    }
    const { numerator, denominator } = counts;
    if (numerator === null && typeof denominator === 'number') {
      add(
        'error',
        line,
        'numerator',
        '',
        'half_empty',
        `Line ${line}: a denominator is given without a numerator.`,
      );
    } else if (denominator === null && typeof numerator === 'number') {
      add(
        'error',
        line,
        'denominator',
        '',
        'half_empty',
        `Line ${line}: a numerator is given without a denominator.`,
      );
    } else if (typeof numerator === 'number' && typeof denominator === 'number' && numerator > denominator) {
      add(
        'error',
        line,
        'numerator',
        String(numerator),
        'numerator_exceeds_denominator',
        `Line ${line}: numerator ${numerator} is larger than denominator ${denominator}.`,
      );
    }

    if (siteId !== null && period !== null && measureId !== null && ethnicCategory !== null) {
      const key = `${siteId}|${period}|${measureId}|${ethnicCategory}`;
      const first = firstLineOfKey.get(key);
      if (first !== undefined) {
        add(
          'error',
          line,
          null,
          null,
          'duplicate_row',
          `Line ${line} repeats line ${first} (${siteId}, ${period}, ${measureId}, ${ethnicCategory}); keep one of them.`,
        );
      } else {
        firstLineOfKey.set(key, line);
      }
    }

    const lineIsClean = !problems.slice(errorsBefore).some((p) => p.severity === 'error');
    if (
      lineIsClean &&
      siteId !== null &&
      period !== null &&
      measureId !== null &&
      ethnicCategory !== null &&
      numerator !== undefined &&
      denominator !== undefined
    ) {
      rows.push({ siteId, period, measureId, ethnicCategory, numerator, denominator });
      lines.push(line);
    }
  }

  problems.push(...checkCategorySums(rows, lines, context));
  return finish(problems, rows, lines);
}

function finish(problems: DataProblem[], rows: SubmissionRow[], lines: number[]): SubmissionValidation {
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.row - b.p.row || a.i - b.i)
    .map(({ p }) => p);
  const errors = sorted.filter((p) => p.severity === 'error');
  const warnings = sorted.filter((p) => p.severity === 'warning');
  if (errors.length > 0) return { ok: false, rows: null, errors, warnings, problems: sorted };
  return { ok: true, rows, lines, errors: [], warnings, problems: sorted };
}
