// The open platform's authorization events (授权事件接收URL, shared/docs/wechat-protocol.md §9):
// component_verify_ticket every 10 minutes, and authorized / updateauthorized / unauthorized. WeChat sends
// them encrypted only, as XML `<xml><AppId>…</AppId><Encrypt>…</Encrypt></xml>`, signed with the platform's
// Token and encrypted with its key, receiveId = the component AppID. Nothing is read before msg_signature
// has been checked; a push for another platform (outer AppId, receiveId or inner AppId) is refused.
import type { RawRecord } from '../../core/inbound-message';
import { decryptMessage, parseAesKey } from './crypto';
import { encryptFieldOf, readXml, textField } from './envelope';
import { BadSignatureError, MalformedBodyError, MissingParameterError, ModeMismatchError, WrongAppIdError } from './errors';
import { type PushQuery, queryParam, requiredParam } from './receive-push';
import { msgSignature, signaturesEqual } from './signature';

export interface PlatformPushSecrets {
  componentAppId: string;
  token: string;
  encodingAesKey: string;
}

export type PlatformEvent =
  /** `pushedAt`: the push's signed timestamp (epoch ms). */
  | { infoType: 'component_verify_ticket'; ticket: string; pushedAt: number }
  | {
      infoType: 'authorized' | 'updateauthorized';
      authorizerAppId: string;
      authorizationCode: string;
      preAuthCode?: string;
    }
  | { infoType: 'unauthorized'; authorizerAppId: string }
  /** An InfoType we do not act on (notify_third_fasteregister, …): acknowledged, nothing kept. */
  | { infoType: 'other'; name: string };

function required(record: RawRecord, key: string): string {
  const value = textField(record, key);
  if (value === undefined || value === '') throw new MalformedBodyError(`no ${key}`);
  return value;
}

function eventOf(record: RawRecord, pushedAt: number): PlatformEvent {
  const infoType = required(record, 'InfoType');
  switch (infoType) {
    case 'component_verify_ticket':
      return { infoType, ticket: required(record, 'ComponentVerifyTicket'), pushedAt };
    case 'authorized':
    case 'updateauthorized': {
      const preAuthCode = textField(record, 'PreAuthCode');
      return {
        infoType,
        authorizerAppId: required(record, 'AuthorizerAppid'),
        authorizationCode: required(record, 'AuthorizationCode'),
        ...(preAuthCode !== undefined && preAuthCode !== '' && { preAuthCode }),
      };
    }
    case 'unauthorized':
      return { infoType, authorizerAppId: required(record, 'AuthorizerAppid') };
    default:
      return { infoType: 'other', name: infoType };
  }
}

/** The signed, decrypted record of a push to one of the platform's URLs (events or an authorizer's messages). */
export function openPlatformPush(
  secrets: PlatformPushSecrets,
  query: PushQuery,
  body: string,
): { plaintext: string; nonce: string; timestamp: string } {
  const encryptType = queryParam(query, 'encrypt_type');
  if (query.encrypt_type !== undefined && encryptType !== 'aes')
    throw new ModeMismatchError('the open platform only sends encrypted pushes');
  const signature = requiredParam(query, 'msg_signature');
  const timestamp = requiredParam(query, 'timestamp');
  const nonce = requiredParam(query, 'nonce');
  const encrypt = encryptFieldOf(body, 'xml');
  if (encrypt === undefined || encrypt === '') throw new MalformedBodyError('no Encrypt field');
  if (!signaturesEqual(msgSignature(secrets.token, timestamp, nonce, encrypt), signature)) {
    throw new BadSignatureError('msg_signature mismatch');
  }
  return { plaintext: decryptMessage(parseAesKey(secrets.encodingAesKey), encrypt, secrets.componentAppId), nonce, timestamp };
}

/** Verifies, decrypts and reads one authorization event. */
export function receivePlatformEvent(secrets: PlatformPushSecrets, query: PushQuery, body: string): PlatformEvent {
  const outer = readXml(body);
  const outerAppId = textField(outer, 'AppId');
  // Checked again after the signature, inside: the outer one only lets a stray push be refused early.
  if (outerAppId !== undefined && outerAppId !== secrets.componentAppId) throw new WrongAppIdError('push for another platform');
  const opened = openPlatformPush(secrets, query, body);
  const record = readXml(opened.plaintext);
  if (textField(record, 'AppId') !== secrets.componentAppId) throw new WrongAppIdError('event for another platform');
  const seconds = /^\d{1,12}$/.test(opened.timestamp) ? Number(opened.timestamp) : Number.NaN;
  if (!Number.isFinite(seconds)) throw new MissingParameterError('timestamp');
  return eventOf(record, seconds * 1000);
}
