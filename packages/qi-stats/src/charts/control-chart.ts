import { controlChartColumns } from './control-chart-columns.js';
import type {
  ControlChartColumns,
  ControlChartInput,
  ControlChartPoint,
  ControlChartResult,
} from './types.js';

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
  const columns = controlChartColumns(input);
  return { chart: columns.chart, points: pointsOf(columns), parts: columns.parts, signals: columns.signals };
}

/**
 * One point object per subgroup, read from the columns: a value where its
 * mask says defined, else null; a flag as a boolean. No arithmetic: every
 * number was computed by `controlChartColumns`.
 */
function pointsOf(columns: ControlChartColumns): ControlChartPoint[] {
  const { x, y, n, defined, part, include, baseline, sigmaSignal, runsSignal } = columns;
  // The lines are often one number along a whole part: each is boxed once, not at every point.
  const cl = new RepeatedValues(columns.cl, defined.cl);
  const lcl = new RepeatedValues(columns.lcl, defined.lcl);
  const ucl = new RepeatedValues(columns.ucl, defined.ucl);
  const lcl95 = new RepeatedValues(columns.lcl95, defined.lcl95);
  const ucl95 = new RepeatedValues(columns.ucl95, defined.ucl95);
  const count = columns.length;
  const points = new Array<ControlChartPoint>(count);
  for (let k = 0; k < count; k++) {
    points[k] = point(
      x[k] as string | number,
      defined.y[k] === 1 ? (y[k] as number) : null,
      defined.n[k] === 1 ? (n[k] as number) : null,
      cl.at(k),
      lcl.at(k),
      ucl.at(k),
      lcl95.at(k),
      ucl95.at(k),
      part[k] as number,
      include[k] === 1,
      baseline[k] === 1,
      sigmaSignal[k] === 1,
      runsSignal[k] === 1,
    );
  }
  return points;
}

/**
 * A number column read as `number | null`, point by point, that hands out
 * the same number value again while the column repeats it. Every number a
 * point object holds is a separate heap allocation unless it is shared: on a
 * chart of a million points with constant limits, this saves five million
 * of them. Zero is never shared, so 0 and −0 stay distinct.
 */
class RepeatedValues {
  private readonly values: Float64Array;
  private readonly defined: Uint8Array;
  private last = Number.NaN;
  private shared: number | null = null;

  constructor(values: Float64Array, defined: Uint8Array) {
    this.values = values;
    this.defined = defined;
  }

  at(k: number): number | null {
    if (this.defined[k] !== 1) return null;
    const value = this.values[k] as number;
    if (value === 0) return value;
    if (value !== this.last) {
      this.last = value;
      this.shared = value;
    }
    return this.shared;
  }
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
// points of a part share the value of a line that is constant along it (see RepeatedValues): up to
// five fewer allocations per point. Only speed depends on this; the points are the same either way.
point(0, null, null, null, null, null, null, null, 1, true, true, false, false);
