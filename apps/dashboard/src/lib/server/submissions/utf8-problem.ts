/** Where a file stops being UTF-8: the first byte that cannot start or continue a character. */
export interface Utf8Problem {
  /** 0-based byte offset. */
  offset: number;
  /** 1-based line of the file. */
  line: number;
  /** The byte, e.g. 0xA3. */
  byte: number;
  /** What the byte means in Windows-1252 (Excel's “CSV (Comma delimited)” on Windows), if anything. */
  windows1252: string | null;
}

// Windows-1252's characters for 0x80-0x9F (WHATWG Encoding Standard, index-windows-1252);
// 0xA0-0xFF are the Latin-1 characters of the same number. Spelled out because Node's own
// 'windows-1252' decoder reads 0x80-0x9F as Latin-1 control characters.
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252Character(byte: number): string | null {
  if (byte >= 0xa0) return String.fromCharCode(byte);
  const character = WINDOWS_1252_80_9F[byte - 0x80] ?? '';
  // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned.
  return character.charCodeAt(0) >= 0xa0 ? character : null;
}

/**
 * Finds the first byte sequence that is not valid UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), so a refusal can say which line to look at; null when
 * the bytes are valid UTF-8. O(n).
 *
 * @example
 * ```ts
 * // "£" saved by Excel as Windows-1252 is the single byte 0xA3:
 * const problem = locateInvalidUtf8(new Uint8Array([0x61, 0x0a, 0x62, 0xa3]));
 * [problem?.line, problem?.byte, problem?.windows1252]; // => [2, 0xa3, '£']
 * locateInvalidUtf8(new TextEncoder().encode('£5\n')); // => null
 * ```
 */
export function locateInvalidUtf8(bytes: Uint8Array): Utf8Problem | null {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead === 0x0a) line += 1;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    // Length and the allowed range of the second byte (Unicode Standard, table 3-7).
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    }
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k += 1) {
      const next = bytes[i + k] as number;
      valid = k === 1 ? next >= low && next <= high : next >= 0x80 && next <= 0xbf;
    }
    if (!valid) {
      return { offset: i, line, byte: lead, windows1252: windows1252Character(lead) };
    }
    i += length;
  }
  return null;
}
