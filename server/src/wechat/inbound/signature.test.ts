import { ENCRYPTED_JSON_REPLY, PLAINTEXT_JSON_PUSH, SECURE_JSON_PUSH, URL_VERIFICATION } from './official-vectors';
import { msgSignature, sha1Signature, signaturesEqual, urlSignature } from './signature';

describe('signature (official examples)', () => {
  it('computes the URL verification signature', () => {
    const v = URL_VERIFICATION;
    expect(urlSignature(v.token, v.timestamp, v.nonce)).toBe(v.signature);
  });
  it('computes the plaintext push signature', () => {
    const v = PLAINTEXT_JSON_PUSH;
    expect(urlSignature(v.token, v.timestamp, v.nonce)).toBe(v.signature);
  });
  it('computes both signatures of the secure-mode push', () => {
    const v = SECURE_JSON_PUSH;
    expect(urlSignature(v.token, v.timestamp, v.nonce)).toBe(v.signature);
    expect(msgSignature(v.token, v.timestamp, v.nonce, v.encrypt)).toBe(v.msgSignature);
  });
  it('computes the MsgSignature of the encrypted reply', () => {
    const v = ENCRYPTED_JSON_REPLY;
    const encrypt = JSON.parse(v.body).Encrypt as string;
    expect(msgSignature(v.token, String(v.timestamp), v.nonce, encrypt)).toBe('1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1');
  });
  it('sorts before hashing, so argument order does not matter', () => {
    expect(sha1Signature(['b', 'a', 'c'])).toBe(sha1Signature(['c', 'b', 'a']));
  });
});

describe('signaturesEqual', () => {
  const good = URL_VERIFICATION.signature;
  it('accepts the same signature, in either case', () => {
    expect(signaturesEqual(good, good)).toBe(true);
    expect(signaturesEqual(good, good.toUpperCase())).toBe(true);
  });
  it.each([
    ['one changed digit', `${good.slice(0, -1)}7`],
    ['shorter', good.slice(0, -1)],
    ['longer', `${good}0`],
    ['empty', ''],
    ['non-ASCII of equal length', `${good.slice(0, -1)}é`],
  ])('rejects %s', (_name, given) => {
    expect(signaturesEqual(good, given)).toBe(false);
  });
});
