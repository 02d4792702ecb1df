// Seals secrets for storage with AES-256-GCM (node:crypto): a fresh 12-byte nonce per value, and
// associated data that binds the value to where it belongs (a channel id and field), so a sealed value
// copied into another row or field fails to open. Sealed form: 'v1.' + base64(nonce | ciphertext | tag);
// the version leaves room for a later key rotation.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { MASTER_KEY_BYTES } from './master-key';

const VERSION = 'v1.';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** One error for every failure to open, naming the place but never the value. */
export class SecretOpenError extends Error {
  override readonly name = 'SecretOpenError';
}

export class SecretBox {
  private readonly key: Buffer;

  constructor(
    key: Uint8Array,
    private readonly random: (size: number) => Buffer = randomBytes,
  ) {
    if (key.length !== MASTER_KEY_BYTES) throw new RangeError(`the master key must be ${MASTER_KEY_BYTES} bytes`);
    this.key = Buffer.from(key);
  }

  seal(plaintext: string, associatedData: string): string {
    const nonce = this.random(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return VERSION + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64');
  }

  /** The plaintext; throws SecretOpenError when the key is wrong or the value was altered or moved. */
  open(sealed: string, associatedData: string): string {
    const fail = () =>
      new SecretOpenError(`cannot open the stored secret ${associatedData}: wrong master key, or the value was altered or moved`);
    if (!sealed.startsWith(VERSION)) throw fail();
    const raw = Buffer.from(sealed.slice(VERSION.length), 'base64');
    if (raw.length < NONCE_BYTES + TAG_BYTES) throw fail();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw fail();
    }
  }
}
