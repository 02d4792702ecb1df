// The open platform's component_verify_ticket pushes and api_component_token, against WeChat's rules.
import { decryptMessage, parseAesKey } from '../wechat/inbound/crypto';
import { field, openPush } from './testing/open-platform-receiver';
import { PLATFORM, startTestPlatform, type TestPlatform } from './testing/test-open-platform';
import { TEST_EPOCH } from './testing/test-emulator';

let tp: TestPlatform;
afterEach(() => tp.close());

const tokenBody = (over: Record<string, unknown> = {}) => ({
  component_appid: PLATFORM.componentAppId,
  component_appsecret: PLATFORM.componentAppSecret,
  component_verify_ticket: tp.latestTicket(),
  ...over,
});
const componentToken = (body: unknown) => tp.call('/cgi-bin/component/api_component_token', body);
const tickets = () => tp.events().filter((e) => e.infoType === 'component_verify_ticket');

describe('component_verify_ticket push', () => {
  it('pushes one at registration, encrypted for the component AppID and signed as WeChat does (known answer)', async () => {
    let n = 0;
    tp = await startTestPlatform({ random: (size) => Buffer.alloc(size, ++n % 256) });
    const [push] = await tp.receiver.waitFor('/auth-events', 1);
    if (!push) throw new Error('no ticket push');
    expect(Object.keys(push.query).sort()).toEqual(['encrypt_type', 'msg_signature', 'nonce', 'signature', 'timestamp']);
    expect(push.query.encrypt_type).toBe('aes');
    expect(push.body).toMatch(
      /^<xml><AppId><!\[CDATA\[wxcomponent00001\]\]><\/AppId><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]><\/Encrypt><\/xml>$/,
    );
    const opened = openPush(push, PLATFORM.token, PLATFORM.encodingAesKey);
    expect(opened).toMatchObject({ signatureOk: true, urlSignatureOk: true, receiveId: PLATFORM.componentAppId });
    // The first random draw of the emulator is the ticket: 48 bytes of 0x01.
    const ticket = `ticket@@@${Buffer.alloc(48, 1).toString('base64url')}`;
    expect(opened.xml).toBe(
      `<xml><AppId><![CDATA[wxcomponent00001]]></AppId><CreateTime>${TEST_EPOCH / 1000}</CreateTime>` +
        `<InfoType><![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[${ticket}]]></ComponentVerifyTicket></xml>`,
    );
    // The product's own decryption agrees, and refuses it for another receiveId.
    const key = parseAesKey(PLATFORM.encodingAesKey);
    expect(decryptMessage(key, field(push.body, 'Encrypt') ?? '', PLATFORM.componentAppId)).toBe(opened.xml);
    expect(() => decryptMessage(key, field(push.body, 'Encrypt') ?? '', 'wxminiprogram0001')).toThrow();
    // The record names the push but never holds the ticket.
    expect(JSON.stringify(tp.emu.state.recorder.list({ type: 'component_push' }))).not.toContain('ticket@@@');
  });

  it('pushes every 10 minutes of the emulator clock, once after a long jump, and on demand', async () => {
    tp = await startTestPlatform();
    await tp.receiver.waitFor('/auth-events', 1);
    await tp.emu.admin('/clock/advance', { minutes: 9 });
    expect(tickets()).toHaveLength(1);
    await tp.emu.admin('/clock/advance', { minutes: 1 });
    expect(tickets()).toHaveLength(2);
    tp.emu.clock.advance(10 * 60_000); // without the admin API: the emulator's poller notices
    await tp.receiver.waitFor('/auth-events', 3);
    expect(tickets()).toHaveLength(3);
    await tp.emu.admin('/clock/advance', { hours: 48 });
    await new Promise((r) => setTimeout(r, 100));
    expect(tickets()).toHaveLength(4);
    const before = tp.latestTicket();
    const now = await tp.emu.admin<{ delivered: boolean; status: number; answer: string }>('/open-platform/ticket');
    expect(now).toMatchObject({ infoType: 'component_verify_ticket', delivered: true, status: 200, answer: 'success' });
    expect(tp.latestTicket()).not.toBe(before);
  });

  it('pushes nothing while WeChat is down, and the due ticket once it is back', async () => {
    tp = await startTestPlatform();
    await tp.receiver.waitFor('/auth-events', 1);
    await tp.emu.admin('/faults/outage', { ms: 30 * 60_000 });
    await tp.emu.admin('/clock/advance', { minutes: 25 });
    expect(tickets()).toHaveLength(1);
    await tp.emu.admin('/clock/advance', { minutes: 5 });
    expect(tickets()).toHaveLength(2);
  });

  it('registration is validated and never shows the secret, Token or key', async () => {
    tp = await startTestPlatform();
    const bad = await fetch(`${tp.emu.baseUrl}/emulator/open-platform`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...PLATFORM, authEventUrl: tp.receiver.authEventUrl, messageUrl: `${tp.receiver.baseUrl}/messages` }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('$APPID$');
    const view = JSON.stringify(await (await fetch(`${tp.emu.baseUrl}/emulator/open-platform`)).json());
    expect(view).toContain(PLATFORM.componentAppId);
    for (const secret of [PLATFORM.componentAppSecret, PLATFORM.token, PLATFORM.encodingAesKey]) expect(view).not.toContain(secret);
  });
});

describe('api_component_token', () => {
  beforeEach(async () => {
    tp = await startTestPlatform();
    await tp.receiver.waitFor('/auth-events', 1);
  });

  it('issues a 7200 s component_access_token for the latest ticket', async () => {
    const a = await componentToken(tokenBody());
    expect(a.expires_in).toBe(7200);
    expect(String(a.component_access_token).length).toBeGreaterThan(20);
  });

  it('answers WeChat’s codes: missing or foreign component, secret missing or wrong, ticket unknown or expired, bad JSON', async () => {
    expect((await componentToken(tokenBody({ component_appid: undefined }))).errcode).toBe(41018);
    expect((await componentToken(tokenBody({ component_appid: 'wxminiprogram0001' }))).errcode).toBe(61011);
    expect((await componentToken(tokenBody({ component_appsecret: '' }))).errcode).toBe(41004);
    expect((await componentToken(tokenBody({ component_appsecret: 'wrong-secret-000' }))).errcode).toBe(40125);
    expect((await componentToken(tokenBody({ component_verify_ticket: 'ticket@@@forged' }))).errcode).toBe(61006);
    expect((await componentToken(tokenBody({ component_verify_ticket: undefined }))).errcode).toBe(61006);
    expect((await componentToken('{not json')).errcode).toBe(47001);
    expect((await componentToken('')).errcode).toBe(44002);
    const first = tp.latestTicket();
    await tp.emu.admin('/clock/advance', { hours: 6 });
    // A previous ticket stays usable within its 12 hours (WeChat advises it when a push was missed).
    expect((await componentToken(tokenBody({ component_verify_ticket: first }))).errcode).toBeUndefined();
    await tp.emu.admin('/clock/advance', { hours: 6 });
    expect((await componentToken(tokenBody({ component_verify_ticket: first }))).errcode).toBe(61005);
    expect((await componentToken(tokenBody())).errcode).toBeUndefined();
  });

  it('61004 for a caller outside the IP whitelist', async () => {
    await tp.close();
    tp = await startTestPlatform({}, { ipWhitelist: ['10.0.0.1'] });
    await tp.receiver.waitFor('/auth-events', 1);
    expect((await componentToken(tokenBody())).errcode).toBe(61004);
    await tp.close();
    tp = await startTestPlatform({}, { ipWhitelist: ['127.0.0.1'] });
    await tp.receiver.waitFor('/auth-events', 1);
    expect((await componentToken(tokenBody())).errcode).toBeUndefined();
  });

  it('a component token is not an access_token of an app, and the reverse', async () => {
    const token = String((await componentToken(tokenBody())).component_access_token);
    const typing = await tp.call(`/cgi-bin/message/custom/typing?access_token=${token}`, { touser: 'oX', command: 'Typing' });
    expect(typing.errcode).toBe(40001);
    const app = (await (
      await fetch(`${tp.emu.baseUrl}/cgi-bin/token?grant_type=client_credential&appid=wxminiprogram0001&secret=mini-program-secret-0001`)
    ).json()) as { access_token: string };
    const pre = await tp.call(`/cgi-bin/component/api_create_preauthcode?component_access_token=${app.access_token}`, {
      component_appid: PLATFORM.componentAppId,
    });
    expect(pre.errcode).toBe(40001);
  });
});
