/**
 * Secondary suppression for a two-way table published with its row
 * totals, column totals and grand total.
 *
 * Why the algorithm works. Put the totals into the table as an extra row
 * and column (an (R+1)×(C+1) array) and flip the sign of the total row and
 * column: every line (row or column) then sums to zero. The hidden cells
 * are the unknowns of that linear system, and the system is the incidence
 * system of a bipartite graph whose nodes are the lines and whose edges are
 * the hidden cells. Its null space is the graph's cycle space, so a hidden
 * cell can be derived, by subtraction along one line or by any combination
 * of lines, exactly when its edge lies on no cycle, i.e. is a bridge.
 *
 * The algorithm:
 * 1. Every line holding exactly one hidden cell gives that cell away by
 *    subtraction, so hide one more cell in it: an interior cell before a
 *    total, the smallest non-zero count first (losing the least
 *    information), then zeros, first in position on ties. Repeat until no
 *    line has exactly one hidden cell.
 * 2. A line with two or more hidden cells can still leave a cell on no
 *    cycle (two protected blocks joined by a single cell). For every
 *    primary cell that is still a bridge, hide one more cell in its row and
 *    go back to step 1.
 * Each pass hides at least one more cell, so it ends; at worst everything
 * in the affected lines is hidden.
 *
 * The guarantee is against exact recovery from the published margins; it
 * ignores the bounds (counts >= 0) that can narrow a hidden cell to a range,
 * which rounding to 5 already blurs.
 *
 * Cost: O(passes × cells × (cells + lines)); tables of ethnic groups by
 * sites or months are small (under 1 ms for 20×20).
 *
 * Reference: Cox LH (1980) "Suppression methodology and statistical
 * disclosure control", J Am Stat Assoc 75:377; Hundepool A et al. (2012)
 * Statistical Disclosure Control, Wiley, ch. 4.
 *
 * @param values  the augmented (R+1)×(C+1) table: cells, row totals in the
 *                last column, column totals in the last row, grand total last
 * @param primary which cells are already hidden (same shape)
 * @returns the cells hidden by this step (same shape; primary cells false)
 *
 * @example
 * // A row with one small cell: its neighbour and the matching column cells are hidden too.
 * secondarySuppression(
 *   [[3, 20, 23], [15, 30, 45], [18, 50, 68]],
 *   [[true, false, false], [false, false, false], [false, false, false]],
 * );
 * // [[false, true, false], [true, true, false], [false, false, false]]
 */
export function secondarySuppression(
  values: ReadonlyArray<ReadonlyArray<number>>,
  primary: ReadonlyArray<ReadonlyArray<boolean>>,
): boolean[][] {
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  const hidden = primary.map((row) => [...row]);
  const secondary = primary.map((row) => row.map(() => false));
  const value = (i: number, j: number) => values[i]?.[j] as number;
  const isHidden = (i: number, j: number) => hidden[i]?.[j] === true;
  const hide = (i: number, j: number) => {
    (hidden[i] as boolean[])[j] = true;
    (secondary[i] as boolean[])[j] = true;
  };

  // Best cell to hide among candidates: interior before totals, smallest
  // non-zero count, then zeros, then first position.
  const rank = (i: number, j: number): [number, number, number, number] => {
    const isTotal = i === rows - 1 || j === columns - 1 ? 1 : 0;
    const v = value(i, j);
    return [isTotal, v === 0 ? 1 : 0, v, i * columns + j];
  };
  const better = (a: [number, number, number, number], b: [number, number, number, number]) => {
    for (let k = 0; k < 4; k++)
      if ((a[k] as number) !== (b[k] as number)) return (a[k] as number) < (b[k] as number);
    return false;
  };
  const hideBestIn = (cells: Array<[number, number]>): boolean => {
    let best: [number, number] | null = null;
    for (const [i, j] of cells) {
      if (isHidden(i, j)) continue;
      if (best === null || better(rank(i, j), rank(best[0], best[1]))) best = [i, j];
    }
    if (best === null) return false;
    hide(best[0], best[1]);
    return true;
  };
  const rowCells = (i: number) => Array.from({ length: columns }, (_, j) => [i, j] as [number, number]);
  const columnCells = (j: number) => Array.from({ length: rows }, (_, i) => [i, j] as [number, number]);

  // Step 1: no line may hold exactly one hidden cell.
  const closeSingletons = () => {
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < rows; i++) {
        const line = rowCells(i);
        if (line.filter(([a, b]) => isHidden(a, b)).length === 1 && hideBestIn(line)) changed = true;
      }
      for (let j = 0; j < columns; j++) {
        const line = columnCells(j);
        if (line.filter(([a, b]) => isHidden(a, b)).length === 1 && hideBestIn(line)) changed = true;
      }
    }
  };

  // Step 2: is hidden cell (i, j) on a cycle? Remove its edge and look for
  // another path from row node i to column node j through hidden cells.
  const onCycle = (i: number, j: number): boolean => {
    const seenRows = new Array<boolean>(rows).fill(false);
    const seenColumns = new Array<boolean>(columns).fill(false);
    const queue: Array<['r' | 'c', number]> = [['r', i]];
    seenRows[i] = true;
    while (queue.length > 0) {
      const [kind, index] = queue.shift() as ['r' | 'c', number];
      if (kind === 'r') {
        for (let c = 0; c < columns; c++) {
          if (!isHidden(index, c) || (index === i && c === j) || seenColumns[c]) continue;
          if (c === j) return true;
          seenColumns[c] = true;
          queue.push(['c', c]);
        }
      } else {
        for (let r = 0; r < rows; r++) {
          if (!isHidden(r, index) || (r === i && index === j) || seenRows[r]) continue;
          seenRows[r] = true;
          queue.push(['r', r]);
        }
      }
    }
    return false;
  };

  for (;;) {
    closeSingletons();
    let exposed: [number, number] | null = null;
    for (let i = 0; i < rows && exposed === null; i++) {
      for (let j = 0; j < columns && exposed === null; j++) {
        if (primary[i]?.[j] && !onCycle(i, j)) exposed = [i, j];
      }
    }
    if (exposed === null) break;
    // Hide one more cell in the exposed cell's row (or, if the row is full, its column).
    if (!hideBestIn(rowCells(exposed[0])) && !hideBestIn(columnCells(exposed[1]))) break;
  }
  return secondary;
}
