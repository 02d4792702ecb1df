// UTF-8 by hand: the mini program runtime has no TextEncoder/TextDecoder on every base library,
// and WeChat measures session-from in UTF-8 bytes.

/** Code point at `i` and how many UTF-16 units it takes; lone surrogates become U+FFFD as in TextEncoder. */
function codePointAt(text: string, i: number): [codePoint: number, units: number] {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return [0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00), 2];
  }
  if (c >= 0xd800 && c <= 0xdfff) return [0xfffd, 1];
  return [c, 1];
}

function bytesOf(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Hot path of the session-from budget: counts without decoding code points or allocating. */
export function utf8ByteLength(text: string): number {
  let total = text.length; // every UTF-16 unit takes at least one byte
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      total += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      total += 2; // a surrogate pair: two units, four bytes
      i++;
    } else {
      total += 2; // three bytes, lone surrogates included (they become U+FFFD)
    }
  }
  return total;
}

export function utf8Encode(text: string): Uint8Array {
  const out = new Uint8Array(utf8ByteLength(text));
  let o = 0;
  for (let i = 0; i < text.length; ) {
    const [cp, units] = codePointAt(text, i);
    i += units;
    if (cp < 0x80) {
      out[o++] = cp;
    } else if (cp < 0x800) {
      out[o++] = 0xc0 | (cp >> 6);
      out[o++] = 0x80 | (cp & 63);
    } else if (cp < 0x10000) {
      out[o++] = 0xe0 | (cp >> 12);
      out[o++] = 0x80 | ((cp >> 6) & 63);
      out[o++] = 0x80 | (cp & 63);
    } else {
      out[o++] = 0xf0 | (cp >> 18);
      out[o++] = 0x80 | ((cp >> 12) & 63);
      out[o++] = 0x80 | ((cp >> 6) & 63);
      out[o++] = 0x80 | (cp & 63);
    }
  }
  return out;
}

/** Strict decoder: returns null for anything that is not well-formed UTF-8 (overlongs, surrogates, cut sequences). */
export function utf8Decode(bytes: Uint8Array): string | null {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b0 = bytes[i] as number;
    const need = b0 < 0x80 ? 0 : b0 >= 0xc2 && b0 <= 0xdf ? 1 : b0 >= 0xe0 && b0 <= 0xef ? 2 : b0 >= 0xf0 && b0 <= 0xf4 ? 3 : -1;
    if (need < 0) return null;
    let cp = need === 0 ? b0 : b0 & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (b & 63);
    }
    const min = [0, 0x80, 0x800, 0x10000][need] as number;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** The longest prefix of `text`, cut at a code point boundary, that fits in `maxBytes` UTF-8 bytes. */
export function utf8Prefix(text: string, maxBytes: number): string {
  let total = 0;
  let i = 0;
  while (i < text.length) {
    const [cp, units] = codePointAt(text, i);
    if (total + bytesOf(cp) > maxBytes) break;
    total += bytesOf(cp);
    i += units;
  }
  return text.slice(0, i);
}
