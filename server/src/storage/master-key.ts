// The master key that seals secrets at rest: 32 bytes, given in configuration as 64 hex digits or as
// base64 (standard or URL-safe, padding optional). Errors describe the shape expected and the shape
// received, never the value.

export const MASTER_KEY_BYTES = 32;

export class MasterKeyError extends Error {
  override readonly name = 'MasterKeyError';
}

const HEX = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]{43}=?$/;
const BASE64URL = /^[A-Za-z0-9_-]{43}=?$/;

/** Parses the configured master key; `source` names where it came from (e.g. the variable). */
export function parseMasterKey(text: string, source = 'the master key'): Buffer {
  const value = text.trim();
  if (value === '')
    throw new MasterKeyError(
      `${source} is empty: give ${MASTER_KEY_BYTES} random bytes as 64 hex digits or 44 base64 characters (e.g. openssl rand -base64 32)`,
    );
  let key: Buffer | undefined;
  if (HEX.test(value)) key = Buffer.from(value, 'hex');
  else if (BASE64.test(value)) key = Buffer.from(value, 'base64');
  else if (BASE64URL.test(value)) key = Buffer.from(value, 'base64url');
  if (key?.length !== MASTER_KEY_BYTES) {
    throw new MasterKeyError(
      `${source} must be ${MASTER_KEY_BYTES} bytes given as 64 hex digits or 44 base64 characters; got ${value.length} characters that are neither (e.g. openssl rand -base64 32)`,
    );
  }
  return key;
}
