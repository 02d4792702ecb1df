// Reading what our endpoint answered to a push, as WeChat would: `success`/empty, or a passive reply
// (decrypted and its MsgSignature checked when encrypted).
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html
import type { RawRecord } from '../../core/inbound-message';
import { decryptMessage, parseAesKey } from '../inbound/crypto';
import { readEnvelope, textField } from '../inbound/envelope';
import { msgSignature, signaturesEqual } from '../inbound/signature';
import type { PushTarget } from './build-push';

export type ReadReply =
  | { kind: 'ack' }
  | {
      kind: 'reply';
      /** The reply's fields (ToUserName, FromUserName, CreateTime, MsgType, …), all as text. */
      record: RawRecord;
      /** The reply as WeChat would read it, after decryption. */
      plaintext: string;
      encrypted: boolean;
      /** For encrypted replies: MsgSignature matched SHA1(token, TimeStamp, Nonce, Encrypt). */
      signatureValid: boolean;
    };

/** Throws the inbound typed errors (MalformedBodyError, DecryptError…) when the reply cannot be read. */
export function readReply(target: Pick<PushTarget, 'token' | 'appId' | 'encodingAesKey' | 'format'>, body: string): ReadReply {
  if (body === '' || body === 'success') return { kind: 'ack' };
  const outer = readEnvelope(body, target.format);
  const encrypt = textField(outer, 'Encrypt');
  if (encrypt === undefined) return { kind: 'reply', record: outer, plaintext: body, encrypted: false, signatureValid: false };
  const expected = msgSignature(target.token, textField(outer, 'TimeStamp') ?? '', textField(outer, 'Nonce') ?? '', encrypt);
  const signatureValid = signaturesEqual(expected, textField(outer, 'MsgSignature') ?? '');
  const plaintext = decryptMessage(parseAesKey(target.encodingAesKey), encrypt, target.appId);
  return { kind: 'reply', record: readEnvelope(plaintext, target.format), plaintext, encrypted: true, signatureValid };
}
