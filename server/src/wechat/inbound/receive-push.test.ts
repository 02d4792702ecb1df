import type { ChannelConfig } from '../../core/channel';
import {
  BadKeyError,
  BadSignatureError,
  DecryptError,
  MalformedBodyError,
  MissingParameterError,
  ModeMismatchError,
  StaleTimestampError,
  WrongAppIdError,
} from './errors';
import { PLAINTEXT_JSON_PUSH, SECURE_JSON_PUSH as S, URL_VERIFICATION } from './official-vectors';
import { checkUrlSignature, receivePush } from './receive-push';

const secure: ChannelConfig = {
  id: 'demo',
  kind: 'miniprogram',
  appId: S.appId,
  originalId: S.originalId,
  token: S.token,
  encodingAesKey: S.encodingAesKey,
  mode: 'secure',
  format: 'json',
};
const query = {
  signature: S.signature,
  timestamp: S.timestamp,
  nonce: S.nonce,
  openid: S.openid,
  encrypt_type: 'aes',
  msg_signature: S.msgSignature,
};
const jsonBody = `{"ToUserName":"${S.originalId}","Encrypt":"${S.encrypt}"}`;
const xmlBody = `<xml><ToUserName><![CDATA[${S.originalId}]]></ToUserName><Encrypt><![CDATA[${S.encrypt}]]></Encrypt></xml>`;
/** A plaintext body under the secure vector's `signature` (which covers only Token, timestamp and nonce). */
const PLAINTEXT_DEBUG_BODY =
  '{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo"}';
const debugDemo = {
  type: 'unknown',
  msgType: 'event',
  event: 'debug_demo',
  raw: {
    ToUserName: 'gh_97417a04a28d',
    FromUserName: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
    CreateTime: '1714112445',
    MsgType: 'event',
    Event: 'debug_demo',
    debug_str: 'hello world',
  },
};

describe('receivePush: the official secure-mode push', () => {
  it('verifies and decrypts the JSON push', () => {
    expect(receivePush(secure, query, jsonBody)).toEqual({ message: debugDemo, encrypted: true, nonce: S.nonce, secrets: secure });
  });
  it('accepts the same Encrypt in an XML envelope on an XML channel (the plaintext inside is JSON, so it is malformed there)', () => {
    expect(() => receivePush({ ...secure, format: 'xml' }, query, xmlBody)).toThrow(MalformedBodyError);
  });
  it('accepts it on a compatible channel', () => {
    expect(receivePush({ ...secure, mode: 'compatible' }, query, jsonBody).message).toEqual(debugDemo);
  });
  it('rejects a tampered Encrypt before decrypting', () => {
    expect(() => receivePush(secure, query, jsonBody.replace(S.encrypt.slice(0, 8), 'AAAAAAAA'))).toThrow(BadSignatureError);
  });
  it('rejects a wrong msg_signature and never falls back to `signature`', () => {
    expect(() => receivePush(secure, { ...query, msg_signature: S.signature }, jsonBody)).toThrow(BadSignatureError);
    const { msg_signature: _m, ...withoutMsgSignature } = query;
    expect(() => receivePush(secure, withoutMsgSignature, jsonBody)).toThrow(MissingParameterError);
  });
  it('rejects the push for another AppID', () => {
    expect(() => receivePush({ ...secure, appId: 'wx_other_app' }, query, jsonBody)).toThrow(WrongAppIdError);
  });
  it('reports a broken channel key as BadKeyError', () => {
    expect(() => receivePush({ ...secure, encodingAesKey: 'short' }, query, jsonBody)).toThrow(BadKeyError);
  });
  it('a key for another channel fails as one opaque DecryptError', () => {
    expect(() => receivePush({ ...secure, encodingAesKey: 'B'.repeat(43) }, query, jsonBody)).toThrow(DecryptError);
  });
  it('refuses a body without Encrypt', () => {
    expect(() => receivePush(secure, query, `{"ToUserName":"${S.originalId}"}`)).toThrow(MalformedBodyError);
  });
  it('refuses a plaintext push on a secure or compatible channel (downgrade)', () => {
    const { encrypt_type: _e, msg_signature: _m, ...plainQuery } = query;
    expect(() => receivePush(secure, plainQuery, S.plaintext)).toThrow(ModeMismatchError);
    expect(() => receivePush({ ...secure, mode: 'compatible' }, plainQuery, S.plaintext)).toThrow(ModeMismatchError);
    expect(() => receivePush(secure, { ...plainQuery, encrypt_type: 'raw' }, S.plaintext)).toThrow(ModeMismatchError);
    expect(() => receivePush(secure, { ...query, encrypt_type: 'des' }, jsonBody)).toThrow(ModeMismatchError);
  });
  it('refuses repeated query parameters', () => {
    expect(() => receivePush(secure, { ...query, timestamp: [S.timestamp, S.timestamp] }, jsonBody)).toThrow(MissingParameterError);
  });
  it('applies the optional replay window after the signature', () => {
    const now = Number(S.timestamp);
    expect(receivePush(secure, query, jsonBody, { nowSeconds: now + 300, maxSkewSeconds: 300 }).message).toEqual(debugDemo);
    expect(() => receivePush(secure, query, jsonBody, { nowSeconds: now + 301, maxSkewSeconds: 300 })).toThrow(StaleTimestampError);
  });
});

describe('receivePush: the official plaintext push', () => {
  const plain: ChannelConfig = { ...secure, mode: 'plaintext' };
  const q = { signature: PLAINTEXT_JSON_PUSH.signature, timestamp: PLAINTEXT_JSON_PUSH.timestamp, nonce: PLAINTEXT_JSON_PUSH.nonce };
  it('verifies `signature` and parses the body', () => {
    const r = receivePush(plain, q, PLAINTEXT_JSON_PUSH.body);
    expect(r.encrypted).toBe(false);
    expect(r.message).toMatchObject({ type: 'unknown', event: 'debug_demo' });
  });
  it('rejects a wrong signature, and an encrypted push on a plaintext channel without any EncodingAESKey', () => {
    expect(() => receivePush(plain, { ...q, nonce: '1' }, PLAINTEXT_JSON_PUSH.body)).toThrow(BadSignatureError);
    const { encodingAesKey: _k, ...keyless } = plain;
    expect(() => receivePush(keyless, query, jsonBody)).toThrow(ModeMismatchError);
  });
  it('decides per request: a plaintext channel that holds an EncodingAESKey opens an encrypted push (WeChat switched first)', () => {
    expect(receivePush(plain, query, jsonBody).encrypted).toBe(true);
  });
});

describe('checkUrlSignature (URL verification example)', () => {
  const channel: ChannelConfig = { ...secure, token: URL_VERIFICATION.token };
  const v = URL_VERIFICATION;
  it('accepts the official example', () => {
    expect(checkUrlSignature(channel, { signature: v.signature, timestamp: v.timestamp, nonce: v.nonce, echostr: v.echostr })).toEqual({
      timestamp: v.timestamp,
      nonce: v.nonce,
      secrets: channel,
    });
  });
  it.each(['signature', 'timestamp', 'nonce'])('requires %s', (name) => {
    const q: Record<string, string> = { signature: v.signature, timestamp: v.timestamp, nonce: v.nonce };
    delete q[name];
    expect(() => checkUrlSignature(channel, q)).toThrow(MissingParameterError);
  });
  it('rejects another token', () => {
    expect(() =>
      checkUrlSignature({ ...channel, token: 'BBBBB' }, { signature: v.signature, timestamp: v.timestamp, nonce: v.nonce }),
    ).toThrow(BadSignatureError);
  });
});

describe('receivePush during a change: the previous settings within their grace period', () => {
  const NOW = Number(S.timestamp) * 1000;
  // The official vectors are signed with Token AAAAA and key A…A: here they are the previous values.
  const rotated: ChannelConfig = {
    ...secure,
    token: 'BBBBB',
    encodingAesKey: 'B'.repeat(43),
    previous: { token: S.token, encodingAesKey: S.encodingAesKey, mode: 'secure', until: NOW + 1000 },
  };
  const plainQuery = { signature: S.signature, timestamp: S.timestamp, nonce: S.nonce, openid: S.openid };

  it('opens a push signed and encrypted with the previous Token and key, and says which secrets opened it', () => {
    const push = receivePush(rotated, query, jsonBody, undefined, NOW);
    expect(push.message).toEqual(debugDemo);
    expect(push.secrets).toEqual({ token: S.token, encodingAesKey: S.encodingAesKey, mode: 'secure', until: NOW + 1000 });
  });
  it('tries the previous key when only the key changed (the Token signs for both)', () => {
    const keyOnly: ChannelConfig = { ...rotated, token: S.token };
    expect(receivePush(keyOnly, query, jsonBody, undefined, NOW).secrets.encodingAesKey).toBe(S.encodingAesKey);
  });
  it('refuses them once the grace period is over, or without a time', () => {
    expect(() => receivePush(rotated, query, jsonBody, undefined, NOW + 1000)).toThrow(BadSignatureError);
    expect(() => receivePush(rotated, query, jsonBody)).toThrow(BadSignatureError);
  });
  it('verifies the URL with the previous Token within grace only', () => {
    const v = URL_VERIFICATION;
    const q = { signature: v.signature, timestamp: v.timestamp, nonce: v.nonce };
    expect(checkUrlSignature(rotated, q, undefined, NOW).secrets.token).toBe(v.token);
    expect(() => checkUrlSignature(rotated, q, undefined, NOW + 1000)).toThrow(BadSignatureError);
  });
  it('takes a plaintext push on a secure channel only while the previous mode, within grace, was plaintext', () => {
    const fromPlaintext: ChannelConfig = { ...secure, previous: { token: S.token, mode: 'plaintext', until: NOW + 1000 } };
    expect(receivePush(fromPlaintext, plainQuery, PLAINTEXT_DEBUG_BODY, undefined, NOW).encrypted).toBe(false);
    expect(() => receivePush(fromPlaintext, plainQuery, PLAINTEXT_DEBUG_BODY, undefined, NOW + 1000)).toThrow(ModeMismatchError);
    expect(() => receivePush(rotated, plainQuery, PLAINTEXT_DEBUG_BODY, undefined, NOW)).toThrow(ModeMismatchError);
    expect(() => receivePush({ ...fromPlaintext, mode: 'compatible' }, plainQuery, PLAINTEXT_DEBUG_BODY, undefined, NOW + 1)).not.toThrow();
  });
});
