import {
  Bool,
  DateDay,
  Dictionary,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMillisecond,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowToRows } from './arrow-rows';
import { toArrowStream } from './arrow-stream';

describe('arrowToRows', () => {
  const table = new Table({
    n: vectorFromArray([3n, null, 9007199254740991n], new Int64()),
    rate: vectorFromArray([0.5, 1.5, null], new Float64()),
    month: vectorFromArray(
      [new Date(Date.UTC(2024, 0, 1)), null, new Date(Date.UTC(2024, 2, 1))],
      new DateDay(),
    ),
    at: vectorFromArray([new Date(Date.UTC(2024, 0, 1, 9)), null, null], new TimestampMillisecond()),
    group: vectorFromArray(['WHITE', 'BLACK', 'WHITE'], new Dictionary(new Utf8(), new Int32())),
    flag: vectorFromArray([true, false, null], new Bool()),
  });
  const { rows, columns } = arrowToRows(table);

  it('turns 64-bit integers into numbers and keeps nulls', () => {
    expect(rows.map((r) => r.n)).toEqual([3, null, 9007199254740991]);
  });

  it('turns dates and timestamps into UTC Dates', () => {
    expect(rows[0]?.month).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(rows[1]?.month).toBeNull();
    expect(rows[0]?.at).toEqual(new Date('2024-01-01T09:00:00Z'));
  });

  it('turns dictionary strings into plain strings', () => {
    expect(rows.map((r) => r.group)).toEqual(['WHITE', 'BLACK', 'WHITE']);
  });

  it('names each column with the kind of value it holds', () => {
    expect(Object.fromEntries(columns.map((c) => [c.name, c.kind]))).toEqual({
      n: 'number',
      rate: 'number',
      month: 'date',
      at: 'date',
      group: 'string',
      flag: 'boolean',
    });
  });

  it('gives rows that JSON can serialise', () => {
    expect(JSON.parse(JSON.stringify(rows))[0]).toEqual({
      n: 3,
      rate: 0.5,
      month: '2024-01-01T00:00:00.000Z',
      at: '2024-01-01T09:00:00.000Z',
      group: 'WHITE',
      flag: true,
    });
  });
});

describe('toArrowStream', () => {
  const table = tableFromArrays({ x: Float64Array.of(1, 2, 3) });

  it('re-encodes Arrow IPC file format as stream format', () => {
    const file = tableToIPC(table, 'file');
    const stream = toArrowStream(file);
    expect(new TextDecoder().decode(file.slice(0, 6))).toBe('ARROW1');
    expect(new TextDecoder().decode(stream.slice(0, 6))).not.toBe('ARROW1');
    expect(tableFromIPC(stream).getChild('x')?.toArray()).toEqual(Float64Array.of(1, 2, 3));
  });

  it('passes stream format through untouched', () => {
    const stream = tableToIPC(table, 'stream');
    expect(toArrowStream(stream)).toBe(stream);
  });
});
