import {
  type DataType,
  type Decimal,
  type Dictionary,
  type Field,
  type Table,
  Type,
  type Vector,
} from 'apache-arrow';

/** A column of a query result as the dashboard sees it. */
export interface ResultColumn {
  name: string;
  /** The kind of JavaScript value in the column once converted. */
  kind: 'number' | 'string' | 'date' | 'boolean' | 'other';
  /** DuckDB/Arrow's own type name, for the Explore page. */
  arrowType: string;
}

/** Rows and columns of a converted query result. */
export interface QueryResult<T = Record<string, unknown>> {
  columns: ResultColumn[];
  rows: T[];
}

/**
 * Converts an Arrow table (a DuckDB result) into plain row objects that are safe to
 * chart, serialise and compare: 64-bit integers become numbers (BigInt breaks
 * JSON.stringify and mixes badly with numbers), DATE and TIMESTAMP become `Date`s
 * holding UTC instants (months are stored as the first day of the month, and Plot's
 * time scale is UTC), DECIMAL becomes a number, and nulls stay null.
 *
 * Works on the type id rather than `instanceof`, so it does not matter which copy of
 * apache-arrow made the table. Cost O(rows × columns).
 *
 * @example arrowToRows(tableFromArrays({ n: BigInt64Array.of(3n) })).rows // [{ n: 3 }]
 */
export function arrowToRows<T = Record<string, unknown>>(table: Table): QueryResult<T> {
  const fields = table.schema.fields as Field[];
  const columns = fields.map((field) => ({
    name: field.name,
    kind: kindOf(field.type),
    arrowType: String(field.type),
  }));
  const rows: Record<string, unknown>[] = Array.from({ length: table.numRows }, () => ({}));
  fields.forEach((field, index) => {
    const vector = table.getChildAt(index);
    if (!vector) return;
    const convert = converterFor(field.type);
    for (let row = 0; row < table.numRows; row++) {
      (rows[row] as Record<string, unknown>)[field.name] = convert(vector.get(row));
    }
  });
  return { columns, rows: rows as T[] };
}

function kindOf(type: DataType): ResultColumn['kind'] {
  switch (type.typeId) {
    case Type.Int:
    case Type.Float:
    case Type.Decimal:
      return 'number';
    case Type.Utf8:
    case Type.LargeUtf8:
      return 'string';
    case Type.Dictionary:
      return kindOf((type as Dictionary).dictionary);
    case Type.Date:
    case Type.Timestamp:
      return 'date';
    case Type.Bool:
      return 'boolean';
    default:
      return 'other';
  }
}

type Converter = (value: unknown) => unknown;

const keep: Converter = (value) => value;

function converterFor(type: DataType): Converter {
  switch (type.typeId) {
    case Type.Int:
      return (value) => (typeof value === 'bigint' ? Number(value) : value);
    case Type.Decimal: {
      const scale = (type as Decimal).scale;
      return (value) => (value == null ? null : decimalToNumber(value, scale));
    }
    case Type.Date:
    case Type.Timestamp:
      // Arrow gives epoch milliseconds (a number) for both; wrap as a UTC instant.
      return (value) => (value == null ? null : value instanceof Date ? value : new Date(Number(value)));
    case Type.Dictionary:
      return converterFor((type as Dictionary).dictionary);
    case Type.List:
    case Type.FixedSizeList: {
      const child = converterFor((type as DataType<Type.List>).children[0]?.type as DataType);
      return (value) => (value == null ? null : Array.from(value as Vector, child));
    }
    case Type.Struct:
      return (value) => (value == null ? null : jsonSafe((value as { toJSON(): unknown }).toJSON()));
    default:
      return keep;
  }
}

/** Arrow 17 returns DECIMAL as a big-number object of unscaled digits; apply the scale. */
function decimalToNumber(value: unknown, scale: number): number {
  if (typeof value === 'number') return value;
  const unscaled = BigInt(
    (value as { [Symbol.toPrimitive](hint: string): bigint })[Symbol.toPrimitive]('default'),
  );
  return Number(unscaled) / 10 ** scale;
}

function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, jsonSafe(inner)]));
  }
  return value;
}
