/**
 * Counts and rates cannot be negative: qicharts2 raises a negative finite
 * lower limit to 0 on c, u and u′ charts (and p, p′ through clampToUnit).
 * Non-finite limits are left alone; they become null later.
 *
 * Reference: qicharts2 0.8.1 `qic.c()`, `qic.u()`, `qic.up()`:
 * `lcl[lcl < 0 & is.finite(lcl)] <- 0`.
 *
 * @example
 * floorAtZero([-1, 2, Number.NEGATIVE_INFINITY]); // [0, 2, -Infinity]
 */
export function floorAtZero(limits: ReadonlyArray<number>): number[] {
  return limits.map(floorLimitAtZero);
}

/**
 * One limit of `floorAtZero`, for charts that build their limits point by
 * point (or once, when the limit is the same for every point).
 *
 * @example
 * floorLimitAtZero(-1); // 0
 */
export function floorLimitAtZero(value: number): number {
  return Number.isFinite(value) && value < 0 ? 0 : value;
}
