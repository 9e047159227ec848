import { QiStatsInputError } from '../errors.js';
import { checkCount, checkFinite } from '../intervals/validate.js';
import { NHS_MATERNITY_RULE, type SuppressionRule } from './rule.js';
import { secondarySuppression } from './secondary-suppression.js';

/** A two-way table of counts to publish, e.g. ethnic groups × sites. */
export interface CountTable {
  rowLabels: ReadonlyArray<string>;
  columnLabels: ReadonlyArray<string>;
  /** counts[row][column], whole numbers >= 0. */
  counts: ReadonlyArray<ReadonlyArray<number>>;
  /** Optional denominators per cell (same shape) for publishing rates beside the counts. */
  denominators?: ReadonlyArray<ReadonlyArray<number>> | null;
  /** Scale of published rates; default 100 (percent). */
  multiplier?: number;
}

/**
 * Why a cell shows what it shows: 'shown' (rounded count), 'zero' (a true
 * zero, shown as 0), 'primary' (count in the suppressed range) or
 * 'secondary' (hidden so a primary cell cannot be recovered from totals).
 */
export type CellStatus = 'shown' | 'zero' | 'primary' | 'secondary';

/** One published cell. */
export interface PublishedCell {
  /** The published count (rounded), or null when suppressed. */
  value: number | null;
  /** What to print: the count, or '*'. */
  display: string;
  status: CellStatus;
  /** Rate from the published (rounded) numbers, or null when withheld; absent without denominators. */
  rate?: number | null;
}

/** The table as it may be published. */
export interface SuppressedTable {
  rowLabels: string[];
  columnLabels: string[];
  cells: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  grandTotal: PublishedCell;
  rule: SuppressionRule;
  /** Cells (including totals) hidden by primary and by secondary suppression. */
  primaryCount: number;
  secondaryCount: number;
}

function roundToMultiple(value: number, step: number): number {
  // Counts are whole numbers and 5 is odd, so no count is exactly halfway.
  return step <= 1 ? value : Math.round(value / step) * step;
}

function checkRule(rule: SuppressionRule): void {
  const fields: Array<keyof SuppressionRule> = ['suppressFrom', 'suppressTo', 'roundTo', 'rateMinNumerator'];
  for (const field of fields) {
    const value = rule[field] as number;
    if (!Number.isInteger(value) || value < 0) {
      throw new QiStatsInputError({
        field: `rule.${field}`,
        rule: 'invalid-rule',
        value,
        message: 'rule thresholds must be whole numbers >= 0',
      });
    }
  }
  if (rule.roundTo < 1 || rule.suppressFrom < 1 || rule.suppressTo < rule.suppressFrom) {
    throw new QiStatsInputError({
      field: 'rule',
      rule: 'invalid-rule',
      value: rule,
      message: 'need roundTo >= 1 and 1 <= suppressFrom <= suppressTo',
    });
  }
}

function checkShape(
  name: string,
  matrix: ReadonlyArray<ReadonlyArray<number>>,
  rows: number,
  columns: number,
  check: (field: string, value: number, position: number) => void,
): void {
  if (matrix.length !== rows) {
    throw new QiStatsInputError({
      field: name,
      rule: 'shape-mismatch',
      value: matrix.length,
      message: `${name} has ${matrix.length} rows, expected ${rows}`,
    });
  }
  matrix.forEach((row, i) => {
    if (row.length !== columns) {
      throw new QiStatsInputError({
        field: name,
        position: i + 1,
        rule: 'shape-mismatch',
        value: row.length,
        message: `row ${i + 1} of ${name} has ${row.length} columns, expected ${columns}`,
      });
    }
    for (const [j, value] of row.entries()) check(`${name}[${i + 1}]`, value, j + 1);
  });
}

/**
 * Applies statistical disclosure control to a two-way table of counts
 * before it is published: primary suppression of small counts, secondary
 * suppression so they cannot be recovered from the totals, rounding, and
 * rates withheld on small numerators.
 *
 * The default is `NHS_MATERNITY_RULE`: 0 shown as 0; 1-7 shown as '*';
 * every other count, totals included, rounded to the nearest 5; rates
 * withheld where the numerator is under 8 and otherwise computed from the
 * rounded numerator and denominator (as NHS Digital publishes them). Row,
 * column and grand totals are computed from the true counts and then
 * controlled like any other cell.
 *
 * When to use: as the last, presentation step, after every statistic has
 * been computed on the unrounded data (rounding is not a statistical
 * method; never compute on suppressed output). NHS Digital does not control
 * national figures or "complex" outputs (standardised rates, intervals,
 * regression), so apply it to counts tables, not to disparityTable's
 * intervals.
 *
 * Cost: O(cells) plus the secondary step (see secondary-suppression.ts).
 *
 * Reference: NHS Digital disclosure control methodology for HES/ECDS
 * (NHS Maternity Statistics); Cox (1980) J Am Stat Assoc 75:377.
 *
 * @example
 * const published = suppress({
 *   rowLabels: ['White', 'Black'],
 *   columnLabels: ['Site A', 'Site B', 'Site C'],
 *   counts: [[40, 23, 31], [3, 12, 20]],
 * });
 * published.cells[1][0].status;  // 'primary'   (3)
 * published.cells[1][1].status;  // 'secondary' (12: else 35 − 12 − 20 = 3)
 * published.cells[0].map((c) => c.display); // ['*', '*', '30'] (40 and 23 protect the column totals)
 * published.rowTotals[1].display;           // '35'
 */
export function suppress(table: CountTable, rule: SuppressionRule = NHS_MATERNITY_RULE): SuppressedTable {
  checkRule(rule);
  const rows = table.rowLabels.length;
  const columns = table.columnLabels.length;
  checkShape('counts', table.counts, rows, columns, (field, value, position) =>
    checkCount(field, value, position),
  );
  const denominators = table.denominators ?? null;
  if (denominators !== null) {
    checkShape('denominators', denominators, rows, columns, (field, value, position) => {
      checkFinite(field, value, position);
      if (value < 0) {
        throw new QiStatsInputError({
          field,
          position,
          rule: 'negative-denominator',
          value,
          message: 'a denominator cannot be negative',
        });
      }
    });
  }
  const multiplier = table.multiplier ?? 100;

  // The augmented table: cells, row totals last column, column totals last row.
  const augmented = (matrix: ReadonlyArray<ReadonlyArray<number>>): number[][] => {
    const out = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) {
        const v = matrix[i]?.[j] as number;
        (out[i] as number[])[j] = v;
        (out[i] as number[])[columns] = ((out[i] as number[])[columns] as number) + v;
        (out[rows] as number[])[j] = ((out[rows] as number[])[j] as number) + v;
        (out[rows] as number[])[columns] = ((out[rows] as number[])[columns] as number) + v;
      }
    }
    return out;
  };
  const values = augmented(table.counts);
  const denominatorValues = denominators === null ? null : augmented(denominators);
  const primary = values.map((row) => row.map((v) => v >= rule.suppressFrom && v <= rule.suppressTo));
  const secondary = rule.secondary
    ? secondarySuppression(values, primary)
    : primary.map((row) => row.map(() => false));

  let primaryCount = 0;
  let secondaryCount = 0;
  const publish = (i: number, j: number): PublishedCell => {
    const v = values[i]?.[j] as number;
    let cell: PublishedCell;
    if (primary[i]?.[j]) {
      primaryCount++;
      cell = { value: null, display: '*', status: 'primary' };
    } else if (secondary[i]?.[j]) {
      secondaryCount++;
      cell = { value: null, display: '*', status: 'secondary' };
    } else if (v === 0) {
      cell = { value: 0, display: '0', status: 'zero' };
    } else {
      const rounded = roundToMultiple(v, rule.roundTo);
      cell = { value: rounded, display: String(rounded), status: 'shown' };
    }
    if (denominatorValues !== null) {
      const d = denominatorValues[i]?.[j] as number;
      const publishedDenominator =
        d >= rule.suppressFrom && d <= rule.suppressTo ? null : roundToMultiple(d, rule.roundTo);
      cell.rate =
        cell.value === null ||
        v < rule.rateMinNumerator ||
        publishedDenominator === null ||
        publishedDenominator === 0
          ? null
          : (cell.value / publishedDenominator) * multiplier;
    }
    return cell;
  };

  const cells = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => publish(i, j)),
  );
  const rowTotals = Array.from({ length: rows }, (_, i) => publish(i, columns));
  const columnTotals = Array.from({ length: columns }, (_, j) => publish(rows, j));
  const grandTotal = publish(rows, columns);
  return {
    rowLabels: [...table.rowLabels],
    columnLabels: [...table.columnLabels],
    cells,
    rowTotals,
    columnTotals,
    grandTotal,
    rule,
    primaryCount,
    secondaryCount,
  };
}
