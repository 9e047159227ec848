import { finiteOrNull } from '../math/finite-or-null.js';
import { type RunsAnalysis, runsAnalysis } from '../rules/runs-analysis.js';
import { cChartLines } from './c-chart.js';
import { gChartLines } from './g-chart.js';
import { iChartLines } from './i-chart.js';
import { laneyChartLines } from './laney.js';
import { mrChartLines } from './mr-chart.js';
import { pChartLines } from './p-chart.js';
import { type ChartLines, type ChartOptions, lineAt, type PartFrame } from './part-frame.js';
import { ResultLine } from './result-line.js';
import { runChartLines } from './run-chart.js';
import { sChartLines } from './s-chart.js';
import { aggregateSubgroups, type Subgroups } from './subgroups.js';
import { tChartLines } from './t-chart.js';
import type {
  ChartType,
  ControlChartInput,
  ControlChartPart,
  ControlChartPoint,
  ControlChartResult,
  ControlChartSignals,
  RunsMethod,
} from './types.js';
import { uChartLines } from './u-chart.js';
import { checkInput, checkPositions } from './validate-input.js';
import { xbarChartLines } from './xbar-chart.js';

/**
 * Run chart or Shewhart control chart with Anhøj runs analysis, computed
 * exactly as qicharts2 0.8.1 `qic(..., return.data = TRUE)` with the package
 * attached (so moving-range screening is on), and checked against its output
 * (test/fixtures/control-charts.json).
 *
 * Pipeline (qicharts2 `qic.agg()`): group observations into subgroups by `x`
 * → assign parts (`part`), baseline (`freeze`, ignored when `part` is given)
 * and `exclude` → per part, the chart's centre line and limits from the
 * baseline's included points → per part, the runs analysis over the included
 * points (after a freeze too) → multiply → non-finite limits become null →
 * points beyond the 3-sigma limits (strictly) signal.
 *
 * Chart types: run (median), i, mr, xbar, s, t, p, pp (Laney p′), c, u,
 * up (Laney u′), g. See each `*-chart.ts` for its formulas and surprises.
 *
 * Beyond qicharts2, every signal says why: `parts[k].runsSignalReasons`,
 * `parts[k].longestRunAt` and `signals` list which rule fired and where.
 *
 * qicharts2 behaviour we match on purpose, though it may surprise:
 * - I, T, P′ and U′ limits use 3 · AMR / 1.128 (= 2.6596 · AMR), not the
 *   2.66 of the Making Data Count tools (i-chart.ts);
 * - moving-range screening keeps ranges `< 3.267 · AMR` (strict), and only
 *   AMR is recomputed, not the mean (moving-range.ts);
 * - an excluded point is skipped by the I chart's moving ranges (the range
 *   bridges it) but an MR chart's ranges are taken over all points;
 * - the g chart's centre line is the median, its limits use the mean
 *   (g-chart.ts); the T chart's 3-sigma LCL becomes 0 where its 2-sigma LCL
 *   becomes null (t-chart.ts);
 * - `freeze` is ignored when `part` is given; after a freeze the runs
 *   analysis still uses every included point;
 * - excluded points are still tested against the limits (sigmaSignal);
 * - an MR chart never has a runs signal, though its runs statistics are
 *   reported.
 *
 * Where qicharts2 copes silently and we do not (each documented where it
 * happens): a missing denominator beside a count, `part`/`freeze`/`exclude`
 * out of range and non-positive times are errors (validate-input.ts); an
 * all-missing subgroup is missing, not a sum of 0, and reports n = null, not
 * 0 (subgroups.ts); an empty subgroup does not switch an xbar/s chart to the
 * pooled sd (subgroup-sd.ts); string keys are ordered subgroups, not
 * categories (qicharts2 would turn off the runs analysis and use sd(z) in
 * Laney charts); sigma signals are compared before `multiply`, so they
 * cannot change with it.
 *
 * Throws `QiStatsInputError` for bad input (see validate-input.ts); never
 * returns NaN or Infinity.
 *
 * @example
 * const chart = controlChart({ chart: 'c', y: [4, 6, 5, 3, 7, 5, 20] , freeze: 6 });
 * chart.points[0].cl;               // 5 (mean of the first 6 counts)
 * chart.points[0].ucl;              // 5 + 3 * √5 = 11.708...
 * chart.signals.outsideLimits;      // [7]
 */
export function controlChart(input: ControlChartInput): ControlChartResult {
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
  const points = new Array<ControlChartPoint>(count);
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

    const multiply = checked.multiply;
    const cl = finiteOrNull(lines.cl * multiply);
    const lclOut = new ResultLine(lines.lcl, multiply);
    const uclOut = new ResultLine(lines.ucl, multiply);
    const lcl95Out = new ResultLine(lines.lcl95, multiply);
    const ucl95Out = new ResultLine(lines.ucl95, multiply);
    // One plain loop writes the points and collects the sigma signals as it goes: no per-point
    // closure or intermediate array, as this is most of the work for a chart of a million points.
    for (let j = 0; j < end - start; j++) {
      const k = start + j;
      const y = lines.y[j] as number;
      const lcl = lineAt(lines.lcl, j);
      const ucl = lineAt(lines.ucl, j);
      // Compared before multiplying (multiply > 0 keeps the order), so signals cannot change with it.
      const isAbove = y > ucl;
      const isBelow = y < lcl;
      const sigmaSignal = isAbove || isBelow;
      if (sigmaSignal) signals.outsideLimits.push(k + 1);
      if (isAbove) signals.aboveUpperLimit.push(k + 1);
      if (isBelow) signals.belowLowerLimit.push(k + 1);
      points[k] = {
        x: subgroups.keys[k] as string | number,
        y: finiteOrNull(y * multiply),
        n: finiteOrNull(subgroups.n[k]),
        cl,
        lcl: lclOut.at(j),
        ucl: uclOut.at(j),
        lcl95: lcl95Out.at(j),
        ucl95: ucl95Out.at(j),
        part: number,
        include: include[k] as boolean,
        baseline: baseline[k] as boolean,
        sigmaSignal,
        runsSignal,
      };
    }
  }

  return { chart: checked.chart, points, parts, signals };
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
