import { medianOfPresent } from '../math/median.js';
import { baseValues, type ChartLines, type PartFrame } from './part-frame.js';

/**
 * Run chart: the centre line is the median of the baseline's included
 * points; there are no limits. The runs analysis (Anhøj rules) does the work.
 *
 * Reference: qicharts2 0.8.1 `qic.run()`; Anhøj & Olesen 2014.
 *
 * @example
 * // Through the public API: the centre line is the median.
 * controlChart({ chart: 'run', y: [3, 1, 4, 1, 5] }).points[0].cl; // 3
 */
export function runChartLines(frame: PartFrame): ChartLines {
  return {
    y: frame.y,
    cl: medianOfPresent(baseValues(frame.y, frame)),
    lcl: Number.NaN,
    ucl: Number.NaN,
    lcl95: Number.NaN,
    ucl95: Number.NaN,
  };
}
