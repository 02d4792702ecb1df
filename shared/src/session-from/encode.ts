import { UnionIdCipherError, encryptUnionId } from '../unionid-cipher/cipher';
import { SessionFromError } from './errors';
import { fitWithinLimit } from './fit';
import type { EncodedSessionFrom, SessionFromFields, SessionFromInput } from './types';
import { failField, optionalString, validateInput } from './validate';

/**
 * The last encryption, reused: a contact button re-encodes on every property change with the same
 * UnionID and key, and ECB is deterministic, so the answer is the same (and AES key expansion is most of
 * an encode's time).
 */
let lastEncryption: { plain: string; key: string; cipher: string } | undefined;

function encryptOnce(plain: string, key: string): string {
  if (lastEncryption?.plain === plain && lastEncryption.key === key) return lastEncryption.cipher;
  const cipher = encryptUnionId(plain, key);
  lastEncryption = { plain, key, cipher };
  return cipher;
}

/** The encrypted UnionID: given as is, or encrypted here from a plain one (which exposes the key; see README). */
function resolveUnionId(input: SessionFromInput): string | undefined {
  const given = optionalString(input.unionId, 'unionId');
  const plain = optionalString(input.plainUnionId, 'plainUnionId');
  if (given !== undefined && plain !== undefined) {
    failField('unionId', 'give either unionId (already encrypted) or plainUnionId with unionIdKey, not both');
  }
  if (plain === undefined) return given;
  if (input.unionIdKey === undefined || input.unionIdKey === '') failField('unionIdKey', 'is required to encrypt plainUnionId');
  try {
    return encryptOnce(plain, input.unionIdKey);
  } catch (e) {
    if (e instanceof UnionIdCipherError) failField('unionIdKey', e.message);
    throw e;
  }
}

/**
 * Builds a Sobot-compatible session-from. Throws SessionFromError for invalid input, or when the
 * routing and identity fields alone exceed WeChat's 1000 bytes; otherwise drops or shortens the
 * least important parts to fit and lists them in `dropped`.
 */
export function encodeSessionFrom(input: SessionFromInput): EncodedSessionFrom {
  const fields: SessionFromFields = validateInput(input);
  const unionId = resolveUnionId(input);
  if (unionId !== undefined) fields.unionId = unionId;
  return fitWithinLimit(fields);
}

export { SessionFromError };
