import { QiStatsInputError } from '../errors.js';
import type { MdcSettings } from './presets.js';

/** One period of a chart and the positions its limits are computed from. */
export interface ChartPeriod {
  /** 0-based [start, end) of the period. */
  start: number;
  end: number;
  /** 0-based [start, baselineEnd) used for the mean and limits. */
  baselineEnd: number;
}

/**
 * Splits a chart of `length` points into periods at the (validated, sorted)
 * 1-based `rebase` positions and says which points set each period's limits.
 *
 * A baseline (`fixAfter` = k) with recalculations:
 * - 'first-period' ('mdc'): the first k points set the first period's
 *   limits; every later period computes its own. This is the NHSE SQL v2.6
 *   (step 4c: the baseline is partition 0 and the rest of the first period
 *   borrows its limits). MDC's Excel tool instead drops the recalculations
 *   when a baseline is set ("only the baseline is implemented", MDC-DOC
 *   "Baselines"), silently; we keep both and refuse a baseline that runs past
 *   the first recalculation, since the two requests then contradict.
 * - 'every-period' ('ptd'): the first k points of every period set that
 *   period's limits (NHSRplotthedots 0.2.2, `row_number() <= fix_after_n_points`
 *   inside `group_by(rebase_group)`); a period shorter than k uses all its points.
 *
 * @example
 * chartPeriods(30, [16], 12, MDC_PRESET);
 * // [{ start: 0, end: 15, baselineEnd: 12 }, { start: 15, end: 30, baselineEnd: 30 }]
 */
export function chartPeriods(
  length: number,
  rebase: ReadonlyArray<number>,
  fixAfter: number | null,
  settings: Pick<MdcSettings, 'baselineScope'>,
): ChartPeriod[] {
  const periods: ChartPeriod[] = [];
  const starts = [0, ...rebase.map((r) => r - 1)];
  for (let g = 0; g < starts.length; g++) {
    const start = starts[g] ?? 0;
    const end = starts[g + 1] ?? length;
    let baselineEnd = end;
    if (fixAfter !== null && (settings.baselineScope === 'every-period' || g === 0)) {
      baselineEnd = Math.min(end, start + fixAfter);
    }
    periods.push({ start, end, baselineEnd });
  }
  const first = periods[0];
  if (
    fixAfter !== null &&
    settings.baselineScope === 'first-period' &&
    first !== undefined &&
    periods.length > 1 &&
    fixAfter > first.end
  ) {
    throw new QiStatsInputError({
      field: 'fixAfter',
      rule: 'baseline-crosses-rebase',
      value: fixAfter,
      message: `the baseline of ${fixAfter} points runs past the recalculation at position ${first.end + 1}`,
    });
  }
  return periods;
}
