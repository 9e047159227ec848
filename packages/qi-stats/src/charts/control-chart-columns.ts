import { type ChartCore, computeChart, reported } from './chart-core.js';
import type { Line } from './part-frame.js';
import type { ControlChartColumns, ControlChartInput } from './types.js';

/**
 * `controlChart` in columns: the same chart — the same numbers, flags,
 * `parts` and `signals`, bit for bit — with the points as typed arrays
 * instead of one object per point. Both are written from one computation
 * (chart-core.ts), so they cannot disagree.
 *
 * When to use it: for thousands of charts at once (every site × measure ×
 * group cell of a dashboard) or for very long series (hundreds of thousands
 * of points). Why: allocation. Computing a chart is fast; most of
 * `controlChart`'s time on bulk or long input goes to allocating one
 * 13-field object (and boxed numbers) per point, and to the garbage
 * collector moving the points it keeps. Here a chart's columns are views
 * on one stretch of memory, which the collector never looks inside.
 *
 * The columns of a small chart (up to ~115 points) are views on a 64 KB
 * buffer shared with other small charts' columns; a larger chart's on a
 * buffer of its own. So copy a column (`columns.y.slice()`) before
 * transferring or detaching its `.buffer`.
 *
 * Missing values: a number column (y, n, cl, lcl, ucl, lcl95, ucl95) holds
 * 0 where the point's field would be null, and `defined.<column>[k]` says
 * which: 1 = a value, 0 = missing. The package never returns NaN or
 * Infinity, in a typed array or anywhere else. Flags (include, baseline,
 * sigmaSignal, runsSignal) are 0 or 1; `part` holds 1-based part numbers.
 *
 * Throws `QiStatsInputError` for bad input, exactly as `controlChart` does.
 *
 * @example
 * const columns = controlChartColumns({ chart: 'c', y: [4, 6, 5, 3, 7, 5, 20, null], freeze: 6 });
 * columns.cl[0];                  // 5 (mean of the first 6 counts)
 * columns.ucl[0];                 // 5 + 3 * √5 = 11.708...
 * columns.sigmaSignal[6];         // 1 (20 > 11.708...)
 * columns.signals.outsideLimits;  // [7]
 * columns.defined.y[7];           // 0: the 8th count is missing (null in controlChart's points[7].y)
 * columns.y[7];                   // 0, never NaN
 */
export function controlChartColumns(input: ControlChartInput): ControlChartColumns {
  const core = computeChart(input);
  const count = core.keys.length;
  // Never hand back the caller's own x array.
  const columns = allocateColumns(core, count, core.keys === input.x ? core.keys.slice() : core.keys);
  const defined = columns.defined;
  const multiply = core.multiply;
  for (let k = 0; k < count; k++) {
    if (core.include[k]) columns.include[k] = 1;
    if (core.baseline[k]) columns.baseline[k] = 1;
  }
  columns.sigmaSignal.set(core.sigmaSignal);
  // n is reported as it is (never multiplied).
  writeValues(columns.n, defined.n, core.n, 0, count, 1);
  for (const { number, start, end, lines, runsSignal } of core.segments) {
    columns.part.fill(number, start, end);
    if (runsSignal) columns.runsSignal.fill(1, start, end);
    writeValues(columns.y, defined.y, lines.y, start, end, multiply);
    writeLine(columns.cl, defined.cl, lines.cl, start, end, multiply);
    writeLine(columns.lcl, defined.lcl, lines.lcl, start, end, multiply);
    writeLine(columns.ucl, defined.ucl, lines.ucl, start, end, multiply);
    writeLine(columns.lcl95, defined.lcl95, lines.lcl95, start, end, multiply);
    writeLine(columns.ucl95, defined.ucl95, lines.ucl95, start, end, multiply);
  }
  return columns;
}

/** Bytes per point: 7 Float64 columns, the Int32 part column, 11 byte columns (4 flags, 7 masks). */
const BYTES_PER_POINT = 7 * 8 + 4 + 11;
/** Size of the shared buffers small charts are carved from. */
const SLAB_BYTES = 64 * 1024;
let slab: ArrayBuffer | null = null;
let slabUsed = 0;

/**
 * Zero-filled memory for one chart's columns: a buffer and the offset its
 * columns start at. A large chart (over an eighth of a slab, i.e. over
 * ~115 points) gets a buffer of its own; a small one a slice of a shared
 * 64 KB buffer, never reused, so still zero. Allocating a buffer is costly
 * (it lives outside the JS heap and the collector tracks each one), and
 * 3,600 small charts would otherwise make 3,600 of them. The price: a small
 * chart's columns keep its slab (at most 64 KB) alive.
 */
function columnMemory(bytes: number): { buffer: ArrayBuffer; offset: number } {
  if (bytes > SLAB_BYTES / 8) return { buffer: new ArrayBuffer(bytes), offset: 0 };
  // A slab whose buffer a caller transferred (detached: byteLength 0) is replaced too.
  if (slab === null || slab.byteLength !== SLAB_BYTES || slabUsed + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const offset = slabUsed;
  // Keep the next chart's Float64 columns 8-byte aligned.
  slabUsed += Math.ceil(bytes / 8) * 8;
  return { buffer: slab, offset };
}

/**
 * Empty columns for `count` points, every typed array a view on one chart's
 * stretch of memory (see `columnMemory`): zero-filled, i.e. every value
 * undefined and every flag 0 until written.
 */
function allocateColumns(
  core: Pick<ChartCore, 'chart' | 'parts' | 'signals'>,
  count: number,
  x: ReadonlyArray<string | number>,
): ControlChartColumns {
  const memory = columnMemory(count * BYTES_PER_POINT);
  const buffer = memory.buffer;
  let offset = memory.offset;
  const float = () => {
    const column = new Float64Array(buffer, offset, count);
    offset += 8 * count;
    return column;
  };
  const byte = () => {
    const column = new Uint8Array(buffer, offset, count);
    offset += count;
    return column;
  };
  const y = float();
  const n = float();
  const cl = float();
  const lcl = float();
  const ucl = float();
  const lcl95 = float();
  const ucl95 = float();
  const part = new Int32Array(buffer, offset, count);
  offset += 4 * count;
  return {
    chart: core.chart,
    length: count,
    x,
    y,
    n,
    cl,
    lcl,
    ucl,
    lcl95,
    ucl95,
    defined: { y: byte(), n: byte(), cl: byte(), lcl: byte(), ucl: byte(), lcl95: byte(), ucl95: byte() },
    part,
    include: byte(),
    baseline: byte(),
    sigmaSignal: byte(),
    runsSignal: byte(),
    parts: core.parts,
    signals: core.signals,
  };
}

/**
 * Writes the reported value (`reported`: multiplied, finite or null) of
 * `values[j]` at column position start + j for the part [start, end): a
 * number marks the position defined; null leaves 0 and an undefined mark.
 */
function writeValues(
  column: Float64Array,
  defined: Uint8Array,
  values: ReadonlyArray<number>,
  start: number,
  end: number,
  multiply: number,
): void {
  for (let k = start; k < end; k++) {
    const value = reported(values[k - start] as number, multiply);
    if (value !== null) {
      column[k] = value;
      defined[k] = 1;
    }
  }
}

/** `writeValues` for a chart line: a line that is one number along the part is converted once. */
function writeLine(
  column: Float64Array,
  defined: Uint8Array,
  line: Line,
  start: number,
  end: number,
  multiply: number,
): void {
  if (typeof line !== 'number') {
    writeValues(column, defined, line, start, end, multiply);
    return;
  }
  const value = reported(line, multiply);
  if (value === null) return;
  column.fill(value, start, end);
  defined.fill(1, start, end);
}
