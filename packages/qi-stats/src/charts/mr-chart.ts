import { meanOfPresent } from '../math/mean.js';
import { MOVING_RANGE_SCREEN_FACTOR } from './moving-range.js';
import { baseValues, type ChartLines, type PartFrame } from './part-frame.js';

/**
 * MR (moving range) chart: y_i = |x_i − x_{i−1}| over ALL points of the part
 * (excluded ones too; the first point of each part has none). CL = mean of
 * the baseline's included ranges; UCL = 3.267 · CL, LCL = 0; the 2-sigma
 * line is (3.267 / 3) · 2 · CL. qicharts2 never reports a runs signal on an
 * MR chart (successive ranges are correlated), though it computes the runs
 * statistics.
 *
 * Reference: Montgomery (6th ed.) §6.4; qicharts2 0.8.1 `qic.mr()`.
 *
 * @example
 * const mr = controlChart({ chart: 'mr', y: [1, 3, 2, 4] });
 * mr.points.map((p) => p.y); // [null, 2, 1, 2]
 * mr.points[0].ucl; // 3.267 * 5/3 = 5.445
 */
export function mrChartLines(frame: PartFrame): ChartLines {
  const length = frame.y.length;
  const ranges = new Array<number>(length);
  for (let k = 0; k < length; k++) {
    ranges[k] = k === 0 ? Number.NaN : Math.abs((frame.y[k] as number) - (frame.y[k - 1] as number));
  }
  const cl = meanOfPresent(baseValues(ranges, frame));
  return {
    y: ranges,
    cl,
    lcl: 0,
    ucl: MOVING_RANGE_SCREEN_FACTOR * cl,
    lcl95: 0,
    ucl95: (MOVING_RANGE_SCREEN_FACTOR / 3) * 2 * cl,
  };
}
