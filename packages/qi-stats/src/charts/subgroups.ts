import { meanOfPresent } from '../math/mean.js';
import { sampleSd } from '../math/sample-sd.js';

/**
 * The observations grouped into subgroups, one entry per subgroup, in
 * subgroup order. `NaN` = missing. Read-only: with one observation per
 * subgroup, fields that coincide share an array (`y` may be the input).
 */
export interface Subgroups {
  keys: ReadonlyArray<string | number>;
  /** Plotted value before chart transforms: Σy/Σn with a denominator, else the mean. */
  y: ReadonlyArray<number>;
  ySum: ReadonlyArray<number>;
  yLength: ReadonlyArray<number>;
  yMean: ReadonlyArray<number>;
  ySd: ReadonlyArray<number>;
  /** Σn over complete observations; NaN without a denominator or when none is complete. */
  n: ReadonlyArray<number>;
}

/**
 * Group observations into subgroups by key, as qicharts2 0.8.1 `qic.agg()`
 * does with `split(d, d$x)`:
 *
 * - subgroups come out in key order (numbers ascending; strings by code
 *   point, so ISO dates sort in time order) — like R's split, which orders
 *   by the sorted levels of x; with the default keys 1..N that is input order;
 * - with a denominator, y = Σy/Σn over the subgroup's complete observations
 *   (qicharts2 blanks y and n together where either is missing) and n = Σn;
 * - without, y = the mean of the observations present (qicharts2's default
 *   `agg.fun = 'mean'`);
 * - missing values are skipped, never counted as 0; a subgroup with nothing
 *   present is missing (qicharts2 would sum an all-missing subgroup of two
 *   or more rows to 0, which we do not copy).
 *
 * O(N log N); O(N) when the keys already ascend (see `keyOrder`).
 *
 * @example
 * aggregateSubgroups([1, 3, 5], null, ['a', 'a', 'b']).yMean; // [2, 5]
 */
export function aggregateSubgroups(
  y: ReadonlyArray<number | null>,
  n: ReadonlyArray<number | null> | null,
  keys: ReadonlyArray<string | number>,
): Subgroups {
  const order = keyOrder(keys);
  if (order === 'strictly-ascending') return oneObservationEach(y, n, keys);
  const { ordered, members } = order === 'ascending' ? consecutiveGroups(keys) : groupsByKey(keys);

  const result = {
    keys: ordered,
    y: [] as number[],
    ySum: [] as number[],
    yLength: [] as number[],
    yMean: [] as number[],
    ySd: [] as number[],
    n: [] as number[],
  };
  for (const indices of members) {
    if (indices.length === 1) {
      // One observation per subgroup (the usual case): no arrays to build.
      const index = indices[0] as number;
      const value = y[index] ?? null;
      const size = n === null ? null : (n[index] ?? null);
      const present = value === null ? Number.NaN : value;
      result.ySum.push(present);
      result.yLength.push(value === null ? 0 : 1);
      result.yMean.push(present);
      result.ySd.push(Number.NaN);
      if (n === null) {
        result.n.push(Number.NaN);
        result.y.push(present);
      } else {
        const complete = value !== null && size !== null;
        result.n.push(complete ? (size as number) : Number.NaN);
        result.y.push(complete ? (value as number) / (size as number) : Number.NaN);
      }
      continue;
    }
    // The subgroup's values present, in input order; plain loops (this runs once per subgroup).
    const present: number[] = [];
    let sum = 0;
    for (const k of indices) {
      const value = y[k] ?? null;
      if (value === null) continue;
      present.push(value);
      sum += value;
    }
    const ySum = present.length === 0 ? Number.NaN : sum;
    result.ySum.push(ySum);
    result.yLength.push(present.length);
    const mean = meanOfPresent(present);
    result.yMean.push(mean);
    result.ySd.push(sampleSd(present));
    if (n === null) {
      result.n.push(Number.NaN);
      result.y.push(mean);
    } else {
      let numerator = 0;
      let denominator = 0;
      let complete = 0;
      for (const k of indices) {
        const value = y[k] ?? null;
        const size = n[k] ?? null;
        if (value === null || size === null) continue;
        numerator += value;
        denominator += size;
        complete += 1;
      }
      result.n.push(complete === 0 ? Number.NaN : denominator);
      result.y.push(complete === 0 ? Number.NaN : numerator / denominator);
    }
  }
  return result;
}

/**
 * How the keys are ordered, when they are all of one type (all numbers or
 * all strings): 'strictly-ascending' (each greater than the one before) or
 * 'ascending' (never smaller); otherwise null. Sorted keys are the usual
 * case — no `x`, so keys 1..N; one row per month; rows sorted by subgroup —
 * and then grouping needs neither a Map nor a sort: strictly ascending keys
 * make each observation its own subgroup, in input order; ascending keys
 * make each run of equal keys one subgroup. A −0 key sends the input down
 * the general path, whose Map turns it into 0; so do holes in a sparse
 * array, which that path skips.
 */
function keyOrder(keys: ReadonlyArray<string | number>): 'strictly-ascending' | 'ascending' | null {
  const type = typeof keys[0];
  if (type !== 'number' && type !== 'string') return null;
  let strictly = true;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string | number;
    if (typeof key !== type || (key === 0 && Object.is(key, -0))) return null;
    if (k === 0) continue;
    const previous = keys[k - 1] as string | number;
    if (previous === key) strictly = false;
    else if (!(previous < key)) return null;
  }
  return strictly ? 'strictly-ascending' : 'ascending';
}

/** Subgroup keys in order, with the indices of each subgroup's observations. */
interface Groups {
  ordered: ReadonlyArray<string | number>;
  members: ReadonlyArray<number[]>;
}

/** Groups of ascending keys: each run of equal keys is one subgroup, already in key order. */
function consecutiveGroups(keys: ReadonlyArray<string | number>): Groups {
  const ordered: Array<string | number> = [];
  const members: number[][] = [];
  let current: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string | number;
    if (k === 0 || key !== keys[k - 1]) {
      current = [];
      ordered.push(key);
      members.push(current);
    }
    current.push(k);
  }
  return { ordered, members };
}

/** Groups of keys in any order (R's `split`): a Map of members, then the keys sorted. */
function groupsByKey(keys: ReadonlyArray<string | number>): Groups {
  const byKey = new Map<string | number, number[]>();
  keys.forEach((key, index) => {
    const list = byKey.get(key);
    if (list) list.push(index);
    else byKey.set(key, [index]);
  });
  const ordered = [...byKey.keys()].sort(compareKeys);
  return { ordered, members: ordered.map((key) => byKey.get(key) as number[]) };
}

/**
 * Subgroups of one observation each, in input order: `aggregateSubgroups`
 * without the Map of members and the sort of keys, which dominate its time
 * on a long series. The values are exactly those the general path gives a
 * subgroup of one. The arrays are read-only, so values that coincide share
 * one array — the input `y` itself when nothing is missing.
 */
function oneObservationEach(
  y: ReadonlyArray<number | null>,
  n: ReadonlyArray<number | null> | null,
  keys: ReadonlyArray<string | number>,
): Subgroups {
  const count = keys.length;
  let complete = true;
  for (let k = 0; k < count; k++) {
    if (y[k] == null) {
      complete = false;
      break;
    }
  }
  // The sum and the mean of one observation are the observation (NaN when missing).
  let present: ReadonlyArray<number>;
  let yLength: number[];
  if (complete) {
    present = y as ReadonlyArray<number>;
    yLength = new Array<number>(count).fill(1);
  } else {
    const values = new Array<number>(count);
    yLength = new Array<number>(count);
    for (let k = 0; k < count; k++) {
      const value = y[k] ?? null;
      values[k] = value === null ? Number.NaN : value;
      yLength[k] = value === null ? 0 : 1;
    }
    present = values;
  }
  const missing = new Array<number>(count).fill(Number.NaN);
  if (n === null) {
    // Without a denominator the plotted value is the mean, i.e. the observation.
    return { keys, y: present, ySum: present, yLength, yMean: present, ySd: missing, n: missing };
  }
  const ratio = new Array<number>(count);
  const size = new Array<number>(count);
  for (let k = 0; k < count; k++) {
    const value = y[k] ?? null;
    const denominator = n[k] ?? null;
    const isComplete = value !== null && denominator !== null;
    size[k] = isComplete ? denominator : Number.NaN;
    ratio[k] = isComplete ? value / denominator : Number.NaN;
  }
  return { keys, y: ratio, ySum: present, yLength, yMean: present, ySd: missing, n: size };
}

/** Numbers ascending, strings by UTF-16 code unit; the validator forbids mixing the two. */
function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
