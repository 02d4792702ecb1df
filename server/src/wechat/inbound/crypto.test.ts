import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { type AesKey, decryptMessage, encryptMessage, parseAesKey } from './crypto';
import { BadCiphertextError, BadKeyError, BadPaddingError, DecryptError, WrongAppIdError } from './errors';
import { ENCRYPTED_JSON_REPLY, SECURE_JSON_PUSH } from './official-vectors';

const key = parseAesKey(SECURE_JSON_PUSH.encodingAesKey);
const APP = SECURE_JSON_PUSH.appId;

/** Encrypts an arbitrary, possibly malformed frame exactly (no padding added): for negative cases. */
function encryptFrame(k: AesKey, frame: Buffer): string {
  const cipher = createCipheriv('aes-256-cbc', k, k.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(frame), cipher.final()]).toString('base64');
}

function frame(msg: string | Buffer, appId: string): Buffer {
  const body = Buffer.from(msg);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([Buffer.alloc(16, 7), len, body, Buffer.from(appId)]);
}

/** Pads `f` to a multiple of 32 with bytes chosen by `padding(n)` (n = the correct pad length). */
function padded(f: Buffer, padding: (n: number) => Buffer): string {
  return encryptFrame(key, Buffer.concat([f, padding(32 - (f.length % 32))]));
}
const correct = (n: number): Buffer => Buffer.alloc(n, n);

describe('crypto: official known answers', () => {
  it('decrypts the secure-mode JSON push (19 bytes of padding, more than AES block size)', () => {
    expect(decryptMessage(key, SECURE_JSON_PUSH.encrypt, APP)).toBe(SECURE_JSON_PUSH.plaintext);
  });
  it('re-encrypts the push to the same ciphertext with its random prefix', () => {
    const random = Buffer.from(SECURE_JSON_PUSH.random);
    expect(encryptMessage(key, SECURE_JSON_PUSH.plaintext, APP, random)).toBe(SECURE_JSON_PUSH.encrypt);
  });
  it('encrypts the reply with the fixed prefix 707722b803182950 to the documented Encrypt', () => {
    const v = ENCRYPTED_JSON_REPLY;
    const encrypt = encryptMessage(parseAesKey(v.encodingAesKey), v.plaintext, v.appId, Buffer.from(v.random));
    expect(encrypt).toBe(JSON.parse(v.body).Encrypt);
  });
});

describe('crypto: round trip', () => {
  it('decrypts whatever it encrypts (any text, any AppID-length)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), (text, random) => {
        expect(decryptMessage(key, encryptMessage(key, text, APP, random), APP)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
  it('refuses a random prefix that is not 16 bytes', () => {
    expect(() => encryptMessage(key, 'x', APP, new Uint8Array(15))).toThrow(RangeError);
  });
});

describe('crypto: the key', () => {
  it.each([
    ['missing', undefined],
    ['42 characters', 'A'.repeat(42)],
    ['44 characters', 'A'.repeat(44)],
    ['a character outside base64', `${'A'.repeat(42)}-`],
    ['padding included', `${'A'.repeat(42)}=`],
  ])('rejects a key that is %s', (_n, value) => {
    expect(() => parseAesKey(value)).toThrow(BadKeyError);
  });
});

describe('crypto: every decrypt failure is a DecryptError', () => {
  const cases: Array<[string, () => string, string, new (...a: never[]) => DecryptError]> = [
    ['not base64', () => '!!!not-base64!!!', APP, BadCiphertextError],
    ['empty', () => '', APP, BadCiphertextError],
    ['16 bytes (not a multiple of 32)', () => Buffer.alloc(16).toString('base64'), APP, BadCiphertextError],
    ['a pad byte of 0', () => padded(frame('hi', APP), (n) => Buffer.alloc(n, 0)), APP, BadPaddingError],
    [
      'a pad byte above 32',
      () => padded(frame('hi', APP), (n) => Buffer.concat([Buffer.alloc(n - 1, 33), Buffer.from([33])])),
      APP,
      BadPaddingError,
    ],
    [
      'pad bytes that differ',
      () => padded(frame('hi', APP), (n) => Buffer.concat([Buffer.from([n + 1]), Buffer.alloc(n - 1, n)])),
      APP,
      BadPaddingError,
    ],
    ['a wrong AppID', () => encryptMessage(key, 'hello', 'wx_other_app', new Uint8Array(16)), APP, WrongAppIdError],
    ['an AppID that is a prefix of ours', () => encryptMessage(key, 'hello', APP.slice(0, -1), new Uint8Array(16)), APP, WrongAppIdError],
    [
      'a length beyond the frame',
      () => {
        const f = frame('hi', APP);
        f.writeUInt32BE(1000, 16);
        return padded(f, correct);
      },
      APP,
      BadPaddingError,
    ],
    ['a frame shorter than its header', () => padded(Buffer.alloc(10, 1), correct), APP, BadPaddingError],
    ['invalid UTF-8 inside', () => padded(frame(Buffer.from([0xff, 0xfe]), APP), correct), APP, DecryptError],
  ];
  it.each(cases)('%s', (_n, make, appId, type) => {
    const encrypt = make();
    expect(() => decryptMessage(key, encrypt, appId)).toThrow(type);
    expect(() => decryptMessage(key, encrypt, appId)).toThrow(DecryptError);
  });
  it('a different key fails as a DecryptError, never anything else', () => {
    const other = parseAesKey('B'.repeat(43));
    expect(() => decryptMessage(other, SECURE_JSON_PUSH.encrypt, APP)).toThrow(DecryptError);
  });
  it('a flipped ciphertext byte fails as a DecryptError', () => {
    const bytes = Buffer.from(SECURE_JSON_PUSH.encrypt, 'base64');
    bytes.writeUInt8((bytes.at(-1) ?? 0) ^ 1, bytes.length - 1);
    expect(() => decryptMessage(key, bytes.toString('base64'), APP)).toThrow(DecryptError);
  });
});
