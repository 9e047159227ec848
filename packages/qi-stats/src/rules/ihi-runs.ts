/**
 * Runs about the median and the IHI shift rule (Perla, Provost & Murray,
 * BMJ Qual Saf 2011;20:46–51, rules 1 and 3).
 *
 * A run is a maximal sequence of consecutive useful observations on the same
 * side of the median. Points exactly on the median are not useful: they
 * neither break a run nor add to it, so they are dropped before the runs are
 * formed (the paper's rule, and qicharts2's `runs.analysis` does the same).
 * Missing values are dropped too: a gap in the data is no evidence either way.
 * Cost: O(n).
 */

/** A non-missing observation and its 1-based position in the caller's series. */
export interface IhiPoint {
  position: number;
  value: number;
}

/** A run of useful observations: the side of the median and the positions of its points. */
export interface IhiRun {
  side: 1 | -1;
  positions: number[];
}

/** The IHI shift rule: a run of at least this many useful observations. */
export const IHI_SHIFT_LENGTH = 6;

/**
 * Splits the useful observations (points not on `median`) into runs.
 *
 * @example
 * runsAboutMedian(
 *   [{ position: 1, value: 1 }, { position: 2, value: 5 }, { position: 3, value: 3 }, { position: 4, value: 6 }],
 *   3,
 * ); // [{ side: -1, positions: [1] }, { side: 1, positions: [2, 4] }]: point 3 is on the median
 */
export function runsAboutMedian(points: ReadonlyArray<IhiPoint>, median: number): IhiRun[] {
  const runs: IhiRun[] = [];
  let current: IhiRun | null = null;
  for (const point of points) {
    if (point.value === median) continue; // on the median: skipped, the run carries on
    const side: 1 | -1 = point.value > median ? 1 : -1;
    if (current && current.side === side) {
      current.positions.push(point.position);
    } else {
      current = { side, positions: [point.position] };
      runs.push(current);
    }
  }
  return runs;
}

/**
 * The shifts among `runs`: each run of {@link IHI_SHIFT_LENGTH} or more useful
 * observations. A shift lists the positions of its useful points only; a point
 * on the median inside it is not part of it (it is on neither side), so a
 * shift of 6 can span 7 positions. Callers who draw a band take first..last.
 *
 * @example
 * shiftsFromRuns([{ side: 1, positions: [1, 2, 3, 5, 6, 7] }, { side: -1, positions: [8] }]);
 * // [[1, 2, 3, 5, 6, 7]]
 */
export function shiftsFromRuns(
  runs: ReadonlyArray<IhiRun>,
  minLength: number = IHI_SHIFT_LENGTH,
): number[][] {
  return runs.filter((run) => run.positions.length >= minLength).map((run) => [...run.positions]);
}
