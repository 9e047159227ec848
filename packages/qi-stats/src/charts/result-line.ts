import { finiteOrNull } from '../math/finite-or-null.js';
import type { Line } from './part-frame.js';

/**
 * A chart line as it appears in the result: multiplied by `multiply`, with
 * a non-finite value (a missing limit) as null. A line that is one number
 * for the whole part is converted once, not at every point: on a chart of a
 * million points that saves a million multiplications and, more, a million
 * boxed numbers for the garbage collector.
 *
 * @example
 * new ResultLine(0.25, 100).at(7); // 25
 * new ResultLine([1, Number.NaN], 2).at(1); // null
 */
export class ResultLine {
  private readonly values: ReadonlyArray<number> | null;
  private readonly fixed: number | null;
  private readonly multiply: number;

  constructor(line: Line, multiply: number) {
    this.values = typeof line === 'number' ? null : line;
    this.fixed = typeof line === 'number' ? finiteOrNull(line * multiply) : null;
    this.multiply = multiply;
  }

  /** The line's value at point k of the part, as reported. */
  at(k: number): number | null {
    return this.values === null ? this.fixed : finiteOrNull((this.values[k] as number) * this.multiply);
  }
}
