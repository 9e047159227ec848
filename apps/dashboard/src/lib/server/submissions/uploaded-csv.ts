import { createHash } from 'node:crypto';
import { recogniseBinaryFormat } from './file-signatures.ts';
import { locateInvalidUtf8 } from './utf8-problem.ts';

/**
 * The largest submission file accepted: 1 MiB. One site's month is about 30 KB, so this is
 * generous for any real file and keeps a mistaken export (or a deliberate flood) from taking
 * memory and time. The server's body limit (BODY_SIZE_LIMIT, 2 MB) stops anything larger
 * before it is read.
 */
export const MAX_UPLOAD_BYTES = 1024 * 1024;

/** Why an uploaded file was refused before its contents were checked. */
export type UploadRule =
  | 'too_large'
  | 'empty_file'
  | 'binary_file'
  | 'wrong_file_type'
  | 'wrong_extension'
  | 'not_utf8';

/** A file refused as a file (size, type, encoding): nothing of it is looked at further. */
export interface RefusedUpload {
  ok: false;
  /** HTTP status to answer with: 413 too large, 415 not CSV, 422 unreadable text. */
  status: 413 | 415 | 422;
  rule: UploadRule;
  /** 1-based line when the problem is at a place in the file (a byte that is not UTF-8). */
  line: number | null;
  message: string;
}

/** A file readable as CSV text: its text (BOM removed) and the SHA-256 of the bytes as sent. */
export interface ReadableUpload {
  ok: true;
  text: string;
  sha256: string;
  bytes: number;
}

export type UploadedCsv = ReadableUpload | RefusedUpload;

/** What the browser or script said about the file. */
export interface UploadDescription {
  /** The uploaded file's name (form uploads); undefined for an API body. */
  fileName?: string;
  /** The declared media type, e.g. `text/csv; charset=utf-8`. */
  contentType?: string | null;
}

// Media types browsers and scripts declare for CSV files: Windows declares
// application/vnd.ms-excel for .csv when Excel is installed, and some tools send none or
// application/octet-stream. The bytes are checked whatever the type says.
const CSV_MEDIA_TYPES = new Set([
  '',
  'text/csv',
  'application/csv',
  'text/x-csv',
  'text/comma-separated-values',
  'text/plain',
  'application/vnd.ms-excel',
  'application/octet-stream',
]);

const SAVE_AS_UTF8 =
  'In Excel choose File → Save As → “CSV UTF-8 (Comma delimited) (*.csv)” and upload that file.';

function refuse(
  status: RefusedUpload['status'],
  rule: UploadRule,
  message: string,
  line: number | null = null,
) {
  return { ok: false, status, rule, line, message } satisfies RefusedUpload;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Checks that uploaded bytes are a CSV text file before any of it is parsed, and decodes it.
 * Refused, each with a message saying what to do: more than 1 MB, empty, a recognised
 * non-text format (Excel workbook, PDF, image, UTF-16) whatever its name, NUL or other control
 * bytes, a declared type or file name that is not CSV, and text that is not UTF-8 (decoded
 * with a fatal `TextDecoder`; the message names the line and the byte, e.g. Windows-1252 “£”).
 * A UTF-8 byte-order mark, as Excel's “CSV UTF-8” writes, is accepted and dropped.
 *
 * @example
 * ```ts
 * const ok = readUploadedCsv(new TextEncoder().encode('\uFEFFsite_id\nS1\n'), { fileName: 'april.csv', contentType: 'text/csv' });
 * ok.ok && ok.text; // => 'site_id\nS1\n'
 * const latin = readUploadedCsv(new Uint8Array([0x61, 0x0a, 0xa3, 0x0a]), { fileName: 'april.csv' });
 * latin.ok === false && latin.rule; // => 'not_utf8'
 * ```
 */
export function readUploadedCsv(bytes: Uint8Array, description: UploadDescription = {}): UploadedCsv {
  if (bytes.length > MAX_UPLOAD_BYTES) {
    return refuse(
      413,
      'too_large',
      `The file is ${megabytes(bytes.length)}; the limit is ${megabytes(MAX_UPLOAD_BYTES)} (one site's month is about 30 KB). Check that the export is for one site and one month.`,
    );
  }
  if (bytes.length === 0) return refuse(422, 'empty_file', 'The file is empty (0 bytes).');

  const format = recogniseBinaryFormat(bytes);
  if (format)
    return refuse(415, 'binary_file', `This file is ${format.name}, not a CSV file. ${format.advice}`);
  const control = bytes.findIndex((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d);
  if (control >= 0) {
    const line = 1 + bytes.subarray(0, control).filter((byte) => byte === 0x0a).length;
    return refuse(
      415,
      'binary_file',
      `This is not a text file: line ${line} contains the control byte 0x${bytes[control]?.toString(16).padStart(2, '0').toUpperCase()}${bytes[control] === 0 ? ' (NUL)' : ''}, which CSV text never has. Upload the CSV export itself. ${SAVE_AS_UTF8}`,
      line,
    );
  }

  const [mediaType = '', ...parameters] = (description.contentType ?? '').split(';').map((p) => p.trim());
  if (!CSV_MEDIA_TYPES.has(mediaType.toLowerCase())) {
    return refuse(
      415,
      'wrong_file_type',
      `The file was sent as ${mediaType.slice(0, 80)}, not as CSV (text/csv). Upload the CSV export of the template.`,
    );
  }
  const charset = parameters
    .find((p) => p.toLowerCase().startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '')
    .toLowerCase();
  if (charset && !['utf-8', 'utf8', 'us-ascii'].includes(charset)) {
    return refuse(
      422,
      'not_utf8',
      `The file was sent as ${charset.slice(0, 40)} text; the portal reads UTF-8 only. ${SAVE_AS_UTF8}`,
    );
  }
  if (description.fileName !== undefined && !/\.csv$/i.test(description.fileName.trim())) {
    return refuse(
      415,
      'wrong_extension',
      `“${description.fileName.slice(0, 120)}” is not a .csv file. Upload the template saved as CSV (its name ends in .csv). ${SAVE_AS_UTF8}`,
    );
  }

  let text: string;
  try {
    // fatal: refuse rather than silently turn unreadable bytes into U+FFFD (numbers or codes
    // would be stored wrong). The BOM is dropped (ignoreBOM false, the default).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const problem = locateInvalidUtf8(bytes);
    const where = problem
      ? ` Line ${problem.line} has the byte 0x${problem.byte.toString(16).toUpperCase()}${problem.windows1252 ? ` (“${problem.windows1252}” in Windows-1252, which Excel's plain “CSV (Comma delimited)” writes)` : ''}.`
      : '';
    return refuse(
      422,
      'not_utf8',
      `The file is not UTF-8 text.${where} Save it as “CSV UTF-8”: ${SAVE_AS_UTF8}`,
      problem?.line ?? null,
    );
  }
  return { ok: true, text, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}
