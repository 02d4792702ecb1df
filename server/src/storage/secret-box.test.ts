import { randomBytes } from 'node:crypto';
import { SecretBox, SecretOpenError } from './secret-box';

const box = new SecretBox(randomBytes(32));
const SECRET = 'appsecret-0123456789abcdef';

function flip(sealed: string, index: number): string {
  const raw = Buffer.from(sealed.slice(3), 'base64');
  raw[index] = (raw[index] ?? 0) ^ 1;
  return `v1.${raw.toString('base64')}`;
}

describe('SecretBox', () => {
  it('opens what it sealed, with the same associated data', () => {
    const sealed = box.seal(SECRET, 'channel ch1 appSecret');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain(SECRET);
    expect(box.open(sealed, 'channel ch1 appSecret')).toBe(SECRET);
    expect(box.open(box.seal('', 'x'), 'x')).toBe('');
    expect(box.open(box.seal('密钥', 'x'), 'x')).toBe('密钥');
  });

  it('uses a fresh nonce for every value', () => {
    const a = box.seal(SECRET, 'x');
    const b = box.seal(SECRET, 'x');
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(3), 'base64').subarray(0, 12)).not.toEqual(Buffer.from(b.slice(3), 'base64').subarray(0, 12));
  });

  it.each([
    ['another place', (s: string) => [s, 'channel ch2 appSecret'] as const],
    ['a flipped ciphertext byte', (s: string) => [flip(s, 14), 'channel ch1 appSecret'] as const],
    ['a flipped nonce byte', (s: string) => [flip(s, 0), 'channel ch1 appSecret'] as const],
    ['a flipped tag byte', (s: string) => [flip(s, Buffer.from(s.slice(3), 'base64').length - 1), 'channel ch1 appSecret'] as const],
    ['a truncated value', (s: string) => [s.slice(0, 20), 'channel ch1 appSecret'] as const],
    ['a value in clear', () => [SECRET, 'channel ch1 appSecret'] as const],
  ])('refuses %s with one opaque error', (_name, change) => {
    const [sealed, place] = change(box.seal(SECRET, 'channel ch1 appSecret'));
    expect(() => box.open(sealed, place)).toThrow(SecretOpenError);
    expect(() => box.open(sealed, place)).toThrow(/wrong master key, or the value was altered or moved/);
  });

  it('refuses another key, naming the place but not the value', () => {
    const sealed = box.seal(SECRET, 'channel ch1 token');
    const other = new SecretBox(randomBytes(32));
    expect(() => other.open(sealed, 'channel ch1 token')).toThrow('cannot open the stored secret channel ch1 token');
    try {
      other.open(sealed, 'channel ch1 token');
    } catch (e) {
      expect(String((e as Error).message)).not.toContain(SECRET);
    }
  });

  it('wants a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(RangeError);
  });
});
