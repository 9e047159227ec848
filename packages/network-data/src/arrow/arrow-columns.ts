import type { DataType, Vector } from 'apache-arrow';
import {
  Bool,
  DateDay,
  Dictionary,
  Float64,
  Int8,
  Int16,
  Int32,
  makeData,
  makeVector,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 (UTC) of a month `YYYY-MM` or a date `YYYY-MM-DD`: the storage of an
 * Arrow DATE (DateDay) column, which DuckDB reads as DATE and DuckDB-WASM returns as UTC epoch
 * milliseconds (dashboard-notes.md b.6).
 *
 * @example
 * ```ts
 * utcDays('1970-01-02'); // => 1
 * utcDays('2024-04'); // => 19814
 * ```
 */
export function utcDays(text: string): number {
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = text.length >= 10 ? Number(text.slice(8, 10)) : 1;
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function validity(values: ReadonlyArray<unknown>): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  for (const v of values) if (v === null || v === undefined) nullCount++;
  if (nullCount === 0) return { nullBitmap: undefined, nullCount };
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) nullBitmap[i >> 3] = (nullBitmap[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return { nullBitmap, nullCount };
}

/**
 * An Arrow DATE column from months (`YYYY-MM`) or dates (`YYYY-MM-DD`); null stays null.
 *
 * @example
 * ```ts
 * dateVector(['2024-04', null]).toArray().length; // => 2
 * dateVector(['2024-04', null]).get(1); // => null
 * ```
 */
export function dateVector(values: ReadonlyArray<string | null>): Vector<DateDay> {
  const data = new Int32Array(values.length);
  values.forEach((v, i) => {
    data[i] = v === null ? 0 : utcDays(v);
  });
  return makeVector(makeData({ type: new DateDay(), length: values.length, data, ...validity(values) }));
}

/**
 * An Arrow INT32 column (never BigInt: DuckDB-WASM turns 64-bit integers into JS BigInt).
 *
 * @example
 * ```ts
 * int32Vector([1, null, 3]).toArray().length; // => 3
 * int32Vector([1, null, 3]).get(2); // => 3
 * ```
 */
export function int32Vector(values: ReadonlyArray<number | null>): Vector<Int32> {
  const data = new Int32Array(values.length);
  values.forEach((v, i) => {
    data[i] = v ?? 0;
  });
  return makeVector(makeData({ type: new Int32(), length: values.length, data, ...validity(values) }));
}

/**
 * A dictionary-encoded text column: small integer indexes into a shared list of strings. Much
 * smaller than plain text for site, measure and ethnic-category codes; DuckDB reads it as
 * VARCHAR. Pass the same `dictionary` vector to every batch of one file so that an IPC stream
 * holds it once. Give each dictionary column of a table its own fixed `id`: apache-arrow would
 * otherwise number dictionaries from a process-wide counter, and the bytes of the file would
 * depend on what else the process had built.
 *
 * @example
 * ```ts
 * const dictionary = arrow.vectorFromArray(['S1', 'S2'], new arrow.Utf8()); // arrow: import * as arrow from 'apache-arrow'
 * dictionaryVector([1, 0, 1], dictionary).get(0); // => 'S2'
 * ```
 */
export function dictionaryVector(
  indexes: ReadonlyArray<number>,
  dictionary: Vector<Utf8>,
  id = 0,
): Vector<Dictionary<Utf8, Int16>> {
  const type = new Dictionary(new Utf8(), new Int16(), id);
  return makeVector(
    makeData({ type, length: indexes.length, data: Int16Array.from(indexes), dictionary, nullCount: 0 }),
  );
}

/** Column types for `rowsToArrowColumns`. */
export type ArrowColumnKind = 'utf8' | 'int32' | 'int8' | 'float64' | 'bool' | 'date';

/**
 * Arrow columns from row objects, one per entry of `spec` (column name → kind). `date` accepts
 * `YYYY-MM` months and `YYYY-MM-DD` dates; `bool` accepts booleans or 0/1.
 *
 * @example
 * ```ts
 * const columns = rowsToArrowColumns([{ a: 'x', n: 2, d: '2024-04' }], { a: 'utf8', n: 'int32', d: 'date' });
 * Object.keys(columns); // => ['a', 'n', 'd']
 * columns.n.get(0); // => 2
 * ```
 */
export function rowsToArrowColumns(
  rows: ReadonlyArray<Record<string, unknown>>,
  spec: Readonly<Record<string, ArrowColumnKind>>,
): Record<string, Vector<DataType>> {
  const columns: Record<string, Vector<DataType>> = {};
  for (const [name, kind] of Object.entries(spec)) {
    const values = rows.map((r) => r[name] ?? null);
    switch (kind) {
      case 'utf8':
        columns[name] = vectorFromArray(
          values.map((v) => (v === null ? null : String(v))),
          new Utf8(),
        );
        break;
      case 'int32':
        columns[name] = int32Vector(values.map((v) => (v === null ? null : Number(v))));
        break;
      case 'int8':
        columns[name] = vectorFromArray(
          values.map((v) => (v === null ? null : Number(v))),
          new Int8(),
        );
        break;
      case 'float64':
        columns[name] = vectorFromArray(
          values.map((v) => (v === null ? null : Number(v))),
          new Float64(),
        );
        break;
      case 'bool':
        columns[name] = vectorFromArray(
          values.map((v) => (v === null ? null : v === true || v === 1 || v === '1')),
          new Bool(),
        );
        break;
      case 'date':
        columns[name] = dateVector(values.map((v) => (v === null ? null : String(v))));
        break;
    }
  }
  return columns;
}
