// An authorized account, as the platform's server sees it: its customers' messages at the platform's
// message URL (encrypted with the platform's key, receiveId = component AppID), the CS APIs with the
// authorizer token, the third-party jscode2session, and the token-call log.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOpenPlatformFile } from './open-platform-config';
import { field, openPush } from './testing/open-platform-receiver';
import { MINI_PROGRAM, OFFICIAL_ACCOUNT } from './testing/test-emulator';
import { PLATFORM, startTestPlatform, type TestPlatform } from './testing/test-open-platform';

let tp: TestPlatform;
let token: string;

beforeEach(async () => {
  tp = await startTestPlatform();
  await tp.receiver.waitFor('/auth-events', 1);
  token = await tp.componentToken();
});
afterEach(() => tp.close());

const api = (name: string, body: Record<string, unknown>) =>
  tp.call(`/cgi-bin/component/${name}?component_access_token=${token}`, { component_appid: PLATFORM.componentAppId, ...body });

async function authorized(appId: string): Promise<Record<string, string>> {
  const pre = await tp.preAuthCode(token);
  const { authCode } = await tp.emu.admin<{ authCode: string }>('/open-platform/authorize', { preAuthCode: pre, authorizerAppId: appId });
  return (await api('api_query_auth', { authorization_code: authCode })).authorization_info as Record<string, string>;
}

describe('an authorized account', () => {
  it('pushes its customers’ messages to the platform’s message URL, encrypted with the platform’s key', async () => {
    const auth = await authorized(OFFICIAL_ACCOUNT.appId);
    const said = (await tp.emu.customerSays(OFFICIAL_ACCOUNT, 'oFan', 'text', { text: '你好 platform' })) as { push: unknown };
    expect(said.push).toMatchObject({ delivered: true, status: 200, answer: 'success' });
    const [push] = await tp.receiver.waitFor(`/messages/${OFFICIAL_ACCOUNT.appId}`, 1);
    if (!push) throw new Error('no message push');
    expect(push.query).toMatchObject({ encrypt_type: 'aes', openid: 'oFan' });
    expect(field(push.body, 'ToUserName')).toBe(OFFICIAL_ACCOUNT.originalId);
    expect(field(push.body, 'Content')).toBeUndefined(); // secure mode: only ToUserName and Encrypt
    const opened = openPush(push, PLATFORM.token, PLATFORM.encodingAesKey);
    expect(opened).toMatchObject({ signatureOk: true, receiveId: PLATFORM.componentAppId });
    expect(field(opened.xml, 'Content')).toBe('你好 platform');
    expect(field(opened.xml, 'FromUserName')).toBe('oFan');
    // The platform answers through the CS API with the authorizer token.
    const send = await tp.call(`/cgi-bin/message/custom/send?access_token=${auth.authorizer_access_token}`, {
      touser: 'oFan',
      msgtype: 'text',
      text: { content: 'hello' },
    });
    expect(send.errcode).toBe(0);
    expect(tp.emu.state.recorder.sentMessages(OFFICIAL_ACCOUNT.appId)).toHaveLength(1);
  });

  it('uploads media with the authorizer token of a mini program', async () => {
    const auth = await authorized(MINI_PROGRAM.appId);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const form = new FormData();
    form.append('media', new Blob([png], { type: 'image/png' }), 'a.png');
    const res = await fetch(`${tp.emu.baseUrl}/cgi-bin/media/upload?access_token=${auth.authorizer_access_token}&type=image`, {
      method: 'POST',
      body: form,
    });
    expect(await res.json()).toMatchObject({ type: 'image', media_id: expect.any(String) });
  });

  it('logs in a mini program user through sns/component/jscode2session, with WeChat’s errors', async () => {
    await authorized(MINI_PROGRAM.appId);
    const login = async (appid: string, code: string, t = token, grant = 'authorization_code') => {
      const q = new URLSearchParams({
        appid,
        js_code: code,
        grant_type: grant,
        component_appid: PLATFORM.componentAppId,
        component_access_token: t,
      });
      return (await (await fetch(`${tp.emu.baseUrl}/sns/component/jscode2session?${q}`)).json()) as Record<string, unknown>;
    };
    const { code } = await tp.emu.admin<{ code: string }>(`/apps/${MINI_PROGRAM.appId}/customers/oKit/login`);
    expect((await login(MINI_PROGRAM.appId, code, 'y'.repeat(40))).errcode).toBe(40001);
    expect((await login(MINI_PROGRAM.appId, code, token, 'client_credential')).errcode).toBe(40002);
    expect((await login(OFFICIAL_ACCOUNT.appId, code)).errcode).toBe(61003); // not authorized
    expect(await login(MINI_PROGRAM.appId, code)).toMatchObject({ openid: 'oKit', session_key: expect.any(String) });
    expect((await login(MINI_PROGRAM.appId, code)).errcode).toBe(40163);
    expect((await login(MINI_PROGRAM.appId, 'made-up')).errcode).toBe(40029);
    await authorized(OFFICIAL_ACCOUNT.appId);
    expect((await login(OFFICIAL_ACCOUNT.appId, code)).errcode).toBe(48001);
  });
});

describe('token calls per account', () => {
  it('counts a 48-hour run refreshing once per expiry, and shows any cgi-bin/token call for the account', async () => {
    const auth = await authorized(MINI_PROGRAM.appId);
    const start = tp.emu.clock.now();
    for (let hour = 0; hour < 48; hour += 2) {
      await tp.emu.admin('/clock/advance', { minutes: 110 }); // 10 minutes before expiry
      token = await tp.componentToken(); // the component token expires too, renewed with the newest ticket
      const r = await api('api_authorizer_token', {
        authorizer_appid: MINI_PROGRAM.appId,
        authorizer_refresh_token: auth.authorizer_refresh_token,
      });
      expect(r.errcode).toBeUndefined();
      await tp.emu.admin('/clock/advance', { minutes: 10 });
    }
    const calls = async (q: string) =>
      (await (await fetch(`${tp.emu.baseUrl}/emulator/token-calls?${q}`)).json()) as { counts: Record<string, number>; calls: unknown[] };
    const mp = await calls(`appId=${MINI_PROGRAM.appId}&since=${start}`);
    expect(mp.counts).toMatchObject({ 'cgi-bin/component/api_authorizer_token': 24, 'cgi-bin/token': 0, 'cgi-bin/stable_token': 0 });
    // The tickets kept coming every 10 minutes of the emulator's clock through the 48 hours.
    expect(tp.events().filter((e) => e.infoType === 'component_verify_ticket').length).toBeGreaterThanOrEqual(48);
    // The real WeChat would still answer cgi-bin/token for the account; the log shows it was called.
    await fetch(`${tp.emu.baseUrl}/cgi-bin/token?grant_type=client_credential&appid=${MINI_PROGRAM.appId}&secret=${MINI_PROGRAM.secret}`);
    expect((await calls(`appId=${MINI_PROGRAM.appId}`)).counts['cgi-bin/token']).toBe(1);
    expect((await calls(`appId=${PLATFORM.componentAppId}`)).counts['cgi-bin/component/api_component_token']).toBe(25);
  });
});

describe('config file', () => {
  it('reads the openPlatform of the emulator’s config file and refuses an invalid one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-op-'));
    const good = join(dir, 'good.json');
    const platform = {
      ...PLATFORM,
      authEventUrl: 'http://127.0.0.1:3000/open/events',
      messageUrl: 'http://127.0.0.1:3000/open/$APPID$/messages',
    };
    writeFileSync(good, JSON.stringify({ apps: [], openPlatform: platform }));
    expect(loadOpenPlatformFile(good)).toEqual(platform);
    const none = join(dir, 'none.json');
    writeFileSync(none, JSON.stringify({ apps: [] }));
    expect(loadOpenPlatformFile(none)).toBeUndefined();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ apps: [], openPlatform: { ...platform, encodingAesKey: 'short' } }));
    expect(() => loadOpenPlatformFile(bad)).toThrow(/EncodingAESKey/);
  });
});
