import normalQuantileAt from '@stdlib/stats-base-dists-normal-quantile';

/**
 * The standard normal quantile z such that P(Z <= z) = p, to full double
 * precision (stdlib). simple-statistics' `probit` is an approximation good to
 * about 1e-3, too coarse for intervals that must match R to 1e-6.
 *
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  return normalQuantileAt(p, 0, 1);
}
