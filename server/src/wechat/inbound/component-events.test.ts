// The authorization events of the open platform: known answers, and every bad input refused.
import { decryptMessage, parseAesKey } from './crypto';
import { receivePlatformEvent } from './component-events';
import { BadSignatureError, DecryptError, MalformedBodyError, MissingParameterError, ModeMismatchError, WrongAppIdError } from './errors';
import { AUTHORIZED_EVENT, TICKET_PUSH, UNAUTHORIZED_EVENT } from './open-platform-vectors';
import { msgSignature } from './signature';
import { platformPush } from './testing/platform-push';

const ticketSecrets = { componentAppId: TICKET_PUSH.componentAppId, token: TICKET_PUSH.token, encodingAesKey: TICKET_PUSH.encodingAesKey };
const ticketBody = `<xml>\n    <AppId><![CDATA[${TICKET_PUSH.componentAppId}]]></AppId>\n    <Encrypt><![CDATA[${TICKET_PUSH.encrypt}]]></Encrypt>\n</xml>`;
const ticketQuery = {
  signature: 'unused-by-encrypted-pushes',
  timestamp: '1504073875',
  nonce: '1320562132',
  encrypt_type: 'aes',
  msg_signature: msgSignature(TICKET_PUSH.token, '1504073875', '1320562132', TICKET_PUSH.encrypt),
};
const secrets = { componentAppId: AUTHORIZED_EVENT.componentAppId, token: 'platformtoken', encodingAesKey: 'k'.repeat(43) };

describe('receivePlatformEvent: component_verify_ticket (a published real push)', () => {
  it('decrypts to the known plaintext for the component AppID', () => {
    const plaintext = decryptMessage(parseAesKey(TICKET_PUSH.encodingAesKey), TICKET_PUSH.encrypt, TICKET_PUSH.componentAppId);
    expect(plaintext).toContain('<InfoType><![CDATA[component_verify_ticket]]></InfoType>');
    expect(plaintext).toContain(TICKET_PUSH.ticket);
  });

  it('reads the ticket', () => {
    expect(receivePlatformEvent(ticketSecrets, ticketQuery, ticketBody)).toEqual({
      infoType: 'component_verify_ticket',
      ticket: TICKET_PUSH.ticket,
      pushedAt: 1504073875_000,
    });
  });

  it('refuses it for another component AppID (receiveId), before reading anything', () => {
    const foreign = { ...ticketSecrets, componentAppId: 'wx0000000000000000' };
    expect(() =>
      receivePlatformEvent(foreign, ticketQuery, ticketBody.replace(TICKET_PUSH.componentAppId, foreign.componentAppId)),
    ).toThrow(WrongAppIdError);
    expect(() => receivePlatformEvent(foreign, ticketQuery, ticketBody)).toThrow(WrongAppIdError);
  });

  it('refuses a wrong msg_signature, a missing one, and a plaintext push', () => {
    expect(() => receivePlatformEvent(ticketSecrets, { ...ticketQuery, msg_signature: 'f'.repeat(40) }, ticketBody)).toThrow(
      BadSignatureError,
    );
    const { msg_signature: _none, ...unsigned } = ticketQuery;
    expect(() => receivePlatformEvent(ticketSecrets, unsigned, ticketBody)).toThrow(MissingParameterError);
    expect(() => receivePlatformEvent(ticketSecrets, { ...ticketQuery, encrypt_type: 'raw' }, ticketBody)).toThrow(ModeMismatchError);
  });

  it('refuses the right signature over the wrong key', () => {
    expect(() => receivePlatformEvent({ ...ticketSecrets, encodingAesKey: 'A'.repeat(43) }, ticketQuery, ticketBody)).toThrow(DecryptError);
  });
});

describe('receivePlatformEvent: authorized and unauthorized (WeChat’s documented events)', () => {
  it('reads authorized with its code', () => {
    const push = platformPush(secrets, AUTHORIZED_EVENT.plaintext);
    expect(receivePlatformEvent(secrets, push.query, push.body)).toEqual({
      infoType: 'authorized',
      authorizerAppId: AUTHORIZED_EVENT.authorizerAppId,
      authorizationCode: AUTHORIZED_EVENT.authorizationCode,
      preAuthCode: 'preauthcode@@@ZI5e0Kg6',
    });
  });

  it('reads updateauthorized as a change of the same authorization', () => {
    const push = platformPush(secrets, AUTHORIZED_EVENT.plaintext.replace('[authorized]', '[updateauthorized]'));
    expect(receivePlatformEvent(secrets, push.query, push.body)).toMatchObject({ infoType: 'updateauthorized' });
  });

  it('reads unauthorized', () => {
    const push = platformPush(secrets, UNAUTHORIZED_EVENT.plaintext);
    expect(receivePlatformEvent(secrets, push.query, push.body)).toEqual({
      infoType: 'unauthorized',
      authorizerAppId: UNAUTHORIZED_EVENT.authorizerAppId,
    });
  });

  it('refuses an event whose inner AppId is another platform, even correctly sealed for ours', () => {
    const push = platformPush(secrets, UNAUTHORIZED_EVENT.plaintext.replace(UNAUTHORIZED_EVENT.componentAppId, 'wxforeign00000000'));
    expect(() => receivePlatformEvent(secrets, push.query, push.body)).toThrow(WrongAppIdError);
  });

  it('refuses an event sealed for another receiveId', () => {
    const push = platformPush(secrets, UNAUTHORIZED_EVENT.plaintext, { receiveId: 'wxforeign00000000' });
    expect(() => receivePlatformEvent(secrets, push.query, push.body)).toThrow(WrongAppIdError);
  });

  it('refuses an event without its AuthorizerAppid, and a body without Encrypt', () => {
    const push = platformPush(secrets, UNAUTHORIZED_EVENT.plaintext.replace(/<AuthorizerAppid>.*<\/AuthorizerAppid>/, ''));
    expect(() => receivePlatformEvent(secrets, push.query, push.body)).toThrow(MalformedBodyError);
    expect(() => receivePlatformEvent(secrets, push.query, `<xml><AppId><![CDATA[${secrets.componentAppId}]]></AppId></xml>`)).toThrow(
      MalformedBodyError,
    );
  });

  it('acknowledges an InfoType it does not act on', () => {
    const push = platformPush(secrets, UNAUTHORIZED_EVENT.plaintext.replace('[unauthorized]', '[notify_third_fasteregister]'));
    expect(receivePlatformEvent(secrets, push.query, push.body)).toEqual({ infoType: 'other', name: 'notify_third_fasteregister' });
  });
});
