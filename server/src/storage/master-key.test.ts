import { randomBytes } from 'node:crypto';
import { MasterKeyError, parseMasterKey } from './master-key';

const key = randomBytes(32);

describe('parseMasterKey', () => {
  it.each([
    ['hex', key.toString('hex')],
    ['upper-case hex', key.toString('hex').toUpperCase()],
    ['base64', key.toString('base64')],
    ['base64 without padding', key.toString('base64').replace(/=$/, '')],
    ['base64url', key.toString('base64url')],
    ['base64 with surrounding newline', `${key.toString('base64')}\n`],
  ])('accepts %s', (_name, text) => {
    expect(parseMasterKey(text).equals(key)).toBe(true);
  });

  it.each([
    ['too short hex', key.toString('hex').slice(2)],
    ['16 bytes of base64', randomBytes(16).toString('base64')],
    ['48 bytes of base64', randomBytes(48).toString('base64')],
    ['a passphrase', 'correct horse battery staple'],
    ['hex with a stray character', `${key.toString('hex').slice(1)}g`],
  ])('refuses %s with a precise error that does not repeat the value', (_name, text) => {
    let error: unknown;
    try {
      parseMasterKey(text, 'KEFU_MASTER_KEY');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MasterKeyError);
    const message = (error as Error).message;
    expect(message).toMatch(/^KEFU_MASTER_KEY must be 32 bytes given as 64 hex digits or 44 base64 characters; got \d+ characters/);
    expect(message).not.toContain(text.trim());
  });

  it('says so when the key is empty', () => {
    expect(() => parseMasterKey('  ', 'KEFU_MASTER_KEY')).toThrow(/KEFU_MASTER_KEY is empty/);
  });
});
