import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { base64Decode, base64Encode } from '../text/base64';
import { BOUND_UNIONID_PREFIX, encryptBoundUnionId, readUnionIdToken } from './bound';
import { UnionIdCipherError, decryptUnionId, encryptUnionId } from './cipher';

const KEY = 'kit-unionid-key-0123456789abcdef';
const ALICE = 'oAlice-openid-000000000000000';
const BOB = 'oBob-openid-00000000000000000';

/** AES-CMAC by Node's AES, independent of the implementation under test (RFC 4493). */
function nodeCmac(key: Buffer, message: Buffer): Buffer {
  const aes = (b: Buffer) => {
    const c = createCipheriv(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false);
    return Buffer.concat([c.update(b), c.final()]);
  };
  const dbl = (b: Buffer) => {
    const out = Buffer.alloc(16);
    for (let i = 0; i < 16; i++) out[i] = ((b[i] as number) << 1) | (i < 15 ? (b[i + 1] as number) >> 7 : 0);
    if ((b[0] as number) & 0x80) out[15] = (out[15] as number) ^ 0x87;
    return out;
  };
  const k1 = dbl(aes(Buffer.alloc(16)));
  let x = Buffer.alloc(16);
  for (let i = 0; i < message.length; i += 16) {
    const m = Buffer.from(message.subarray(i, i + 16));
    const last = i + 16 === message.length;
    x = aes(Buffer.from(x.map((v, j) => v ^ (m[j] as number) ^ (last ? (k1[j] as number) : 0))));
  }
  return x;
}

describe('the openid-bound UnionID token', () => {
  it('matches the RFC 4493 AES-CMAC example (subkeys and a 64-byte message)', () => {
    // RFC 4493 §4, example 4, checked against the Node-based CMAC the token test below relies on.
    const key = Buffer.from('2b7e151628aed2a6abf7158809cf4f3c', 'hex');
    const message = Buffer.from(
      '6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710',
      'hex',
    );
    expect(nodeCmac(key, message).toString('hex')).toBe('51f0bebf7e3b9d92fc49741779363cfe');
  });

  it('is the Sobot ciphertext of "<openid>\\n<unionid>" followed by its AES-CMAC', () => {
    const token = encryptBoundUnionId('oUnionAlice', ALICE, KEY);
    expect(token.startsWith(BOUND_UNIONID_PREFIX)).toBe(true);
    const data = Buffer.from(base64Decode(token.slice(3)) as Uint8Array);
    const cipher = data.subarray(0, data.length - 16);
    expect(decryptUnionId(base64Encode(cipher), KEY)).toBe(`${ALICE}\noUnionAlice`);
    const macKey = createCipheriv('aes-256-ecb', Buffer.from(KEY), null).setAutoPadding(false).update(Buffer.from('\0kefu-unionid-ma'));
    expect(data.subarray(data.length - 16).toString('hex')).toBe(nodeCmac(macKey, cipher).toString('hex'));
  });

  it('reads back as bound for its own openid, for every key size', () => {
    for (const key of ['k'.repeat(16), 'k'.repeat(24), KEY]) {
      expect(readUnionIdToken(encryptBoundUnionId('oUnionAlice', ALICE, key), key, ALICE)).toEqual({
        kind: 'bound',
        unionId: 'oUnionAlice',
      });
    }
  });

  it('is refused for another openid: a replayed token is not theirs', () => {
    expect(readUnionIdToken(encryptBoundUnionId('oUnionAlice', ALICE, KEY), KEY, BOB)).toEqual({ kind: 'other_openid' });
  });

  it('cannot be spliced: Bob’s openid blocks with Alice’s UnionID blocks fail the tag', () => {
    // ECB lets blocks be swapped between tokens; with equal-length openids the UnionID starts in the same block.
    const a = Buffer.from(base64Decode(encryptBoundUnionId('oUnionAlice-0000000000000000', ALICE, KEY).slice(3)) as Uint8Array);
    const b = Buffer.from(base64Decode(encryptBoundUnionId('oUnionBob-000000000000000000', BOB, KEY).slice(3)) as Uint8Array);
    for (const tag of [a, b]) {
      const spliced = Buffer.concat([b.subarray(0, 16), a.subarray(16, a.length - 16), tag.subarray(tag.length - 16)]);
      expect(readUnionIdToken(BOUND_UNIONID_PREFIX + spliced.toString('base64'), KEY, BOB)).toEqual({ kind: 'unreadable' });
    }
  });

  it('is unreadable with another key, when truncated, or when any byte changes', () => {
    const token = encryptBoundUnionId('oUnionAlice', ALICE, KEY);
    expect(readUnionIdToken(token, 'another-key-0123456789abcdef0123', ALICE)).toEqual({ kind: 'unreadable' });
    expect(readUnionIdToken(token.slice(0, -24), KEY, ALICE)).toEqual({ kind: 'unreadable' });
    expect(readUnionIdToken(`${BOUND_UNIONID_PREFIX}!!`, KEY, ALICE)).toEqual({ kind: 'unreadable' });
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const data = base64Decode(token.slice(3)) as Uint8Array;
        data[at % data.length] = (data[at % data.length] as number) ^ flip;
        expect(readUnionIdToken(BOUND_UNIONID_PREFIX + base64Encode(data), KEY, ALICE)).toEqual({ kind: 'unreadable' });
      }),
      { numRuns: 200 },
    );
  });

  it('reads an old Sobot token as unbound (a claim at best), and garbage as unreadable', () => {
    expect(readUnionIdToken(encryptUnionId('oUnionAlice', KEY), KEY, ALICE)).toEqual({ kind: 'unbound', unionId: 'oUnionAlice' });
    expect(readUnionIdToken('not a token', KEY, ALICE)).toEqual({ kind: 'unreadable' });
  });

  it('refuses a bad key and openids or UnionIDs that would blur the payload', () => {
    expect(() => encryptBoundUnionId('oUnion', ALICE, 'short')).toThrow(UnionIdCipherError);
    expect(() => readUnionIdToken('x', 'short', ALICE)).toThrow(UnionIdCipherError);
    expect(() => encryptBoundUnionId('oUnion\nx', ALICE, KEY)).toThrow(UnionIdCipherError);
    expect(() => encryptBoundUnionId('oUnion', '', KEY)).toThrow(UnionIdCipherError);
  });
});
