// Keeping a session-from within WeChat's 1000 bytes (996 in fact: see SESSION_FROM_BUDGET_BYTES). Parts are sacrificed in this order, least important
// first, and each sacrifice is reported:
//   1. avatarUrl (cosmetic; routing is unaffected)
//   2. params entries, last key first
//   3. customerFields entries, last key first
//   4. nickname, shortened by exactly what is still missing, or dropped
// Routing (transfer_action, platform_action, robotid) and identity (partnerid, unionid) are never dropped:
// if they alone exceed the limit the input is refused, because a silently mis-routed customer is worse.
import { utf8ByteLength } from '../text/utf8';
import { SessionFromError } from './errors';
import { escapePlain, formatSessionFrom } from './format';
import { SESSION_FROM_BUDGET_BYTES, SESSION_FROM_MAX_BYTES } from './limits';
import type { EncodedSessionFrom, SessionFromDrop, SessionFromFields } from './types';

function measure(fields: SessionFromFields): { value: string; bytes: number } {
  const value = formatSessionFrom(fields);
  return { value, bytes: utf8ByteLength(value) };
}

/** The longest prefix of `nickname` whose escaped form is `excess` bytes shorter than the whole. */
function shorten(nickname: string, excess: number): string {
  const budget = utf8ByteLength(escapePlain(nickname)) - excess;
  let used = 0;
  let end = 0;
  for (const ch of nickname) {
    used += ch === '%' || ch === '|' ? 3 : utf8ByteLength(ch);
    if (used > budget) break;
    end += ch.length;
  }
  return nickname.slice(0, end);
}

export function fitWithinLimit(fields: SessionFromFields): EncodedSessionFrom {
  let current = measure(fields);
  if (current.bytes <= SESSION_FROM_BUDGET_BYTES) return { ...current, fields, dropped: [] };
  const working: SessionFromFields = {
    ...fields,
    ...(fields.params && { params: { ...fields.params } }),
    ...(fields.customerFields && { customerFields: { ...fields.customerFields } }),
  };
  const dropped: SessionFromDrop[] = [];
  const fits = (drop: SessionFromDrop) => {
    dropped.push(drop);
    current = measure(working);
    return current.bytes <= SESSION_FROM_BUDGET_BYTES;
  };
  const done = () => ({ ...current, fields: working, dropped });

  if (working.avatarUrl !== undefined) {
    delete working.avatarUrl;
    if (fits({ field: 'avatarUrl', action: 'dropped' })) return done();
  }
  for (const field of ['params', 'customerFields'] as const) {
    const map = working[field];
    for (const key of Object.keys(map ?? {}).reverse()) {
      delete map?.[key];
      if (map && Object.keys(map).length === 0) delete working[field];
      if (fits({ field, key, action: 'dropped' })) return done();
    }
  }
  if (working.nickname !== undefined) {
    const fromChars = Array.from(working.nickname).length;
    const shorter = shorten(working.nickname, current.bytes - SESSION_FROM_BUDGET_BYTES);
    if (shorter === '') delete working.nickname;
    else working.nickname = shorter;
    const drop: SessionFromDrop =
      shorter === ''
        ? { field: 'nickname', action: 'dropped' }
        : { field: 'nickname', action: 'shortened', fromChars, toChars: Array.from(shorter).length };
    if (fits(drop)) return done();
  }
  throw new SessionFromError(
    'too_long',
    'input',
    `routing and identity fields alone take ${current.bytes} bytes; at most ${SESSION_FROM_BUDGET_BYTES} fit (WeChat cuts at ${SESSION_FROM_MAX_BYTES})`,
  );
}
