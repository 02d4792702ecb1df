// What WeChat pushes to an open platform, signed and encrypted as it does:
// - to the 授权事件接收URL, system events (component_verify_ticket every 10 minutes, authorized,
//   updateauthorized, unauthorized) as XML `<xml><AppId>component AppID</AppId><Encrypt>…</Encrypt></xml>`,
//   query `signature, timestamp, nonce, encrypt_type=aes, msg_signature`, encrypted with the platform's
//   Token and EncodingAESKey, receiveId = the component AppID
//   (doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/component_verify_ticket.html,
//   .../Before_Develop/authorize_event.html; the same envelope in wechatpy `component.py` (ComponentVerifyTicketMessage),
//   EasyWeChat `OpenPlatform/Server.php`, WxJava `WxOpenXmlMessage`; a public capture of real pushes shows the
//   query `signature, timestamp, nonce, encrypt_type=aes, msg_signature` and AuthorizationCodeExpiredTime =
//   CreateTime + 3600 for `authorized`, and `openid` added to the query of the accounts' message pushes);
// - to the 消息与事件接收URL with `$APPID$` replaced, the customers' messages of each authorized account,
//   always encrypted (secure mode) and XML ("目前第三方平台消息推送数据格式只允许为XML", wechat-protocol.md §2.1),
//   with the platform's Token and key and receiveId = the component AppID.
// The real WeChat waits 5 s for an answer and expects `success`.
import { randomBytes, randomInt } from 'node:crypto';
import { encryptMessage, parseAesKey } from '../wechat/inbound/crypto';
import { msgSignature, urlSignature } from '../wechat/inbound/signature';
import { type PushTarget, withQuery } from '../wechat/push-client/build-push';
import type { EmulatedApp } from './apps';
import type { OpenPlatformConfig } from './open-platform-config';
import { TICKET_INTERVAL_MS } from './open-platform';
import { pushTargetOf } from './push-delivery';
import type { EmulatorState } from './state';

const PUSH_TIMEOUT_MS = 5_000;

export type InfoType = 'component_verify_ticket' | 'authorized' | 'updateauthorized' | 'unauthorized';

export interface SystemPushResult {
  infoType: InfoType;
  delivered: boolean;
  status?: number;
  /** The server's answer body (WeChat expects `success`), at most 200 characters. */
  answer?: string;
  error?: string;
}

function cdata(v: string): string {
  return `<![CDATA[${v.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** The plaintext event: AppId, CreateTime, InfoType, then the event's own fields in order. */
export function systemEventXml(
  componentAppId: string,
  createTime: number,
  infoType: InfoType,
  fields: Record<string, string | number>,
): string {
  const parts = Object.entries(fields).map(([k, v]) => (typeof v === 'number' ? `<${k}>${v}</${k}>` : `<${k}>${cdata(v)}</${k}>`));
  return `<xml><AppId>${cdata(componentAppId)}</AppId><CreateTime>${createTime}</CreateTime><InfoType>${cdata(infoType)}</InfoType>${parts.join('')}</xml>`;
}

export function buildSystemPush(config: OpenPlatformConfig, plaintext: string): { url: string; body: string } {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomInt(100_000_000, 2_000_000_000));
  const encrypt = encryptMessage(parseAesKey(config.encodingAesKey), plaintext, config.componentAppId, randomBytes(16));
  const query = {
    signature: urlSignature(config.token, timestamp, nonce),
    timestamp,
    nonce,
    encrypt_type: 'aes',
    msg_signature: msgSignature(config.token, timestamp, nonce, encrypt),
  };
  const body = `<xml><AppId>${cdata(config.componentAppId)}</AppId><Encrypt>${cdata(encrypt)}</Encrypt></xml>`;
  return { url: withQuery(config.authEventUrl, query), body };
}

/** Pushes one system event to the 授权事件接收URL and records what the server answered. */
export async function pushSystemEvent(
  state: EmulatorState,
  infoType: InfoType,
  fields: Record<string, string | number>,
): Promise<SystemPushResult> {
  const config = state.openPlatform.config;
  if (!config) return { infoType, delivered: false, error: 'no open platform is registered' };
  const now = state.clock.now();
  const push = buildSystemPush(config, systemEventXml(config.componentAppId, Math.floor(now / 1000), infoType, fields));
  // The ticket and the authorization code are credentials: the record names the event, never them.
  const { ComponentVerifyTicket: _ticket, AuthorizationCode: _code, ...summary } = fields;
  let result: SystemPushResult;
  try {
    const res = await fetch(push.url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body: push.body,
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    result = { infoType, delivered: true, status: res.status, answer: (await res.text()).slice(0, 200) };
  } catch (err) {
    result = { infoType, delivered: false, error: `push failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  state.recorder.add({ type: 'component_push', at: now, appId: config.componentAppId, fields: summary, ...result });
  return result;
}

/** A fresh ticket, pushed now; the next one is due 10 minutes of the emulator's clock later. */
export function pushTicket(state: EmulatorState): Promise<SystemPushResult> {
  const now = state.clock.now();
  const ticket = state.openPlatform.issueTicket(now);
  state.openPlatform.nextTicketAt = now + TICKET_INTERVAL_MS;
  return pushSystemEvent(state, 'component_verify_ticket', { ComponentVerifyTicket: ticket });
}

/**
 * Pushes a ticket when one is due on the emulator's clock. A clock that jumped hours at once gets one push
 * (the newest ticket), not one per missed 10 minutes: only the newest matters to the server.
 */
export async function pushDueTicket(state: EmulatorState): Promise<SystemPushResult | undefined> {
  const { config, nextTicketAt } = state.openPlatform;
  const now = state.clock.now();
  if (!config || nextTicketAt === undefined || now < nextTicketAt) return undefined;
  // WeChat down (an injected outage) pushes nothing; the push comes when it is back.
  if (state.faults.unreachable(now)) return undefined;
  return pushTicket(state);
}

/** Watches the clock (real time passes, or an admin call moves it) every `pollMs`; returns the stop function. */
export function scheduleTickets(state: EmulatorState, onError: (err: unknown) => void, pollMs = 200): () => void {
  const timer = setInterval(() => {
    pushDueTicket(state).catch(onError);
  }, pollMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Where a customer's message of `app` goes: an account authorized to the platform pushes to the platform's
 * message URL (its own push settings no longer apply); any other app to its own push URL.
 */
export function pushTargetFor(state: EmulatorState, app: EmulatedApp): PushTarget | string {
  const config = state.openPlatform.config;
  if (!config || !state.openPlatform.authorizationOf(app.appId)) return pushTargetOf(app);
  return {
    url: config.messageUrl.replaceAll('$APPID$', app.appId),
    token: config.token,
    // The receiveId inside the ciphertext: the component AppID, not the account's.
    appId: config.componentAppId,
    originalId: app.originalId,
    encodingAesKey: config.encodingAesKey,
    mode: 'secure',
    format: 'xml',
  };
}
