// Tests' builder of an authorization event as WeChat sends it to the platform: XML `<AppId>` + `<Encrypt>`,
// encrypted with the platform's key for receiveId = the component AppID, signed with its Token.
import { randomBytes } from 'node:crypto';
import { encryptMessage, parseAesKey } from '../crypto';
import { msgSignature } from '../signature';
import type { PlatformPushSecrets } from '../component-events';

export interface BuiltPlatformPush {
  query: Record<string, string>;
  body: string;
}

/** `receiveId` defaults to the component AppID; pass another to forge a push for a foreign platform. */
export function platformPush(
  secrets: PlatformPushSecrets,
  plaintext: string,
  opts: { receiveId?: string; outerAppId?: string; timestamp?: string; nonce?: string } = {},
): BuiltPlatformPush {
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? '1320562132';
  const encrypt = encryptMessage(parseAesKey(secrets.encodingAesKey), plaintext, opts.receiveId ?? secrets.componentAppId, randomBytes(16));
  const body = `<xml><AppId><![CDATA[${opts.outerAppId ?? secrets.componentAppId}]]></AppId><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
  const query = { timestamp, nonce, encrypt_type: 'aes', msg_signature: msgSignature(secrets.token, timestamp, nonce, encrypt) };
  return { query, body };
}

export const ticketEvent = (componentAppId: string, ticket: string, createTime = 1504073875) =>
  `<xml><AppId><![CDATA[${componentAppId}]]></AppId><CreateTime>${createTime}</CreateTime><InfoType><![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[${ticket}]]></ComponentVerifyTicket></xml>`;

export const authorizedEvent = (componentAppId: string, appId: string, code: string, infoType = 'authorized') =>
  `<xml><AppId><![CDATA[${componentAppId}]]></AppId><CreateTime>1413192605</CreateTime><InfoType><![CDATA[${infoType}]]></InfoType><AuthorizerAppid><![CDATA[${appId}]]></AuthorizerAppid><AuthorizationCode><![CDATA[${code}]]></AuthorizationCode><AuthorizationCodeExpiredTime>1413196205</AuthorizationCodeExpiredTime><PreAuthCode><![CDATA[preauthcode@@@x]]></PreAuthCode></xml>`;

export const unauthorizedEvent = (componentAppId: string, appId: string) =>
  `<xml><AppId><![CDATA[${componentAppId}]]></AppId><CreateTime>1413192760</CreateTime><InfoType><![CDATA[unauthorized]]></InfoType><AuthorizerAppid><![CDATA[${appId}]]></AuthorizerAppid></xml>`;
