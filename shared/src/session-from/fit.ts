// Keeping a session-from within WeChat's 1000 bytes. Parts are sacrificed in this order, least important
// first, and each sacrifice is reported:
//   1. avatarUrl (cosmetic; the server can fetch nothing better, but routing is unaffected)
//   2. params entries, last key first
//   3. customerFields entries, last key first
//   4. nickname, shortened code point by code point, then dropped
// Routing (transfer_action, platform_action, robotid) and identity (partnerid, unionid) are never dropped:
// if they alone exceed the limit the input is refused, because a silently mis-routed customer is worse.
import { utf8ByteLength } from '../text/utf8';
import { SessionFromError } from './errors';
import { formatSessionFrom } from './format';
import { SESSION_FROM_MAX_BYTES } from './limits';
import type { EncodedSessionFrom, SessionFromDrop, SessionFromFields } from './types';

function measure(fields: SessionFromFields): { value: string; bytes: number } {
  const value = formatSessionFrom(fields);
  return { value, bytes: utf8ByteLength(value) };
}

function* sacrifices(f: SessionFromFields): Generator<SessionFromDrop> {
  if (f.avatarUrl !== undefined) {
    delete f.avatarUrl;
    yield { field: 'avatarUrl', action: 'dropped' };
  }
  for (const field of ['params', 'customerFields'] as const) {
    const map = f[field];
    if (!map) continue;
    for (const key of Object.keys(map).reverse()) {
      delete map[key];
      if (Object.keys(map).length === 0) delete f[field];
      yield { field, key, action: 'dropped' };
    }
  }
  if (f.nickname !== undefined) {
    const chars = Array.from(f.nickname);
    for (let keep = chars.length - 1; keep > 0; keep--) {
      f.nickname = chars.slice(0, keep).join('');
      yield { field: 'nickname', action: 'shortened', fromChars: chars.length, toChars: keep };
    }
    delete f.nickname;
    yield { field: 'nickname', action: 'dropped' };
  }
}

/** Shortening the nickname reports one entry (its final length), not one per code point removed. */
function record(dropped: SessionFromDrop[], drop: SessionFromDrop): void {
  const last = dropped[dropped.length - 1];
  if (last?.field === 'nickname' && last.action === 'shortened') dropped.pop();
  dropped.push(drop);
}

export function fitWithinLimit(fields: SessionFromFields): EncodedSessionFrom {
  let current = measure(fields);
  if (current.bytes <= SESSION_FROM_MAX_BYTES) return { ...current, fields, dropped: [] };
  const working: SessionFromFields = {
    ...fields,
    ...(fields.params && { params: { ...fields.params } }),
    ...(fields.customerFields && { customerFields: { ...fields.customerFields } }),
  };
  const dropped: SessionFromDrop[] = [];
  for (const drop of sacrifices(working)) {
    record(dropped, drop);
    current = measure(working);
    if (current.bytes <= SESSION_FROM_MAX_BYTES) return { ...current, fields: working, dropped };
  }
  throw new SessionFromError(
    'too_long',
    'input',
    `routing and identity fields alone take ${current.bytes} bytes; WeChat allows ${SESSION_FROM_MAX_BYTES}`,
  );
}
