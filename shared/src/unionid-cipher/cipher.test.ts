import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { UnionIdCipherError, decryptUnionId, encryptUnionId } from './cipher';
import javaVectors from './java-vectors.json';

function nodeEcb(plain: string, key: string): string {
  const k = Buffer.from(key, 'utf8');
  const cipher = createCipheriv(`aes-${k.length * 8}-ecb`, k, null);
  return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

describe('UnionID cipher', () => {
  it.each(javaVectors)("matches Java's AES/ECB/PKCS5Padding for key $key", ({ key, unionId, cipher }) => {
    expect(encryptUnionId(unionId, key)).toBe(cipher);
    expect(decryptUnionId(cipher, key)).toBe(unionId);
  });

  it.each([16, 24, 32])('equals Node aes-%i-ecb for every plaintext length 1..80', (keyBytes) => {
    const key = 'k'.repeat(keyBytes);
    for (let len = 1; len <= 80; len++) {
      const plain = 'o'.repeat(len);
      expect(encryptUnionId(plain, key)).toBe(nodeEcb(plain, key));
    }
  });

  it('equals Node for random keys and UnionIDs, and round-trips', () => {
    const key = fc.oneof(...[16, 24, 32].map((n) => fc.string({ unit: 'grapheme-ascii', minLength: n, maxLength: n })));
    fc.assert(
      fc.property(key, fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }), (k, plain) => {
        const encrypted = encryptUnionId(plain, k);
        expect(encrypted).toBe(nodeEcb(plain, k));
        // Lone surrogates become U+FFFD on the way in, exactly as Node/Java encode them.
        expect(decryptUnionId(encrypted, k)).toBe(Buffer.from(plain, 'utf8').toString('utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it.each(['', 'short', '1234567890abcde', '1234567890abcdef1', 'x'.repeat(33), '密钥'])('rejects a key of the wrong size: %p', (key) => {
    expect(() => encryptUnionId('oJw8', key)).toThrow(UnionIdCipherError);
    expect(() => encryptUnionId('oJw8', key)).toThrow(/16, 24 or 32 UTF-8 bytes/);
  });

  it('rejects an empty UnionID', () => {
    expect(() => encryptUnionId('', '1234567890abcdef')).toThrow(/non-empty/);
  });

  it('gives one opaque error for every bad ciphertext', () => {
    const key = '1234567890abcdef';
    const good = encryptUnionId('oJw8S1S0ZheoM2PnKbka3zJO-QyE', key);
    const bad = [
      '',
      'not base64!',
      good.slice(0, -4),
      Buffer.from('0123456789abcdef').toString('base64'), // wrong padding after decryption
      encryptUnionId('oJw8S1S0ZheoM2PnKbka3zJO-QyE', 'fedcba0987654321'),
    ];
    for (const text of bad) {
      let error: unknown;
      try {
        decryptUnionId(text, key);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UnionIdCipherError);
      expect((error as UnionIdCipherError).code).toBe('invalid_ciphertext');
      expect((error as Error).message).toBe('the encrypted UnionID cannot be decrypted with this key');
    }
  });
});
