import { iChartLines } from './i-chart.js';
import type { ChartLines, ChartOptions, Line, PartFrame } from './part-frame.js';

/**
 * Nelson's power for times between rare events: y^(1/3.6) is close to
 * normal when y is exponential (Weibull with shape 1).
 */
export const T_CHART_POWER = 3.6;

/**
 * T chart (time between rare events): transform u = y^(1/3.6), run the I
 * chart on u (with the same moving-range screening), then back-transform the
 * centre line and limits with ^3.6. A negative lower limit on the u scale
 * has no real back-transform: qicharts2 sets the 3-sigma LCL to 0 — but NOT
 * the 2-sigma one, which becomes NA; we match both. Times must be > 0.
 *
 * Reference: Nelson LS. A control chart for parts-per-million nonconforming
 * items. J Qual Technol 1994;26(3):239-40; Montgomery (6th ed.) Example 7.6;
 * qicharts2 0.8.1 `qic.t()`.
 *
 * @example
 * const t = controlChart({ chart: 't', y: [10, 100, 20, 200] });
 * t.points[0].cl;  // (mean of y^(1/3.6))^3.6 = 54.4970...
 * t.points[0].ucl; // 1423.544...
 * t.points[0].lcl; // 0 (negative on the transformed scale)
 */
export function tChartLines(frame: PartFrame, options: ChartOptions): ChartLines {
  const length = frame.y.length;
  const transformed = new Array<number>(length);
  for (let k = 0; k < length; k++) transformed[k] = (frame.y[k] as number) ** (1 / T_CHART_POWER);
  const lines = iChartLines({ ...frame, y: transformed }, options);
  return {
    y: frame.y,
    cl: backTransform(lines.cl),
    lcl: mapLine(lines.lcl, backTransformLower),
    ucl: mapLine(lines.ucl, backTransform),
    lcl95: mapLine(lines.lcl95, backTransform),
    ucl95: mapLine(lines.ucl95, backTransform),
  };
}

function backTransform(value: number): number {
  return value ** T_CHART_POWER;
}

/** The 3-sigma LCL: 0 where the transformed limit is negative (its power is negative or NaN). */
function backTransformLower(value: number): number {
  const limit = value ** T_CHART_POWER;
  return limit < 0 || Number.isNaN(limit) ? 0 : limit;
}

function mapLine(line: Line, transform: (value: number) => number): Line {
  return typeof line === 'number' ? transform(line) : line.map(transform);
}
