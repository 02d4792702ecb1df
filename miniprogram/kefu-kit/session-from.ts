// Turns the kit's options into a session-from, never throwing: the button must still open the chat
// when an integrator passes something invalid, so an error falls back to the empty context.
import { SessionFromError, encodeSessionFrom } from './shared/index';
import type { EncodedSessionFrom, SessionFromInput } from './shared/index';

export type SessionFromOptions = SessionFromInput;

export interface BuiltSessionFrom {
  value: string;
  /** The encoder's result, or undefined when the input was invalid. */
  encoded?: EncodedSessionFrom;
  /** Why the input was refused; the value is then the empty context `sobot||||`. */
  error?: { code: string; field: string; message: string };
}

/** Empty strings and nulls from WXML bindings mean "not given". */
function given<T>(value: T | null | undefined | ''): T | undefined {
  return value === null || value === '' ? undefined : (value as T | undefined);
}

export function pickSessionFromOptions(source: Record<string, unknown>): SessionFromOptions {
  const pick = (key: keyof SessionFromOptions) => given(source[key]) as never;
  return {
    nickname: pick('nickname'),
    avatarUrl: pick('avatarUrl'),
    params: pick('params'),
    transferAction: pick('transferAction'),
    platformAction: pick('platformAction'),
    partnerId: pick('partnerId'),
    robotId: pick('robotId'),
    unionId: pick('unionId'),
    plainUnionId: pick('plainUnionId'),
    unionIdKey: pick('unionIdKey'),
    customerFields: pick('customerFields'),
  };
}

export function buildSessionFrom(options: SessionFromOptions): BuiltSessionFrom {
  try {
    const encoded = encodeSessionFrom(options);
    return { value: encoded.value, encoded };
  } catch (e) {
    if (!(e instanceof SessionFromError)) throw e;
    return { value: 'sobot||||', error: { code: e.code, field: e.field, message: e.message } };
  }
}
