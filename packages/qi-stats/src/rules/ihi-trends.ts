/**
 * The IHI trend rule (Perla, Provost & Murray, BMJ Qual Saf 2011;20:46–51,
 * rule 2): five or more consecutive points all going up or all going down.
 *
 * Ties: "if the value of two or more successive points is the same, ignore
 * the like points when counting" (the paper; IHI teaching material says only
 * the first of the like points counts). So a repeated value neither adds to
 * a trend nor breaks it: 1, 2, 2, 3, 4, 5 is a trend of five points, 1 2 3 4
 * and 5 at positions 1, 2, 4, 5, 6. The repeat (position 3) is not listed,
 * for the same reason a point on the median is not listed in a shift: it did
 * not count. Missing values are skipped (the trend is read across the gap).
 *
 * Unlike shifts, the median plays no part: a trend may cross it. Anhøj &
 * Olesen (PLoS ONE 2014;9:e113825) show this rule adds false signals without
 * adding power; it is here because the IHI rules include it. Cost: O(n).
 */
import type { IhiPoint } from './ihi-runs.js';

/** The IHI trend rule: at least this many points moving one way. */
export const IHI_TREND_LENGTH = 5;

/**
 * Every maximal trend of at least `minLength` counted points, as 1-based
 * positions. Two trends may share their turning point (up to a peak, then
 * down from it), as a reader of the chart would see them.
 *
 * @example
 * trends([1, 2, 2, 3, 4, 5].map((value, i) => ({ position: i + 1, value })));
 * // [[1, 2, 4, 5, 6]]
 */
export function trends(points: ReadonlyArray<IhiPoint>, minLength: number = IHI_TREND_LENGTH): number[][] {
  // Keep the first of each group of equal successive values: the rest are ignored.
  const counted: IhiPoint[] = [];
  for (const point of points) {
    const previous = counted[counted.length - 1];
    if (previous && previous.value === point.value) continue;
    counted.push(point);
  }

  const found: number[][] = [];
  let start = 0; // index in `counted` where the current monotone stretch begins
  let direction = 0; // +1 up, -1 down, 0 before the first step
  const close = (end: number): void => {
    if (direction !== 0 && end - start + 1 >= minLength) {
      found.push(counted.slice(start, end + 1).map((point) => point.position));
    }
  };
  for (let i = 1; i < counted.length; i++) {
    const current = counted[i] as IhiPoint;
    const previous = counted[i - 1] as IhiPoint;
    const step = current.value > previous.value ? 1 : -1; // never equal after the collapse above
    if (step !== direction) {
      close(i - 1);
      start = i - 1; // the turning point starts the new stretch
      direction = step;
    }
  }
  close(counted.length - 1);
  return found;
}
