import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, readUploadedCsv } from './uploaded-csv.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = 'site_id,period,measure_id,ethnic_category,numerator,denominator\n';

describe('readUploadedCsv', () => {
  it('reads UTF-8 CSV and hashes the bytes as sent', () => {
    const bytes = utf8(`${HEADER}S1,2026-10,caesarean_rate,A,10,40\n`);
    const result = readUploadedCsv(bytes, { fileName: 'october.csv', contentType: 'text/csv' });
    expect(result).toEqual({
      ok: true,
      text: `${HEADER}S1,2026-10,caesarean_rate,A,10,40\n`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    });
  });

  it('accepts a UTF-8 byte-order mark (Excel "CSV UTF-8") and drops it', () => {
    const result = readUploadedCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(HEADER)]), {
      fileName: 'a.CSV',
    });
    expect(result.ok && result.text).toBe(HEADER);
  });

  it('accepts non-ASCII UTF-8 (a note with é and £)', () => {
    expect(readUploadedCsv(utf8(`${HEADER}# café £5\n`)).ok).toBe(true);
  });

  it('refuses a file over 1 MB with 413 and the sizes', () => {
    const result = readUploadedCsv(new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61), { fileName: 'big.csv' });
    expect(result).toMatchObject({ ok: false, status: 413, rule: 'too_large' });
    expect(!result.ok && result.message).toMatch(/1\.0 MB; the limit is 1\.0 MB/);
  });

  it('accepts a file of exactly 1 MB', () => {
    expect(readUploadedCsv(new Uint8Array(MAX_UPLOAD_BYTES).fill(0x61)).ok).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(readUploadedCsv(new Uint8Array(0))).toMatchObject({ ok: false, rule: 'empty_file' });
  });

  it('refuses PNG bytes even when named .csv and sent as text/csv', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    const result = readUploadedCsv(png, { fileName: 'october.csv', contentType: 'text/csv' });
    expect(result).toMatchObject({ ok: false, status: 415, rule: 'binary_file' });
    expect(!result.ok && result.message).toMatch(/PNG image, not a CSV file/);
  });

  it('refuses an Excel workbook renamed to .csv, saying how to save as CSV UTF-8', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, ...utf8('[Content_Types].xml')]);
    const result = readUploadedCsv(xlsx, { fileName: 'october.csv', contentType: 'text/csv' });
    expect(result).toMatchObject({ ok: false, rule: 'binary_file' });
    expect(!result.ok && result.message).toMatch(/Excel workbook \(\.xlsx\).*CSV UTF-8/);
  });

  it('refuses UTF-16 text (Excel "Unicode Text")', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x73, 0, 0x69, 0]);
    expect(readUploadedCsv(utf16)).toMatchObject({ ok: false, rule: 'binary_file' });
  });

  it('refuses NUL and other control bytes, naming the line', () => {
    const result = readUploadedCsv(utf8(`${HEADER}S1,2026-10,m,A,1\u0000,2\n`));
    expect(result).toMatchObject({ ok: false, status: 415, rule: 'binary_file', line: 2 });
    expect(!result.ok && result.message).toMatch(/line 2 contains the control byte 0x00 \(NUL\)/);
    expect(readUploadedCsv(utf8(`${HEADER}\u0007`))).toMatchObject({ ok: false, rule: 'binary_file' });
  });

  it('allows tabs, CR and LF', () => {
    expect(readUploadedCsv(utf8(`${HEADER.replace('\n', '\r\n')}S1\t,x\r\n`)).ok).toBe(true);
  });

  it('refuses Windows-1252 bytes with the line, the character and "CSV UTF-8"', () => {
    // "Café" and "£" as Excel's plain "CSV (Comma delimited)" writes them on Windows.
    const bytes = new Uint8Array([...utf8(`${HEADER}S1,2026-10,m,A,1,2\n# Caf`), 0xe9, 0x20, 0xa3, 0x0a]);
    const result = readUploadedCsv(bytes, { fileName: 'october.csv', contentType: 'text/csv' });
    expect(result).toMatchObject({ ok: false, status: 422, rule: 'not_utf8', line: 3 });
    expect(!result.ok && result.message).toMatch(/Line 3 has the byte 0xE9 \(“é” in Windows-1252/);
    expect(!result.ok && result.message).toMatch(/CSV UTF-8/);
  });

  it('refuses a declared charset other than UTF-8', () => {
    const result = readUploadedCsv(utf8(HEADER), { contentType: 'text/csv; charset=windows-1252' });
    expect(result).toMatchObject({ ok: false, status: 422, rule: 'not_utf8' });
    expect(readUploadedCsv(utf8(HEADER), { contentType: 'text/csv; charset="UTF-8"' }).ok).toBe(true);
  });

  it.each([
    'image/png',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/json',
  ])('refuses a file declared as %s', (contentType) => {
    expect(readUploadedCsv(utf8(HEADER), { contentType })).toMatchObject({
      ok: false,
      status: 415,
      rule: 'wrong_file_type',
    });
  });

  it.each(['text/csv', 'application/vnd.ms-excel', 'text/plain', 'application/octet-stream', '', null])(
    'accepts CSV text declared as %j (what browsers send for .csv)',
    (contentType) => {
      expect(readUploadedCsv(utf8(HEADER), { contentType, fileName: 'x.csv' }).ok).toBe(true);
    },
  );

  it('refuses a file whose name does not end in .csv', () => {
    const result = readUploadedCsv(utf8(HEADER), { fileName: 'october.xlsx', contentType: 'text/csv' });
    expect(result).toMatchObject({ ok: false, status: 415, rule: 'wrong_extension' });
    expect(!result.ok && result.message).toMatch(/“october\.xlsx” is not a \.csv file/);
  });
});
