/** A file format recognised from its first bytes, in users' words, with what to do instead. */
export interface RecognisedFormat {
  name: string;
  advice: string;
}

const SAVE_AS_CSV =
  'Open it in Excel and choose File → Save As → “CSV UTF-8 (Comma delimited) (*.csv)”, then upload that file.';

// Magic numbers (the first bytes every file of the format starts with), from each format's
// specification; the ones a person is likely to upload by mistake instead of a CSV export.
const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; format: RecognisedFormat }> = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    format: { name: 'an Excel workbook (.xlsx) or another ZIP file', advice: SAVE_AS_CSV },
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    format: { name: 'an Excel 97-2003 workbook (.xls)', advice: SAVE_AS_CSV },
  },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], format: { name: 'a PDF document', advice: SAVE_AS_CSV } },
  {
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    format: {
      name: 'a PNG image',
      advice: 'Upload the CSV file exported from your system, not a picture of it.',
    },
  },
  {
    bytes: [0xff, 0xd8, 0xff],
    format: {
      name: 'a JPEG image',
      advice: 'Upload the CSV file exported from your system, not a picture of it.',
    },
  },
  {
    bytes: [0x47, 0x49, 0x46, 0x38],
    format: {
      name: 'a GIF image',
      advice: 'Upload the CSV file exported from your system, not a picture of it.',
    },
  },
  {
    bytes: [0xff, 0xfe],
    format: {
      name: 'UTF-16 text (what Excel calls “Unicode Text”)',
      advice: 'Save it again in Excel as “CSV UTF-8 (Comma delimited) (*.csv)”.',
    },
  },
  {
    bytes: [0xfe, 0xff],
    format: {
      name: 'UTF-16 text (big-endian)',
      advice: 'Save it again as “CSV UTF-8 (Comma delimited) (*.csv)”.',
    },
  },
];

/**
 * Recognises a file that is certainly not CSV text from its first bytes (an Excel workbook, a
 * PDF, an image, UTF-16 text), whatever its name or declared type says; null when the start
 * of the file matches none of them.
 *
 * @example
 * ```ts
 * recogniseBinaryFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.name; // => 'a PNG image'
 * recogniseBinaryFormat(new TextEncoder().encode('site_id,period\n')); // => null
 * ```
 */
export function recogniseBinaryFormat(bytes: Uint8Array): RecognisedFormat | null {
  for (const { bytes: magic, format } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)) return format;
  }
  return null;
}
