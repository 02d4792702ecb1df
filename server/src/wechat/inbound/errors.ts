// Typed failures of the push endpoint. Handlers throw them; the one Express error handler turns them
// into responses (status + publicMessage) and logs `code` once. Messages never contain secrets or bodies.
// WXBizMsgCrypt library codes (-400xx) are from the official sample, see wechat-protocol.md §2.2:
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html

export abstract class InboundError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  /** What the HTTP response says; deliberately short and generic. */
  abstract readonly publicMessage: string;
  /** The WXBizMsgCrypt sample code, for logs. */
  readonly wxCode: number | undefined = undefined;
}

export class UnknownChannelError extends InboundError {
  readonly status = 404;
  readonly code = 'unknown_channel';
  readonly publicMessage = 'unknown channel';
}

export class MethodNotAllowedError extends InboundError {
  readonly status = 405;
  readonly code = 'method_not_allowed';
  readonly publicMessage = 'method not allowed';
}

export class MissingParameterError extends InboundError {
  readonly status = 400;
  readonly code = 'missing_parameter';
  readonly publicMessage = 'missing or invalid query parameter';
  constructor(readonly parameter: string) {
    super(`missing or invalid query parameter ${parameter}`);
  }
}

/** signature / msg_signature does not match. */
export class BadSignatureError extends InboundError {
  readonly status = 401;
  readonly code = 'bad_signature';
  readonly publicMessage = 'invalid signature';
  override readonly wxCode = -40001;
}

/** The timestamp is outside the optional local replay window (not a WeChat rule). */
export class StaleTimestampError extends InboundError {
  readonly status = 401;
  readonly code = 'stale_timestamp';
  readonly publicMessage = 'invalid signature';
}

/** The channel is encrypted but the push is not (or the reverse): a downgrade or a misconfiguration. */
export class ModeMismatchError extends InboundError {
  readonly status = 400;
  readonly code = 'mode_mismatch';
  readonly publicMessage = 'unexpected encryption mode';
}

/** The channel's EncodingAESKey is not 43 base64 characters decoding to 32 bytes: our configuration. */
export class BadKeyError extends InboundError {
  readonly status = 500;
  readonly code = 'bad_key';
  readonly publicMessage = 'channel misconfigured';
  override readonly wxCode = -40004;
}

/**
 * Every decrypt failure. The subclasses exist for logs and tests; on the wire they are one opaque
 * answer (same status, same text), so a response never tells which check failed.
 */
export class DecryptError extends InboundError {
  readonly status = 400;
  readonly code: string = 'decrypt_failed';
  readonly publicMessage = 'decrypt failed';
  override readonly wxCode: number = -40007;
}
export class BadCiphertextError extends DecryptError {
  override readonly code = 'bad_ciphertext';
  override readonly wxCode = -40010;
}
export class BadPaddingError extends DecryptError {
  override readonly code = 'bad_padding';
  override readonly wxCode = -40008;
}
export class WrongAppIdError extends DecryptError {
  override readonly code = 'wrong_appid';
  override readonly wxCode = -40005;
}

export class MalformedBodyError extends InboundError {
  readonly status = 400;
  readonly code = 'malformed_body';
  readonly publicMessage = 'malformed body';
  override readonly wxCode = -40002;
}

export class BodyTooLargeError extends InboundError {
  readonly status = 413;
  readonly code = 'body_too_large';
  readonly publicMessage = 'body too large';
}

/** The handler asked for a reply the channel cannot send (e.g. text to a mini program): our bug. */
export class ReplyNotAllowedError extends InboundError {
  readonly status = 500;
  readonly code = 'reply_not_allowed';
  readonly publicMessage = 'internal error';
}

/** Statuses the push endpoint can answer with; the fuzz test holds the endpoint to this list. */
export const DOCUMENTED_STATUSES: readonly number[] = [200, 400, 401, 404, 405, 413, 500];
