import { type ChartCore, computeChart, reported } from './chart-core.js';
import { lineAt } from './part-frame.js';
import type { ControlChartInput, ControlChartPoint, ControlChartResult } from './types.js';

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
  const core = computeChart(input);
  return { chart: core.chart, points: pointsOf(core), parts: core.parts, signals: core.signals };
}

/**
 * One point object per subgroup, written from the computed chart: every
 * number through `reported` (as `controlChartColumns` writes its columns),
 * so the two agree exactly. A line that is one number along a part is
 * converted once per part, and the points share that number value.
 */
function pointsOf(core: ChartCore): ControlChartPoint[] {
  const { keys, n, include, baseline, sigmaSignal, multiply } = core;
  const points = new Array<ControlChartPoint>(keys.length);
  for (const { number, start, end, lines, runsSignal } of core.segments) {
    const cl = reported(lines.cl, multiply);
    const lcl = typeof lines.lcl === 'number' ? reported(lines.lcl, multiply) : null;
    const ucl = typeof lines.ucl === 'number' ? reported(lines.ucl, multiply) : null;
    const lcl95 = typeof lines.lcl95 === 'number' ? reported(lines.lcl95, multiply) : null;
    const ucl95 = typeof lines.ucl95 === 'number' ? reported(lines.ucl95, multiply) : null;
    for (let k = start; k < end; k++) {
      const j = k - start;
      points[k] = point(
        keys[k] as string | number,
        reported(lines.y[j] as number, multiply),
        reported(n[k] as number, 1),
        cl,
        typeof lines.lcl === 'number' ? lcl : reported(lineAt(lines.lcl, j), multiply),
        typeof lines.ucl === 'number' ? ucl : reported(lineAt(lines.ucl, j), multiply),
        typeof lines.lcl95 === 'number' ? lcl95 : reported(lineAt(lines.lcl95, j), multiply),
        typeof lines.ucl95 === 'number' ? ucl95 : reported(lineAt(lines.ucl95, j), multiply),
        number,
        include[k] as boolean,
        baseline[k] as boolean,
        sigmaSignal[k] === 1,
        runsSignal,
      );
    }
  }
  return points;
}

/** A point: a plain object, every field an own enumerable data property, always in this order. */
function point(
  x: string | number,
  y: number | null,
  n: number | null,
  cl: number | null,
  lcl: number | null,
  ucl: number | null,
  lcl95: number | null,
  ucl95: number | null,
  part: number,
  include: boolean,
  baseline: boolean,
  sigmaSignal: boolean,
  runsSignal: boolean,
): ControlChartPoint {
  return { x, y, n, cl, lcl, ucl, lcl95, ucl95, part, include, baseline, sigmaSignal, runsSignal };
}

// V8 stores an object field in the form of the first value it holds: a field that first holds a
// fractional number gets a private number box in every object, which points cannot share. One point
// made at load with every number field null makes those fields plain references instead, so the
// points of a part share the value of a line that is constant along it (see pointsOf): up to
// five fewer allocations per point. Only speed depends on this; the points are the same either way.
point(0, null, null, null, null, null, null, null, 1, true, true, false, false);
