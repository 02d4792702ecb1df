// How the emulator's customer half reaches an app's server: through the push library, which signs
// and encrypts exactly as WeChat does (message-push.html). Injectable so a test can observe pushes.
import type { InboundMessage } from '../core/inbound-message';
import { readReply, sendPush, type PushResponse, type PushTarget } from '../wechat/push-client/index';
import type { EmulatedApp } from './apps';

export type PushDeliverer = (target: PushTarget, message: InboundMessage) => Promise<PushResponse>;

export const defaultDeliverer: PushDeliverer = (target, message) => sendPush(target, message);

/** The push settings of an app, or why it cannot be pushed to. */
export function pushTargetOf(app: EmulatedApp): PushTarget | string {
  if (app.pushUrl === undefined || app.token === undefined) return 'the app has no pushUrl and token';
  return {
    url: app.pushUrl,
    token: app.token,
    appId: app.appId,
    originalId: app.originalId,
    ...(app.encodingAesKey !== undefined && { encodingAesKey: app.encodingAesKey }),
    mode: app.mode,
    format: app.format,
  };
}

/** What the server answered, as WeChat reads it: an acknowledgement, a passive reply, or garbage. */
export function describeAnswer(target: PushTarget, res: PushResponse): string {
  if (res.status !== 200) return `HTTP ${res.status}`;
  try {
    const reply = readReply(target, res.body);
    if (reply.kind === 'ack') return 'success';
    if (reply.encrypted && !reply.signatureValid) return 'reply with a bad MsgSignature';
    return `reply: ${reply.plaintext}`;
  } catch {
    // WeChat shows the user "该小程序客服暂时无法提供服务" for an answer it cannot read.
    return 'unreadable reply';
  }
}
