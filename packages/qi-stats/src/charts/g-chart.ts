import { meanOfPresent } from '../math/mean.js';
import { medianOfPresent } from '../math/median.js';
import { baseValues, type ChartLines, type PartFrame } from './part-frame.js';

/**
 * G chart (opportunities, e.g. births, between rare events): the limits come
 * from the geometric distribution with mean m = mean of the baseline's
 * included values: σ = √(m(m + 1)), m ± 3σ, lower limit floored at 0.
 *
 * Surprise matched from qicharts2: the centre line DISPLAYED (and used for
 * the runs analysis) is the MEDIAN of the same values, not the mean m the
 * limits are built on — the geometric distribution is skewed, so the median
 * splits points evenly for the runs analysis. (Provost & Murray's 0.693 · m
 * approximation is used by qicharts2 only for a user-fixed centre line,
 * which qi-stats does not offer.)
 *
 * Reference: Benneyan JC. Number-between g-type statistical quality control
 * charts. Health Care Manag Sci 2001;4:305-18; Montgomery (6th ed.) p. 319;
 * qicharts2 0.8.1 `qic.g()`.
 *
 * @example
 * const g = controlChart({ chart: 'g', y: [1, 2, 3, 10] });
 * g.points[0].cl;  // 2.5 (the median, not the mean 4)
 * g.points[0].ucl; // 4 + 3 * √(4 · 5) = 17.41640...
 */
export function gChartLines(frame: PartFrame): ChartLines {
  const base = baseValues(frame.y, frame);
  const mean = meanOfPresent(base);
  const sigma = Math.sqrt(mean * (mean + 1));
  return {
    y: frame.y,
    cl: medianOfPresent(base),
    lcl: Math.max(0, mean - 3 * sigma),
    ucl: mean + 3 * sigma,
    lcl95: Math.max(0, mean - 2 * sigma),
    ucl95: mean + 2 * sigma,
  };
}
