// Standard Base64 (RFC 4648, with padding) by hand: the mini program has neither btoa nor Buffer,
// and these forty lines are smaller than any library that does it.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP: Record<string, number> = {};
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET[i] as string] = i;

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[n >> 18] as string;
    out += ALPHABET[(n >> 12) & 63] as string;
    out += b === undefined ? '=' : (ALPHABET[(n >> 6) & 63] as string);
    out += c === undefined ? '=' : (ALPHABET[n & 63] as string);
  }
  return out;
}

/** Strict decoder: null unless the input is canonical padded Base64 (length % 4 == 0, zero spare bits). */
export function base64Decode(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const v: number[] = [];
    for (let k = 0; k < 4; k++) {
      const ch = text[i + k] as string;
      if (ch === '=' && last && k >= 4 - pad) {
        v.push(0);
        continue;
      }
      const d = LOOKUP[ch];
      if (d === undefined) return null;
      v.push(d);
    }
    const n = ((v[0] as number) << 18) | ((v[1] as number) << 12) | ((v[2] as number) << 6) | (v[3] as number);
    if (last && ((pad === 1 && (n & 0xff) !== 0) || (pad === 2 && (n & 0xffff) !== 0))) return null;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}
