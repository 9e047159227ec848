import { boxBounds } from './best-box.js';

/**
 * Cut-box test of Anhøj & Wentzel-Larsen (2020): the best box (at least cb
 * crossings and a longest run of at most lb, see best-box.ts) with its
 * corner cells cut off where the simulation showed them to be borderline.
 * Where a row has borderline bounds (cbord, lbord), a part is random only if
 *
 * - crossings ≥ cb + 1 and longest run ≤ lb − 1, or
 * - crossings = cb and longest run ≤ lbord, or
 * - crossings ≥ cbord and longest run ≤ lb;
 *
 * otherwise the best box applies unchanged. This is the logic of qicharts2's
 * `crsignal(method = 'cutbox')`, line for line.
 *
 * Returns why the part signals ('borderline' when inside the best box but in a
 * cut cell), empty when it does not, or null outside n = 10–100.
 *
 * Reference: Anhøj J, Wentzel-Larsen T. PLoS ONE 2020;15(6):e0233920;
 * qicharts2 R/helper.functions.R `crsignal()`.
 *
 * @example
 * // n = 10: cb 2, lb 6, cbord 3, lbord 5. Two crossings with a run of 6 is
 * // inside the best box but in a cut corner.
 * cutBoxSignal({ nUseful: 10, crossings: 2, longestRun: 6 }); // ['borderline']
 */
export function cutBoxSignal(counts: {
  nUseful: number;
  crossings: number;
  longestRun: number;
}): Array<'long-run' | 'few-crossings' | 'borderline'> | null {
  const bounds = boxBounds(counts.nUseful);
  if (bounds === null) return null;
  const { crossings: c, longestRun: l } = counts;
  const reasons: Array<'long-run' | 'few-crossings' | 'borderline'> = [];
  if (l > bounds.lb) reasons.push('long-run');
  if (c < bounds.cb) reasons.push('few-crossings');
  if (bounds.cbord === null || bounds.lbord === null) return reasons;
  const random =
    (c >= bounds.cb + 1 && l <= bounds.lb - 1) ||
    (c === bounds.cb && l <= bounds.lbord) ||
    (c >= bounds.cbord && l <= bounds.lb);
  if (!random && reasons.length === 0) reasons.push('borderline');
  return random ? [] : reasons;
}
