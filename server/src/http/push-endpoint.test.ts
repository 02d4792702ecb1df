// The push endpoint over real HTTP (port 0), driven by our push client playing WeChat.
import type { ChannelConfig, PushFormat, PushMode } from '../core/channel';
import type { InboundType } from '../core/inbound-message';
import {
  ALL_TYPES,
  buildPush,
  exampleMessage,
  readReply,
  sendBuiltPush,
  sendPush,
  verifyUrl,
  type PushTarget,
} from '../wechat/push-client/index';
import { SECURE_JSON_PUSH as S, URL_VERIFICATION } from '../wechat/inbound/official-vectors';
import { type Harness, startHarness } from './testing/harness';

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const MODES: PushMode[] = ['plaintext', 'compatible', 'secure'];
const FORMATS: PushFormat[] = ['xml', 'json'];

function channelFor(kind: ChannelConfig['kind'], mode: PushMode, format: PushFormat): ChannelConfig {
  return {
    id: `${kind}-${mode}-${format}`,
    kind,
    appId: 'wx52f1b2c0e1d2a3b4',
    originalId: 'gh_1234567890ab',
    token: 'tok3n',
    encodingAesKey: KEY,
    mode,
    format,
  };
}
const channels = (['miniprogram', 'official_account'] as const).flatMap((k) =>
  MODES.flatMap((m) => FORMATS.map((f) => channelFor(k, m, f))),
);
const official: ChannelConfig = {
  id: 'official',
  kind: 'miniprogram',
  appId: S.appId,
  originalId: S.originalId,
  token: S.token,
  encodingAesKey: S.encodingAesKey,
  mode: 'secure',
  format: 'json',
};
const verification: ChannelConfig = { ...official, id: 'verify', token: URL_VERIFICATION.token };

let h: Harness;
beforeAll(async () => {
  h = await startHarness([...channels, official, verification]);
});
afterAll(() => h.close());
beforeEach(() => {
  h.pushes.length = 0;
  h.respond = async () => undefined;
});

function targetOf(c: ChannelConfig): PushTarget {
  return {
    url: `${h.baseUrl}/wechat/${c.id}`,
    token: c.token,
    appId: c.appId,
    originalId: c.originalId,
    encodingAesKey: KEY,
    mode: c.mode,
    format: c.format,
  };
}

const cases: Array<[PushMode, PushFormat, InboundType]> = MODES.flatMap((m) =>
  FORMATS.flatMap((f) => ALL_TYPES.map((t) => [m, f, t] as [PushMode, PushFormat, InboundType])),
);

describe('every mode × format × message type reaches onPush intact and is acknowledged', () => {
  it.each(cases)('%s %s %s', async (mode, format, type) => {
    const channel = channelFor(
      type === 'user_enter_tempsession' || type === 'miniprogrampage' ? 'miniprogram' : 'official_account',
      mode,
      format,
    );
    const message = exampleMessage(type, {
      openId: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
      originalId: channel.originalId,
      createTime: 1714112445,
      msgId: '23241477706429916',
      text: '0012 <b>&amp; ]]> 你好',
      sessionFrom: 'sobot|张三||{"orderId":"A1"}|partnerid=user-42|',
    });
    const response = await sendPush(targetOf(channel), message);
    expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: 'success' });
    expect(h.pushes).toHaveLength(1);
    expect(h.pushes[0]?.message).toEqual(message);
    expect(h.pushes[0]?.channel.id).toBe(channel.id);
  });
});

describe('passive replies over HTTP', () => {
  it.each(MODES)('official account text reply in %s mode (encrypted when the push was)', async (mode) => {
    const channel = channelFor('official_account', mode, 'xml');
    h.respond = async () => ({ reply: { type: 'text', content: '您好 0012' } });
    const target = targetOf(channel);
    const message = exampleMessage('text', { openId: 'oUSER', originalId: channel.originalId, createTime: 1714112445 });
    const response = await sendPush(target, message);
    expect(response.status).toBe(200);
    const reply = readReply(target, response.body);
    expect(reply).toMatchObject({
      kind: 'reply',
      encrypted: mode !== 'plaintext',
      record: { ToUserName: 'oUSER', FromUserName: channel.originalId, MsgType: 'text', Content: '您好 0012' },
    });
    if (reply.kind === 'reply' && reply.encrypted) {
      expect(reply.signatureValid).toBe(true);
      expect(response.body).toContain(`<Nonce><![CDATA[${response.request.query.nonce}]]></Nonce>`);
    }
  });
  it.each(FORMATS)('mini program transfer_customer_service in secure %s mode', async (format) => {
    const channel = channelFor('miniprogram', 'secure', format);
    h.respond = async () => ({ reply: { type: 'transfer_customer_service' } });
    const target = targetOf(channel);
    const response = await sendPush(target, exampleMessage('text', { openId: 'oUSER', originalId: channel.originalId, createTime: 1 }));
    expect(response.body.startsWith(format === 'json' ? '{"Encrypt":' : '<xml><Encrypt>')).toBe(true);
    expect(readReply(target, response.body)).toMatchObject({
      kind: 'reply',
      signatureValid: true,
      record: { MsgType: 'transfer_customer_service', ToUserName: 'oUSER' },
    });
  });
  it('a reply a mini program cannot take is a 500 (our bug), not a bad answer to WeChat', async () => {
    const channel = channelFor('miniprogram', 'plaintext', 'json');
    h.respond = async () => ({ reply: { type: 'text', content: 'x' } });
    const response = await sendPush(
      targetOf(channel),
      exampleMessage('text', { openId: 'o', originalId: channel.originalId, createTime: 1 }),
    );
    expect(response.status).toBe(500);
  });
});

describe('official examples over HTTP', () => {
  it('answers the URL verification with exactly echostr', async () => {
    const v = URL_VERIFICATION;
    const res = await fetch(
      `${h.baseUrl}/wechat/verify?signature=${v.signature}&echostr=${v.echostr}&timestamp=${v.timestamp}&nonce=${v.nonce}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(v.echostr);
  });
  it('verifyUrl (push client) succeeds against the endpoint and fails with another token', async () => {
    expect((await verifyUrl({ url: `${h.baseUrl}/wechat/verify`, token: 'AAAAA' })).ok).toBe(true);
    expect(await verifyUrl({ url: `${h.baseUrl}/wechat/verify`, token: 'BBBBB' })).toMatchObject({ ok: false, status: 401 });
  });
  it('accepts the official secure-mode JSON push', async () => {
    const q = `signature=${S.signature}&timestamp=${S.timestamp}&nonce=${S.nonce}&openid=${S.openid}&encrypt_type=aes&msg_signature=${S.msgSignature}`;
    const res = await fetch(`${h.baseUrl}/wechat/official?${q}`, {
      method: 'POST',
      body: `{"ToUserName":"${S.originalId}","Encrypt":"${S.encrypt}"}`,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('success');
    expect(h.pushes[0]?.message).toMatchObject({ type: 'unknown', event: 'debug_demo', raw: { debug_str: 'hello world' } });
  });
});

describe('failures over HTTP: each its own status, nothing reaches onPush, nothing secret is logged', () => {
  const channel = channelFor('miniprogram', 'secure', 'json');
  const good = (): ReturnType<typeof buildPush> =>
    buildPush(targetOf(channel), exampleMessage('text', { openId: 'o', originalId: channel.originalId, createTime: 1 }));
  const post = (url: string, body: NonNullable<RequestInit['body']>, init: RequestInit = {}): Promise<Response> =>
    fetch(url, { method: 'POST', body, ...init });
  const cases: Array<[string, () => Promise<Response>, number]> = [
    ['unknown channel', async () => post(good().url.replace(channel.id, 'nope'), good().body), 404],
    [
      'bad msg_signature',
      async () => {
        const p = good();
        return post(p.url.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${'0'.repeat(40)}`), p.body);
      },
      401,
    ],
    [
      'missing nonce',
      async () => {
        const p = good();
        return post(p.url.replace(/nonce=\d+/, ''), p.body);
      },
      400,
    ],
    ['malformed body', async () => post(good().url, '{"ToUserName":'), 400],
    ['body too large', async () => post(good().url, 'x'.repeat(70 * 1024)), 413],
    [
      'body too large without a length',
      async () => post(good().url, new Blob(['x'.repeat(70 * 1024)]).stream(), { duplex: 'half' } as RequestInit),
      413,
    ],
    ['not UTF-8', async () => post(good().url, new Uint8Array([0x7b, 0xff, 0x7d])), 400],
    ['PUT', async () => fetch(good().url, { method: 'PUT', body: 'x' }), 405],
    [
      'wrong AppID',
      async () => {
        const other = { ...targetOf(channel), appId: 'wx_someone_else' };
        const p = buildPush(other, exampleMessage('text', { openId: 'o', originalId: channel.originalId, createTime: 1 }));
        return post(p.url, p.body);
      },
      400,
    ],
    ['GET without echostr', async () => fetch(good().url), 400],
    ['unmatched path', async () => fetch(`${h.baseUrl}/elsewhere`), 404],
    ['malformed %-escape in the channel id', async () => post(good().url.replace(channel.id, '%E0%A4%A'), good().body), 404],
    ['no channel id', async () => post(`${h.baseUrl}/wechat/?x=1`, good().body), 404],
  ];
  it.each(cases)('%s', async (_n, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    await res.text();
    expect(h.pushes).toHaveLength(0);
  });
  it('an onPush failure is a 500 so that WeChat retries', async () => {
    h.respond = async () => {
      throw new Error('database is locked');
    };
    const p = good();
    const res = await sendBuiltPush(p);
    expect(res.status).toBe(500);
    expect(res.body).toBe('internal error');
  });
  it('decrypt failures all look the same on the wire', async () => {
    const wrongApp = buildPush(
      { ...targetOf(channel), appId: 'wx_x' },
      exampleMessage('text', { openId: 'o', originalId: channel.originalId, createTime: 1 }),
    );
    const wrongKey = buildPush(
      { ...targetOf(channel), encodingAesKey: 'Z'.repeat(43) },
      exampleMessage('text', { openId: 'o', originalId: channel.originalId, createTime: 1 }),
    );
    const a = await sendBuiltPush(wrongApp);
    const b = await sendBuiltPush(wrongKey);
    expect([a.status, a.body]).toEqual([b.status, b.body]);
  });
  it('logged each failure once, without token, key, signatures or bodies', () => {
    const all = h.logs.join('\n');
    expect(h.logs.length).toBeGreaterThan(5);
    for (const secret of [channel.token, KEY, S.encodingAesKey, S.encrypt.slice(0, 20), 'Encrypt', 'x'.repeat(50)]) {
      expect({ secret, found: all.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(all).not.toMatch(/[0-9a-f]{40}/); // no signature value
    expect(all).toContain('"code":"wrong_appid"');
  });
});
