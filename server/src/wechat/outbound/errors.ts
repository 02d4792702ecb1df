// Typed errors of WeChat's server API. Code table: doc/channels/API/basics/commErrCode.html
// (summarised in shared/docs/wechat-protocol.md §4.7). The `kind` is what callers act on, so the
// conversation layer never compares raw numbers.

export type WeChatErrorKind =
  | 'token_invalid' // 40001 / 40014 / 42001: refresh the access token and retry once
  | 'window_closed' // 45015: the 48 h (or 1 min) window is over; needs a new user action
  | 'quota_used_up' // 45047: the window's message count is used up
  | 'busy' // -1: system busy, retry with backoff
  | 'rate_limited' // 45011: minute quota reached, retry with backoff
  | 'other';

const kindByCode = new Map<number, WeChatErrorKind>([
  [40001, 'token_invalid'],
  [40014, 'token_invalid'],
  [42001, 'token_invalid'],
  [45015, 'window_closed'],
  [45047, 'quota_used_up'],
  [-1, 'busy'],
  [45011, 'rate_limited'],
]);

export function errorKindOf(errcode: number): WeChatErrorKind {
  return kindByCode.get(errcode) ?? 'other';
}

/** WeChat answered with a non-zero errcode. The message names the API path, never the query (it holds secrets). */
export class WeChatApiError extends Error {
  override readonly name = 'WeChatApiError';
  readonly kind: WeChatErrorKind;
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`WeChat ${path} failed: errcode ${errcode} (${errmsg})`);
    this.kind = errorKindOf(errcode);
  }
}

/**
 * WeChat could not be reached, or answered something that is not its API (HTTP error, not JSON).
 * `inDoubt`: the request was written and no answer came (a timeout, a connection closed while waiting),
 * so WeChat may have carried it out; otherwise it certainly did not (refused, or answered an HTTP error).
 */
export class WeChatTransportError extends Error {
  override readonly name = 'WeChatTransportError';
  constructor(
    readonly path: string,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; inDoubt?: boolean },
  ) {
    super(`WeChat ${path}: ${message}`, options);
    this.inDoubt = options?.inDoubt ?? false;
  }
  readonly inDoubt: boolean;
}

export function isWeChatErrorKind(err: unknown, kind: WeChatErrorKind): err is WeChatApiError {
  return err instanceof WeChatApiError && err.kind === kind;
}
