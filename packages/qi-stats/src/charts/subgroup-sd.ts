import { meanOfPresent } from '../math/mean.js';

/**
 * The within-subgroup standard deviation an xbar or s chart is built on,
 * from the baseline's included subgroups of one part:
 *
 * - all subgroup sizes equal (within the WHOLE part, as qicharts2 checks
 *   `unique(y.length)` over every row of the part): s̄ = mean of the
 *   subgroup sds (Montgomery eq. 6.29);
 * - sizes differ: the pooled sd √(Σ(n_i − 1)s_i² / Σ(n_i − 1)) (eq. 6.31).
 *
 * Subgroups of one observation have no sd and drop out. An empty subgroup
 * (every value missing) also drops out; qicharts2 would add −1 to the pooled
 * denominator for it, which we do not copy (a missing subgroup must not act
 * like data).
 *
 * Reference: Montgomery (6th ed.) §6.3; qicharts2 0.8.1 `qic.xbar()`, `qic.s()`.
 *
 * @example
 * pooledOrMeanSd([3, 3], [1, 2], true); // 1.5 (equal sizes: mean of sds)
 * pooledOrMeanSd([2, 3], [1, 2], false); // √((1·1 + 2·4) / 3) = √3
 */
export function pooledOrMeanSd(
  sizes: ReadonlyArray<number>,
  sds: ReadonlyArray<number>,
  equalSizes: boolean,
): number {
  if (equalSizes) return meanOfPresent(sds);
  let numerator = 0;
  let denominator = 0;
  for (let k = 0; k < sizes.length; k++) {
    const size = sizes[k] as number;
    const sd = sds[k] as number;
    if (size < 1) continue;
    denominator += size - 1;
    if (!Number.isNaN(sd)) numerator += (size - 1) * sd * sd;
  }
  return Math.sqrt(numerator / denominator);
}

/**
 * Whether every subgroup of the part has the same number of observations
 * (qicharts2: `length(unique(y.length)) == 1`, over the whole part).
 * Subgroups with nothing present are left out: in qicharts2 an all-missing
 * subgroup counts as size 0 and switches the chart to the pooled sd, so a
 * missing subgroup would act like data; we do not copy that.
 *
 * @example
 * hasEqualSizes([5, 5, 4]); // false
 * hasEqualSizes([5, 0, 5]); // true (the empty subgroup is missing, not of size 0)
 */
export function hasEqualSizes(sizes: ReadonlyArray<number>): boolean {
  let first = Number.NaN;
  for (let k = 0; k < sizes.length; k++) {
    const size = sizes[k] as number;
    if (!(size > 0)) continue;
    if (Number.isNaN(first)) first = size;
    else if (size !== first) return false;
  }
  return true;
}
