import { describe, expect, it } from 'vitest';
import { locateInvalidUtf8 } from './utf8-problem.ts';

describe('locateInvalidUtf8', () => {
  it('accepts every valid form, 1 to 4 bytes', () => {
    expect(locateInvalidUtf8(new TextEncoder().encode('a é € 𝄞\n'))).toBeNull();
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['an overlong "/" (0xC0 0xAF)', [0xc0, 0xaf], 0],
    ['a UTF-16 surrogate (0xED 0xA0 0x80)', [0xed, 0xa0, 0x80], 0],
    ['a sequence cut short at the end', [0x41, 0xe2, 0x82], 1],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a Windows-1252 "’" (0x92)', [0x41, 0x92, 0x42], 1],
  ])('finds %s', (_, bytes, offset) => {
    expect(locateInvalidUtf8(new Uint8Array(bytes))?.offset).toBe(offset);
  });

  it('agrees with a fatal TextDecoder on every 2-byte sequence', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let a = 0; a < 256; a += 1)
      for (let b = 0; b < 256; b += 1) {
        const bytes = new Uint8Array([a, b]);
        let valid = true;
        try {
          decoder.decode(bytes);
        } catch {
          valid = false;
        }
        expect(locateInvalidUtf8(bytes) === null, `${a} ${b}`).toBe(valid);
      }
  });

  it('counts lines and reads the byte as Windows-1252', () => {
    expect(locateInvalidUtf8(new Uint8Array([0x0a, 0x0a, 0x80]))).toEqual({
      offset: 2,
      line: 3,
      byte: 0x80,
      windows1252: '€',
    });
  });

  it('names the Windows-1252 characters of 0x80-0x9F, and none for unassigned bytes', () => {
    const read = (byte: number) => locateInvalidUtf8(new Uint8Array([byte]))?.windows1252;
    expect([read(0x92), read(0x96), read(0x9f), read(0xa3), read(0xe9)]).toEqual(['’', '–', 'Ÿ', '£', 'é']);
    expect([read(0x81), read(0x8d), read(0x9d)]).toEqual([null, null, null]);
  });
});
