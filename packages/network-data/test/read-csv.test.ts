import { describe, expect, it } from 'vitest';
import { readCsv } from '../src/csv/read-csv.js';
import { toCsv } from '../src/csv/write-csv.js';

describe('readCsv', () => {
  it('gives each record the file line it starts on, across CRLF, LF and quoted line breaks', () => {
    const { records, problems } = readCsv('a,b\r\n1,"two\nlines"\n\n3,4\r\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'two\nlines'] },
      { line: 5, fields: ['3', '4'] },
    ]);
  });
  it('drops a byte-order mark and keeps empty fields', () => {
    expect(readCsv('\uFEFFa,,c').records[0]?.fields).toEqual(['a', '', 'c']);
  });
  it('reports an unterminated quote and a stray quote with their lines, without throwing', () => {
    expect(readCsv('a\n"open\n').problems.map((p) => [p.line, p.rule])).toEqual([[2, 'unterminated_quote']]);
    expect(readCsv('a\nx"y\n').problems.map((p) => [p.line, p.rule])).toEqual([[2, 'stray_quote']]);
    expect(readCsv('a\n"x"y\n').problems.map((p) => [p.line, p.rule])).toEqual([[2, 'stray_quote']]);
  });
  it('round-trips what toCsv writes', () => {
    const rows = [
      { a: 'x, "y"', b: 'line\nbreak' },
      { a: '', b: 'plain' },
    ];
    const { records } = readCsv(toCsv(rows, ['a', 'b']));
    expect(records.slice(1).map((r) => r.fields)).toEqual([
      ['x, "y"', 'line\nbreak'],
      ['', 'plain'],
    ]);
  });
});
