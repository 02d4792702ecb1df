// The Token and EncodingAESKey WeChat's console asks for, generated here in the browser: the server
// takes them write-only and never returns them, so this page is the one place they are ever shown.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` letters and digits from crypto.getRandomValues, without modulo bias. */
export function randomAlnum(length: number): string {
  let out = '';
  const limit = 256 - (256 % ALPHABET.length); // 248: bytes at or above it would favour the first letters
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < limit && out.length < length) out += ALPHABET[b % ALPHABET.length];
    }
  }
  return out;
}

export interface PushSecrets {
  token: string;
  encodingAesKey: string;
}

/** WeChat's rules: Token 3–32 letters/digits (we use 32), EncodingAESKey exactly 43. */
export const newPushSecrets = (): PushSecrets => ({ token: randomAlnum(32), encodingAesKey: randomAlnum(43) });
