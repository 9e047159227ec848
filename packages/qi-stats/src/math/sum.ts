/**
 * Sum of the values that are not missing, as R's `sum(x, na.rm = TRUE)`.
 * Missing values are `null` or `NaN`; an all-missing input sums to 0, exactly
 * as R does (callers that must tell "nothing" from "zero" check the count).
 * O(n).
 *
 * @example
 * sumOfPresent([1, null, 3]); // 4
 */
export function sumOfPresent(values: ArrayLike<number | null>): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k] as number | null;
    if (value === null || Number.isNaN(value)) continue;
    sum += value;
  }
  return sum;
}
