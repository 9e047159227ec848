import { describe, expect, it } from 'vitest';
import { neutraliseSpreadsheetCell } from './spreadsheet-safe.ts';
import { toSpreadsheetSafeCsv } from './spreadsheet-safe-csv.ts';

describe('neutraliseSpreadsheetCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-3', "'-3"],
    ['@SUM(A1:A3)', "'@SUM(A1:A3)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
  ])('puts a quote before %j', (value, expected) => {
    expect(neutraliseSpreadsheetCell(value)).toBe(expected);
  });

  it.each(['S1', '2026-10', '42', '', ' =not at start', "'already quoted", 'a=b'])(
    'leaves %j alone',
    (value) => {
      expect(neutraliseSpreadsheetCell(value)).toBe(value);
    },
  );
});

describe('toSpreadsheetSafeCsv', () => {
  it('neutralises every cell, then quotes as CSV', () => {
    const csv = toSpreadsheetSafeCsv(
      [{ site: 'S1', note: '=HYPERLINK("https://evil.example","x")', rows: 343, empty: null }],
      ['site', 'note', 'rows', 'empty'],
    );
    expect(csv).toBe('site,note,rows,empty\r\nS1,"\'=HYPERLINK(""https://evil.example"",""x"")",343,\r\n');
  });

  it('neutralises header cells too', () => {
    expect(toSpreadsheetSafeCsv([], ['=a'])).toBe("'=a\r\n");
  });
});
