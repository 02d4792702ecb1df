// The recommended way to a UnionID in the session-from: the mini program sends its wx.login code to
// our server, which resolves it with WeChat (jscode2session), records that UnionID as the customer's
// verified one, and answers it encrypted with the channel's key and bound to this openid (a `b1.`
// token another customer cannot replay). Pass `unionId` to the button's `union-id`; no key ships in
// the mini program. What the session-from carries stays a claim; the server trusts its own exchange.
import { login, postJson } from './platform';

export interface CustomerIdentityOptions {
  /** The kefu server's base URL, e.g. https://kefu.example.com (must be a request domain of the mini program). */
  serverUrl: string;
  /** The channel id of this mini program on the server. */
  channelId: string;
}

export interface CustomerIdentity {
  openid: string;
  /** Encrypted with the channel's UnionID key and bound to `openid`; null when WeChat has no UnionID for this user. */
  unionId: string | null;
}

type Answer = Partial<CustomerIdentity> & { code?: string };

async function exchange(url: string): Promise<{ status: number; data: Answer }> {
  return postJson<Answer>(url, { code: await login() });
}

export async function fetchCustomerIdentity(options: CustomerIdentityOptions): Promise<CustomerIdentity> {
  const url = `${options.serverUrl.replace(/\/+$/, '')}/kit/channels/${encodeURIComponent(options.channelId)}/session`;
  let answer = await exchange(url);
  // A code is single-use and short-lived; one fresh wx.login covers a code consumed by a double tap.
  if (answer.status === 400 && answer.data?.code === 'invalid_code') answer = await exchange(url);
  const { status, data } = answer;
  if (status !== 200 || typeof data?.openid !== 'string' || !(typeof data.unionId === 'string' || data.unionId === null)) {
    throw new Error(`kefu server answered HTTP ${status}${data?.code ? ` (${data.code})` : ''}`);
  }
  return { openid: data.openid, unionId: data.unionId };
}
