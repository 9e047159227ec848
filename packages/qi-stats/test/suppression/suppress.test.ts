import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NHS_MATERNITY_RULE,
  type PublishedCell,
  QiStatsInputError,
  type SuppressedTable,
  type SuppressionRule,
  secondarySuppression,
  suppress,
} from '../../src/index.js';

/** The published table as an (R+1)×(C+1) grid, totals in the last row and column. */
function grid(table: SuppressedTable): PublishedCell[][] {
  return [
    ...table.cells.map((row, i) => [...row, table.rowTotals[i] as PublishedCell]),
    [...table.columnTotals, table.grandTotal],
  ];
}

/** The true (R+1)×(C+1) values. */
function truth(counts: number[][]): number[][] {
  const columns = counts[0]?.length ?? 0;
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: columns + 1 }, (_, j) =>
    rows.reduce((s, row) => s + (row[j] as number), 0),
  );
  return [...rows, totals];
}

/** Rank of a small dense matrix (Gaussian elimination with partial pivoting). */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && r < m.length; c++) {
    let pivot = r;
    for (let i = r + 1; i < m.length; i++)
      if (Math.abs(m[i]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = i;
    if (Math.abs(m[pivot]?.[c] ?? 0) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot] as number[], m[r] as number[]];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = (m[i]?.[c] ?? 0) / (m[r]?.[c] as number);
      for (let k = c; k < columns; k++) (m[i] as number[])[k] = (m[i]?.[k] ?? 0) - f * (m[r]?.[k] ?? 0);
    }
    r++;
  }
  return r;
}

/**
 * An attacker's view, independent of the implementation: the hidden cells
 * are unknowns of the row and column equations (cells sum to their totals).
 * A hidden cell is recoverable exactly when its unit vector lies in the row
 * space of those equations.
 */
function recoverableHiddenCells(published: PublishedCell[][]): Array<[number, number]> {
  const rows = published.length - 1;
  const columns = (published[0]?.length ?? 1) - 1;
  const unknowns: Array<[number, number]> = [];
  published.forEach((row, i) => {
    row.forEach((cell, j) => {
      if (cell.value === null) unknowns.push([i, j]);
    });
  });
  const index = new Map(unknowns.map(([i, j], k) => [`${i},${j}`, k]));
  const equations: number[][] = [];
  const line = (cells: Array<[number, number]>, total: [number, number]) => {
    const eq = new Array<number>(unknowns.length).fill(0);
    for (const [i, j] of cells) {
      const k = index.get(`${i},${j}`);
      if (k !== undefined) eq[k] = (eq[k] as number) + 1;
    }
    const t = index.get(`${total[0]},${total[1]}`);
    if (t !== undefined) eq[t] = (eq[t] as number) - 1;
    if (eq.some((v) => v !== 0)) equations.push(eq);
  };
  for (let i = 0; i <= rows; i++)
    line(
      Array.from({ length: columns }, (_, j) => [i, j]),
      [i, columns],
    );
  for (let j = 0; j <= columns; j++)
    line(
      Array.from({ length: rows }, (_, i) => [i, j]),
      [rows, j],
    );
  if (equations.length === 0) return [];
  const base = rank(equations);
  return unknowns.filter((_, k) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[k] = 1;
    return rank([...equations, unit]) === base;
  });
}

const counts = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([r, c]) =>
  fc.array(
    fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 400 })), {
      minLength: c,
      maxLength: c,
    }),
    { minLength: r, maxLength: r },
  ),
);

function tableOf(matrix: number[][]) {
  return {
    rowLabels: matrix.map((_, i) => `r${i}`),
    columnLabels: (matrix[0] ?? []).map((_, j) => `c${j}`),
    counts: matrix,
  };
}

const exactTotals: SuppressionRule = { ...NHS_MATERNITY_RULE, roundTo: 1 };

describe('suppress: property tests', () => {
  it('hides every count of 1-7, and no line of the published table has exactly one hidden cell', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(NHS_MATERNITY_RULE, exactTotals), (matrix, rule) => {
        const published = grid(suppress(tableOf(matrix), rule));
        const values = truth(matrix);
        values.forEach((row, i) => {
          row.forEach((v, j) => {
            if (v >= 1 && v <= 7) expect(published[i]?.[j]?.value).toBeNull();
          });
        });
        const lines = [
          ...published,
          ...Array.from({ length: published[0]?.length ?? 0 }, (_, j) =>
            published.map((row) => row[j] as PublishedCell),
          ),
        ];
        for (const line of lines) expect(line.filter((cell) => cell.value === null).length).not.toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no cell of 1-7 derivable from the row and column totals, even with exact (unrounded) totals', () => {
    fc.assert(
      fc.property(counts, (matrix) => {
        const published = grid(suppress(tableOf(matrix), exactTotals));
        const values = truth(matrix);
        for (const [i, j] of recoverableHiddenCells(published)) {
          const v = values[i]?.[j] as number;
          expect(v >= 1 && v <= 7, `cell (${i}, ${j}) = ${v} is recoverable`).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('changes nothing it shows except by rounding to the nearest 5 (0 stays 0)', () => {
    fc.assert(
      fc.property(counts, (matrix) => {
        const published = grid(suppress(tableOf(matrix)));
        const values = truth(matrix);
        published.forEach((row, i) => {
          row.forEach((cell, j) => {
            const v = values[i]?.[j] as number;
            if (cell.value === null) {
              expect(cell.display).toBe('*');
              return;
            }
            if (v === 0) expect(cell).toMatchObject({ value: 0, status: 'zero' });
            else {
              expect(v).toBeGreaterThanOrEqual(8);
              expect(cell.value % 5).toBe(0);
              expect(Math.abs(cell.value - v)).toBeLessThanOrEqual(2);
              expect(cell.display).toBe(String(cell.value));
            }
          });
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('suppress: examples', () => {
  it('runs its doc example', () => {
    const published = suppress({
      rowLabels: ['White', 'Black'],
      columnLabels: ['Site A', 'Site B', 'Site C'],
      counts: [
        [40, 23, 31],
        [3, 12, 20],
      ],
    });
    expect(published.cells[1]?.[0]?.status).toBe('primary');
    expect(published.cells[1]?.[1]?.status).toBe('secondary');
    expect(published.cells[0]?.map((c) => c.display)).toEqual(['*', '*', '30']);
    expect(published.rowTotals[1]?.display).toBe('35');
    expect(published.columnTotals.map((c) => c.display)).toEqual(['45', '35', '50']);
  });

  it('withholds rates where the numerator is under 8 and computes the rest from rounded numbers', () => {
    const published = suppress({
      rowLabels: ['White', 'Black'],
      columnLabels: ['PPH'],
      counts: [[123], [0]],
      denominators: [[2001], [312]],
    });
    expect(published.cells[0]?.[0]).toMatchObject({ value: 125, rate: (125 / 2000) * 100 });
    expect(published.cells[1]?.[0]).toMatchObject({ value: 0, rate: null });
  });

  it('runs the secondarySuppression doc example', () => {
    expect(
      secondarySuppression(
        [
          [3, 20, 23],
          [15, 30, 45],
          [18, 50, 68],
        ],
        [
          [true, false, false],
          [false, false, false],
          [false, false, false],
        ],
      ),
    ).toEqual([
      [false, true, false],
      [true, true, false],
      [false, false, false],
    ]);
  });

  it('rejects ragged tables and negative counts with the shared error', () => {
    expect(() => suppress({ rowLabels: ['a'], columnLabels: ['x', 'y'], counts: [[1]] })).toThrow(
      QiStatsInputError,
    );
    expect(() => suppress({ rowLabels: ['a'], columnLabels: ['x'], counts: [[-1]] })).toThrow(
      /negative-count/,
    );
  });
});

describe('secondarySuppression: cells on no cycle', () => {
  // Found by the property test when the cycle step was switched off: every
  // line had two or more hidden cells after step 1, yet the 7 and 6 could be
  // recovered by combining lines. Step 2 (bridges) must protect them.
  it('protects cells that every line-wise check passes but a combination of lines recovers', () => {
    const matrix = [
      [1, 0, 1, 0],
      [1, 0, 1, 0],
      [0, 1, 0, 7],
      [0, 1, 6, 0],
      [0, 7, 0, 1],
    ];
    const published = grid(suppress(tableOf(matrix), exactTotals));
    const values = truth(matrix);
    for (const [i, j] of recoverableHiddenCells(published)) {
      const v = values[i]?.[j] as number;
      expect(v >= 1 && v <= 7).toBe(false);
    }
  });
});
