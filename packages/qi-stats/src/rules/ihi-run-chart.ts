/**
 * Run chart analysed with the IHI rules: Perla RJ, Provost LP, Murray SK.
 * "The run chart: a simple analytical tool for learning from variation in
 * healthcare processes." BMJ Qual Saf 2011;20:46–51.
 *
 * The centre line is the median. Four rules, each a signal of non-random
 * variation (about 5% false alarms each on random data):
 * 1. Shift: six or more consecutive useful points on one side of the median
 *    (points on the median are skipped; see ./ihi-runs.ts).
 * 2. Trend: five or more consecutive points all going up or all going down
 *    (equal successive values are skipped; see ./ihi-trends.ts).
 * 3. Too few or too many runs: the number of runs of useful points outside
 *    the paper's Table 1 limits (see ./ihi-runs-table.ts, rows 10–26 only).
 * 4. Astronomical point: a judgement; only candidates are returned (points
 *    outside I-chart 3-sigma limits; see ./ihi-astronomical.ts).
 *
 * qi-stats' default runs analysis is Anhøj's (qicharts2), which is better
 * calibrated; these rules are here because many NHS and US teams are trained
 * on them. Cost: O(n log n) for the median, O(n) for the rules.
 */
import { QiStatsInputError } from '../errors.js';
import { astronomicalCandidates } from './ihi-astronomical.js';
import { type IhiPoint, runsAboutMedian, shiftsFromRuns } from './ihi-runs.js';
import { ihiRunsLimits } from './ihi-runs-table.js';
import { trends } from './ihi-trends.js';

export interface IhiRunChartResult {
  /** Median of the baseline points (the first `baseline` non-missing values, or all of them). */
  median: number;
  /** Non-missing points not on the median. */
  nUseful: number;
  /** Runs of useful points on one side of the median (crossings + 1; 0 when nothing is useful). */
  runs: number;
  /** Perla et al. Table 1 limits for `nUseful`; null where the shipped table has no row (n < 10 or n > 26). */
  runsLimits: { lower: number; upper: number } | null;
  /** 1-based positions of the useful points in each shift (points on the median left out). */
  shifts: number[][];
  /** 1-based positions of the counted points in each trend (repeated values left out). */
  trends: number[][];
  /** CANDIDATES for the astronomical-point rule, 1-based: outside I-chart 3-sigma limits. A person decides. */
  astronomical: number[];
}

/**
 * Analyses a series with the IHI run chart rules. `null` marks a missing
 * value: it is skipped (never read as 0) and keeps its place, so positions
 * in the result are positions in `values`. With `baseline` = k, the median
 * (and the astronomical screen's limits) come from the first k non-missing
 * values and are extended over the rest, as a frozen median is on paper.
 *
 * Throws {@link QiStatsInputError} for a non-finite value (rule
 * 'non-finite-value'), a series with no values (rule 'no-values') and a
 * baseline that is not a whole number from 1 to the number of values (rule
 * 'baseline-out-of-range').
 *
 * @example
 * ihiRunChart([3, 4, 3, 5, 4, 3, 8, 9, 7, 8, 9, 8]);
 * // { median: 6, nUseful: 12, runs: 2, runsLimits: { lower: 3, upper: 11 },
 * //   shifts: [[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]], trends: [], astronomical: [] }
 * // Two runs where 3 to 11 are expected: too few runs, and two shifts.
 */
export function ihiRunChart(
  values: ReadonlyArray<number | null>,
  options?: { baseline?: number },
): IhiRunChartResult {
  if (!Array.isArray(values)) {
    throw new QiStatsInputError({
      field: 'values',
      rule: 'not-an-array',
      value: values,
      message: 'expected an array of numbers or nulls',
    });
  }
  const points: IhiPoint[] = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined) return; // missing: skipped, never 0
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new QiStatsInputError({
        field: 'values',
        position: index + 1,
        rule: 'non-finite-value',
        value,
        message: `expected a finite number or null, got ${String(value)}`,
      });
    }
    points.push({ position: index + 1, value });
  });
  if (points.length === 0) {
    throw new QiStatsInputError({
      field: 'values',
      rule: 'no-values',
      message: values.length === 0 ? 'the series is empty' : 'every value is missing (null)',
    });
  }

  const baseline = options?.baseline ?? null;
  if (baseline !== null && (!Number.isInteger(baseline) || baseline < 1 || baseline > points.length)) {
    throw new QiStatsInputError({
      field: 'baseline',
      rule: 'baseline-out-of-range',
      value: baseline,
      message: `expected a whole number from 1 to ${points.length} (the number of non-missing values), got ${String(baseline)}`,
    });
  }
  const baselinePoints = baseline === null ? points : points.slice(0, baseline);

  const median = medianOf(baselinePoints.map((point) => point.value));
  const runs = runsAboutMedian(points, median);
  const nUseful = runs.reduce((sum, run) => sum + run.positions.length, 0);

  return {
    median,
    nUseful,
    runs: runs.length,
    runsLimits: ihiRunsLimits(nUseful),
    shifts: shiftsFromRuns(runs),
    trends: trends(points),
    astronomical: astronomicalCandidates(points, baselinePoints),
  };
}

/** The middle value; the mean of the two middle values for an even count (as R's median()). */
function medianOf(xs: ReadonlyArray<number>): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
