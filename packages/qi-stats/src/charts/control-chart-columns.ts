import { type RunsAnalysis, runsAnalysis } from '../rules/runs-analysis.js';
import { cChartLines } from './c-chart.js';
import { gChartLines } from './g-chart.js';
import { iChartLines } from './i-chart.js';
import { laneyChartLines } from './laney.js';
import { mrChartLines } from './mr-chart.js';
import { pChartLines } from './p-chart.js';
import { type ChartLines, type ChartOptions, type Line, lineAt, type PartFrame } from './part-frame.js';
import { runChartLines } from './run-chart.js';
import { sChartLines } from './s-chart.js';
import { aggregateSubgroups, type Subgroups } from './subgroups.js';
import { tChartLines } from './t-chart.js';
import type {
  ChartType,
  ControlChartColumns,
  ControlChartInput,
  ControlChartPart,
  ControlChartSignals,
  RunsMethod,
} from './types.js';
import { uChartLines } from './u-chart.js';
import { checkInput, checkPositions } from './validate-input.js';
import { xbarChartLines } from './xbar-chart.js';

/**
 * `controlChart` in columns: the same chart — the same numbers, flags,
 * `parts` and `signals`, bit for bit — with the points as typed arrays
 * instead of one object per point. This is where the chart is computed;
 * `controlChart` builds its point objects from these columns.
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
  const checked = checkInput(input);
  const subgroups = aggregateSubgroups(checked.y, checked.n, checked.keys);
  const count = subgroups.keys.length;
  const { parts: breaks, freeze, exclude } = checkPositions(input, count);

  // qicharts2 ignores freeze when parts are given (its issue #20: deliberate).
  const baselineEnd = breaks.length > 0 || freeze === null ? count : freeze;
  // Read-only flags: without a freeze or exclusions, one all-true array serves as both.
  const everyPoint = new Array<boolean>(count).fill(true);
  const baselineFlags = baselineEnd === count ? everyPoint : everyPoint.map((_, k) => k < baselineEnd);
  let includeFlags: ReadonlyArray<boolean> = everyPoint;
  if (exclude.length > 0) {
    const flags = everyPoint.slice();
    for (const position of exclude) flags[position - 1] = false;
    includeFlags = flags;
  }

  const columns = allocateColumns(
    checked.chart,
    count,
    subgroups.keys === input.x ? subgroups.keys.slice() : subgroups.keys,
  );
  const { defined } = columns;
  const options: ChartOptions = { screenMovingRanges: checked.screenMovingRanges };
  const multiply = checked.multiply;
  const { parts, signals } = columns;

  for (let k = 0; k < count; k++) {
    if (includeFlags[k]) columns.include[k] = 1;
    if (baselineFlags[k]) columns.baseline[k] = 1;
  }
  writeValues(columns.n, defined.n, subgroups.n, 0, count, 1);

  // A new part begins after each break position (qicharts2 `makeparts`), so
  // every part is a contiguous run of subgroups: [start, end).
  for (let number = 1; number <= breaks.length + 1; number++) {
    const start = number === 1 ? 0 : (breaks[number - 2] as number);
    const end = number <= breaks.length ? (breaks[number - 1] as number) : count;
    const frame = partFrame(subgroups, baselineFlags, includeFlags, start, end);
    const lines = chartLines(checked.chart, frame, options);

    // Runs analysis over the part's included points (baseline or not), on the unmultiplied scale.
    const runs = partRuns(lines, includeFlags, start, checked.method);
    // qicharts2 never shows a runs signal on an MR chart (successive moving ranges are not independent).
    const runsSignal = checked.chart === 'mr' ? false : runs.runsSignal;
    if (runsSignal) signals.runsSignalParts.push(number);
    parts.push({
      part: number,
      nObs: runs.nObs,
      nUseful: runs.nUseful,
      longestRun: runs.longestRun,
      longestRunMax: runs.longestRunMax,
      crossings: runs.crossings,
      crossingsMin: runs.crossingsMin,
      runsSignal,
      start: start + 1,
      end,
      runsMethod: runs.method,
      runsSignalReasons: runsSignal ? runs.reasons : [],
      longestRunAt: runs.longestRunAt,
    });

    columns.part.fill(number, start, end);
    if (runsSignal) columns.runsSignal.fill(1, start, end);
    // Multiply, then keep finite values only (qicharts2: non-finite limits become NA).
    writeValues(columns.y, defined.y, lines.y, start, end, multiply);
    writeLine(columns.cl, defined.cl, lines.cl, start, end, multiply);
    writeLine(columns.lcl, defined.lcl, lines.lcl, start, end, multiply);
    writeLine(columns.ucl, defined.ucl, lines.ucl, start, end, multiply);
    writeLine(columns.lcl95, defined.lcl95, lines.lcl95, start, end, multiply);
    writeLine(columns.ucl95, defined.ucl95, lines.ucl95, start, end, multiply);

    for (let j = 0; j < end - start; j++) {
      const y = lines.y[j] as number;
      // Compared before multiplying (multiply > 0 keeps the order), so signals cannot change with it.
      // A missing value or limit is NaN here, and NaN compares false: no signal.
      const isAbove = y > lineAt(lines.ucl, j);
      const isBelow = y < lineAt(lines.lcl, j);
      if (!(isAbove || isBelow)) continue;
      const position = start + j + 1;
      columns.sigmaSignal[position - 1] = 1;
      signals.outsideLimits.push(position);
      if (isAbove) signals.aboveUpperLimit.push(position);
      if (isBelow) signals.belowLowerLimit.push(position);
    }
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
  chart: ChartType,
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
  const parts: ControlChartPart[] = [];
  const signals: ControlChartSignals = {
    outsideLimits: [],
    aboveUpperLimit: [],
    belowLowerLimit: [],
    runsSignalParts: [],
  };
  return {
    chart,
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
    parts,
    signals,
  };
}

/**
 * Writes `values[j] · multiply` at column position start + j for the part
 * [start, end) where that is finite, and marks it defined; a non-finite
 * value (NaN = missing) leaves 0 and an undefined mark.
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
    const value = (values[k - start] as number) * multiply;
    if (Number.isFinite(value)) {
      column[k] = value;
      defined[k] = 1;
    }
  }
}

/** `writeValues` for a chart line: a line that is one number for the part is multiplied once. */
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
  const value = line * multiply;
  if (!Number.isFinite(value)) return;
  column.fill(value, start, end);
  defined.fill(1, start, end);
}

/**
 * The subgroups [start, end) of one part. A chart with a single part — the
 * usual case — gets the subgroup arrays themselves: the frame is read-only,
 * so copying a million-point series per part would buy nothing.
 */
function partFrame(
  subgroups: Subgroups,
  baseline: ReadonlyArray<boolean>,
  include: ReadonlyArray<boolean>,
  start: number,
  end: number,
): PartFrame {
  if (start === 0 && end === subgroups.keys.length) {
    const { y, ySum, yLength, yMean, ySd, n } = subgroups;
    return { y, ySum, yLength, yMean, ySd, n, baseline, include };
  }
  return {
    y: subgroups.y.slice(start, end),
    ySum: subgroups.ySum.slice(start, end),
    yLength: subgroups.yLength.slice(start, end),
    yMean: subgroups.yMean.slice(start, end),
    ySd: subgroups.ySd.slice(start, end),
    n: subgroups.n.slice(start, end),
    baseline: baseline.slice(start, end),
    include: include.slice(start, end),
  };
}

/**
 * Runs analysis of one part (its points from subgroup `start` on) over its
 * included points. With nothing excluded in the part, the plotted values are
 * passed as they are; only a part with exclusions gets copies without them.
 */
function partRuns(
  lines: ChartLines,
  include: ReadonlyArray<boolean>,
  start: number,
  method: RunsMethod,
): RunsAnalysis {
  const length = lines.y.length;
  let excluded = 0;
  for (let j = 0; j < length; j++) if (!include[start + j]) excluded += 1;
  if (excluded === 0) return runsAnalysis(lines.y, lines.cl, { method, firstPosition: start + 1 });
  const values: number[] = [];
  const positions: number[] = [];
  for (let j = 0; j < length; j++) {
    if (!include[start + j]) continue;
    values.push(lines.y[j] as number);
    positions.push(start + j + 1);
  }
  return runsAnalysis(values, lines.cl, { method, positions });
}

function chartLines(chart: ChartType, frame: PartFrame, options: ChartOptions): ChartLines {
  switch (chart) {
    case 'run':
      return runChartLines(frame);
    case 'i':
      return iChartLines(frame, options);
    case 'mr':
      return mrChartLines(frame);
    case 'xbar':
      return xbarChartLines(frame);
    case 's':
      return sChartLines(frame);
    case 't':
      return tChartLines(frame, options);
    case 'p':
      return pChartLines(frame);
    case 'pp':
      return laneyChartLines(frame, 'p', options);
    case 'c':
      return cChartLines(frame);
    case 'u':
      return uChartLines(frame);
    case 'up':
      return laneyChartLines(frame, 'u', options);
    case 'g':
      return gChartLines(frame);
  }
}
