import fc from 'fast-check';
import { base64Decode, base64Encode } from './base64';
import { utf8ByteLength, utf8Decode, utf8Encode, utf8Prefix } from './utf8';

describe('utf8', () => {
  it('encodes exactly like Node for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const expected = Buffer.from(s, 'utf8');
        expect(Buffer.from(utf8Encode(s))).toEqual(expected);
        expect(utf8ByteLength(s)).toBe(expected.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes strictly, agreeing with a fatal TextDecoder on random bytes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let expected: string | null;
        try {
          expected = fatal.decode(bytes);
        } catch {
          expected = null;
        }
        // TextDecoder drops a leading BOM; ours keeps every character.
        if (expected !== null && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) expected = `\uFEFF${expected}`;
        expect(utf8Decode(bytes)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('cuts prefixes at code point boundaries', () => {
    expect(utf8Prefix('a中b', 1)).toBe('a');
    expect(utf8Prefix('a中b', 3)).toBe('a');
    expect(utf8Prefix('a中b', 4)).toBe('a中');
    expect(utf8Prefix('😀x', 3)).toBe('');
    expect(utf8Prefix('😀x', 5)).toBe('😀x');
  });
});

describe('base64', () => {
  it('encodes and decodes like Node for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = base64Encode(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(Buffer.from(base64Decode(text) as Uint8Array)).toEqual(Buffer.from(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['A', 'AB=', 'ab$=', 'AB==AB==', 'AR==', 'AAB=', '===='])('rejects non-canonical input %p', (text) => {
    expect(base64Decode(text)).toBeNull();
  });
});
