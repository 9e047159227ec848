/**
 * The data one chart calculation sees: the subgroups of ONE part (phase),
 * in order. qicharts2 splits its data frame by part before calling
 * `qic.<chart>()`, so every statistic below is computed from one part only;
 * a part's limits can never depend on another part's data.
 *
 * Numbers use `NaN` for a missing value (R's `NA`) so that arithmetic
 * propagates "missing" the way R does; nothing here ever leaves the package
 * as NaN (control-chart.ts turns it into null).
 *
 * The arrays are read-only: with a single part they are the subgroup arrays
 * themselves (not copies), and a chart may return one of them as its `y`.
 */
export interface PartFrame {
  /** The plotted value before any chart transform: Σy/Σn with a denominator, else the subgroup mean. */
  y: ReadonlyArray<number>;
  /** Σy of the subgroup's observations that are present. NaN when none is present. */
  ySum: ReadonlyArray<number>;
  /** Number of observations present in the subgroup. */
  yLength: ReadonlyArray<number>;
  /** Mean of the subgroup's observations. NaN when none is present. */
  yMean: ReadonlyArray<number>;
  /** Sample sd of the subgroup's observations. NaN with fewer than two. */
  ySd: ReadonlyArray<number>;
  /** Σn over the subgroup's complete observations; NaN without a denominator. */
  n: ReadonlyArray<number>;
  /** In the baseline (1..freeze). */
  baseline: ReadonlyArray<boolean>;
  /** Not excluded. */
  include: ReadonlyArray<boolean>;
}

/**
 * A limit along a part: one value per point, or a single number when it is
 * the same at every point (I, MR, C, G and run charts) — so a long chart is
 * not filled with a million copies of one number.
 */
export type Line = number | ReadonlyArray<number>;

/**
 * The value of a line at point k of the part.
 *
 * @example
 * lineAt(5, 2); // 5
 * lineAt([1, 2, 3], 2); // 3
 */
export function lineAt(line: Line, k: number): number {
  return typeof line === 'number' ? line : (line[k] as number);
}

/** What a chart calculation returns for its part, before `multiply`. */
export interface ChartLines {
  /** The plotted value (e.g. the moving range for an MR chart, the sd for an s chart); may be a frame array itself. */
  y: ReadonlyArray<number>;
  /** Centre line as displayed and used for the runs analysis. */
  cl: number;
  lcl: Line;
  ucl: Line;
  lcl95: Line;
  ucl95: Line;
}

/** Options that change how limits are computed. */
export interface ChartOptions {
  /** Nelson's moving-range screening (qicharts2 option `qic.screenedmr`). */
  screenMovingRanges: boolean;
}

/**
 * Indices of the points in baseline ∩ include: qicharts2's `base`, the only
 * points a centre line or limit is computed from.
 *
 * @example
 * baseIndices({ ...frame, baseline: [true, true, false], include: [true, false, true] }); // [0]
 */
export function baseIndices(frame: PartFrame): number[] {
  const indices: number[] = [];
  for (let k = 0; k < frame.y.length; k++) {
    if (frame.baseline[k] && frame.include[k]) indices.push(k);
  }
  return indices;
}

/**
 * The values of the part's base (baseline ∩ include), in order. When every
 * point is in the base — no freeze, nothing excluded, the usual case — this
 * is `values` itself, so a long chart is not copied to compute its centre
 * line.
 *
 * @example
 * baseValues([10, 20, 30], { ...frame, baseline: [true, true, false], include: [true, true, true] }); // [10, 20]
 */
export function baseValues(values: ReadonlyArray<number>, frame: PartFrame): ReadonlyArray<number> {
  for (let k = 0; k < values.length; k++) {
    if (!(frame.baseline[k] && frame.include[k])) return pick(values, baseIndices(frame));
  }
  return values;
}

/**
 * The values at the given indices.
 *
 * @example
 * pick([10, 20, 30], [0, 2]); // [10, 30]
 */
export function pick(values: ReadonlyArray<number>, indices: ReadonlyArray<number>): number[] {
  const picked = new Array<number>(indices.length);
  for (let j = 0; j < indices.length; j++) picked[j] = values[indices[j] as number] as number;
  return picked;
}

/**
 * A line that is the same for every point of the part.
 *
 * @example
 * constantLine(3, 5); // [5, 5, 5]
 */
export function constantLine(length: number, value: number): number[] {
  return new Array<number>(length).fill(value);
}
