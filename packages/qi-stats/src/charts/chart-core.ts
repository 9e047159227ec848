import { finiteOrNull } from '../math/finite-or-null.js';
import { type RunsAnalysis, runsAnalysis } from '../rules/runs-analysis.js';
import { cChartLines } from './c-chart.js';
import { gChartLines } from './g-chart.js';
import { iChartLines } from './i-chart.js';
import { laneyChartLines } from './laney.js';
import { mrChartLines } from './mr-chart.js';
import { pChartLines } from './p-chart.js';
import { type ChartLines, type ChartOptions, lineAt, type PartFrame } from './part-frame.js';
import { runChartLines } from './run-chart.js';
import { sChartLines } from './s-chart.js';
import { aggregateSubgroups, type Subgroups } from './subgroups.js';
import { tChartLines } from './t-chart.js';
import type {
  ChartType,
  ControlChartInput,
  ControlChartPart,
  ControlChartSignals,
  RunsMethod,
} from './types.js';
import { uChartLines } from './u-chart.js';
import { checkInput, checkPositions } from './validate-input.js';
import { xbarChartLines } from './xbar-chart.js';

/**
 * A computed chart before it is written out: everything `controlChart` and
 * `controlChartColumns` report, with each part's plotted values and lines
 * as the chart calculation returned them (unmultiplied; NaN = missing; a
 * line that is one number along the part kept as one number). The two
 * public functions only write this out — as point objects or as columns —
 * through `reported`; every formula is here or in the chart modules.
 */
export interface ChartCore {
  chart: ChartType;
  /** Subgroup keys, in order (may be the caller's `x` array itself: read-only). */
  keys: ReadonlyArray<string | number>;
  /** Σn per subgroup; NaN = missing. */
  n: ReadonlyArray<number>;
  include: ReadonlyArray<boolean>;
  baseline: ReadonlyArray<boolean>;
  multiply: number;
  /** One entry per part, in order: its subgroups [start, end) and its lines. */
  segments: ChartSegment[];
  /** 1 where the point is outside its 3-sigma limits. */
  sigmaSignal: Uint8Array;
  parts: ControlChartPart[];
  signals: ControlChartSignals;
}

/** One part of a `ChartCore`. */
export interface ChartSegment {
  /** 1-based part number. */
  number: number;
  /** 0-based index of the part's first subgroup; `end` is one past its last. */
  start: number;
  end: number;
  lines: ChartLines;
  runsSignal: boolean;
}

/**
 * A value as the result reports it: multiplied by `multiply`, and null
 * unless finite (qicharts2 turns non-finite limits into NA; qi-stats never
 * returns NaN or Infinity). The one place a computed number becomes a
 * reported one, for point objects and columns alike.
 *
 * @example
 * reported(0.25, 100); // 25
 * reported(Number.NaN, 100); // null
 */
export function reported(value: number, multiply: number): number | null {
  return finiteOrNull(value * multiply);
}

/**
 * Computes a chart (see `controlChart` for what and how): checks the input,
 * groups subgroups, assigns parts, baseline and exclusions, computes each
 * part's centre line, limits and runs analysis, and finds the sigma signals.
 */
export function computeChart(input: ControlChartInput): ChartCore {
  const checked = checkInput(input);
  const subgroups = aggregateSubgroups(checked.y, checked.n, checked.keys);
  const count = subgroups.keys.length;
  const { parts: breaks, freeze, exclude } = checkPositions(input, count);

  // qicharts2 ignores freeze when parts are given (its issue #20: deliberate).
  const baselineEnd = breaks.length > 0 || freeze === null ? count : freeze;
  // Read-only flags: without a freeze or exclusions, one all-true array serves as both.
  const everyPoint = new Array<boolean>(count).fill(true);
  const baseline = baselineEnd === count ? everyPoint : everyPoint.map((_, k) => k < baselineEnd);
  let include: ReadonlyArray<boolean> = everyPoint;
  if (exclude.length > 0) {
    const flags = everyPoint.slice();
    for (const position of exclude) flags[position - 1] = false;
    include = flags;
  }

  const options: ChartOptions = { screenMovingRanges: checked.screenMovingRanges };
  const segments: ChartSegment[] = [];
  const sigmaSignal = new Uint8Array(count);
  const parts: ControlChartPart[] = [];
  const signals: ControlChartSignals = {
    outsideLimits: [],
    aboveUpperLimit: [],
    belowLowerLimit: [],
    runsSignalParts: [],
  };

  // A new part begins after each break position (qicharts2 `makeparts`), so
  // every part is a contiguous run of subgroups: [start, end).
  for (let number = 1; number <= breaks.length + 1; number++) {
    const start = number === 1 ? 0 : (breaks[number - 2] as number);
    const end = number <= breaks.length ? (breaks[number - 1] as number) : count;
    const frame = partFrame(subgroups, baseline, include, start, end);
    const lines = chartLines(checked.chart, frame, options);

    // Runs analysis over the part's included points (baseline or not), on the unmultiplied scale.
    const runs = partRuns(lines, include, start, checked.method);
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
    segments.push({ number, start, end, lines, runsSignal });

    for (let j = 0; j < end - start; j++) {
      const y = lines.y[j] as number;
      // Compared before multiplying (multiply > 0 keeps the order), so signals cannot change with it.
      // A missing value or limit is NaN here, and NaN compares false: no signal.
      const isAbove = y > lineAt(lines.ucl, j);
      const isBelow = y < lineAt(lines.lcl, j);
      if (!(isAbove || isBelow)) continue;
      const position = start + j + 1;
      sigmaSignal[position - 1] = 1;
      signals.outsideLimits.push(position);
      if (isAbove) signals.aboveUpperLimit.push(position);
      if (isBelow) signals.belowLowerLimit.push(position);
    }
  }

  return {
    chart: checked.chart,
    keys: subgroups.keys,
    n: subgroups.n,
    include,
    baseline,
    multiply: checked.multiply,
    segments,
    sigmaSignal,
    parts,
    signals,
  };
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
