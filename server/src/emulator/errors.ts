// The errcodes the emulator answers, with WeChat's own errmsg texts (commErrCode.html and the API
// pages quoted in shared/docs/wechat-protocol.md §4.7). WeChat answers HTTP 200 with {errcode, errmsg}
// for every API failure, so the emulator does too.

const errmsgs = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40004: 'invalid media type',
  40005: 'invalid file type',
  40006: 'invalid meida size',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40164: 'invalid ip, not in whitelist',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41005: 'media data missing',
  41008: 'missing code',
  42001: 'access_token expired',
  44002: 'empty post data',
  45008: 'article size out of limit',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit',
  45015: 'response out of time limit or subscription is canceled',
  45047: 'out of response count limit',
  45072: 'command field invalid',
  45080: 'has not sent message to user recently',
  45081: 'already in typing state',
  45162: 'invalid type',
  47001: 'data format error',
  48001: 'api unauthorized',
  // The open platform's (third-party platform's) codes, with the errmsg texts WeChat answers
  // (doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/component_access_token.html and the
  // community threads quoted in open-platform.ts).
  41018: 'missing component_appid',
  61003: 'component is not authorized by this account',
  61004: 'access clientip is not registered',
  61005: 'component ticket is expired',
  61006: 'component ticket is invalid',
  61007: 'api is unauthorized to component',
  61009: 'code is invalid',
  61010: 'code is expired',
  61011: 'invalid component',
  61023: 'refresh_token is invalid',
} as const;

export type EmulatorErrcode = keyof typeof errmsgs;

export function errmsgOf(code: number): string {
  return (errmsgs as Record<number, string>)[code] ?? 'unknown error';
}

export function isKnownErrcode(code: number): code is EmulatorErrcode {
  return code in errmsgs;
}

/** Thrown by the emulator's rules; the API error handler turns it into WeChat's JSON answer. */
export class EmulatorApiError extends Error {
  override readonly name = 'EmulatorApiError';
  readonly errmsg: string;
  constructor(readonly errcode: EmulatorErrcode) {
    const errmsg = errmsgOf(errcode);
    super(`${errcode} ${errmsg}`);
    this.errmsg = errmsg;
  }
}

/** A mistake in an admin or customer request (not a WeChat API call): answered with an HTTP status. */
export class EmulatorAdminError extends Error {
  override readonly name = 'EmulatorAdminError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
