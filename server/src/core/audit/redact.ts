// What an audit entry may keep of a record: everything but its secrets. Applied once, centrally, to every
// before and after value, so a story cannot forget it: a field is dropped by its name (the names every
// secret of the product goes by: Token, EncodingAESKey, AppSecret, passwords and their hashes, API keys,
// webhook secrets, UnionID keys, token hashes) and a string by its shape (a value sealed at rest, 'v1.…',
// or a bearer secret, 'kft_…' / 'kfs_…'), so a secret under a new name is still caught by what it is.

export const REDACTED = '[redacted]';

/** Field names (case and separators ignored) whose values are secrets. */
const SECRET_NAMES = new Set(
  [
    'token',
    'encodingAesKey',
    'aesKey',
    'appSecret',
    'componentAppSecret',
    'componentVerifyTicket',
    'secret',
    'password',
    'newPassword',
    'currentPassword',
    'passwordHash',
    'tokenHash',
    'apiKey',
    'unionIdKey',
    'accessToken',
    'refreshToken',
    'authorizerRefreshToken',
    'previous',
  ].map(fold),
);

function fold(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export const isSecretName = (name: string): boolean => SECRET_NAMES.has(fold(name));

/** Sealed values (secret-box.ts) and the API's bearer secrets, whatever field holds them. */
const SECRET_SHAPES = [/^v1\.[A-Za-z0-9+/=]{20,}$/, /^kf[ts]_[A-Za-z0-9_-]{16,}$/];

const looksSecret = (value: string): boolean => SECRET_SHAPES.some((shape) => shape.test(value));

/** A JSON copy of `value` with every secret replaced by REDACTED; undefined stays undefined. */
export function redact(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (typeof value === 'string') return looksSecret(value) ? REDACTED : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v) ?? null);
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || typeof v === 'function') continue;
      out[k] = isSecretName(k) ? REDACTED : redact(v);
    }
    return out;
  }
  return undefined;
}
