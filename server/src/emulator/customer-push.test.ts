import type { AddressInfo } from 'node:net';
import express from 'express';
import { urlSignature } from '../wechat/inbound/signature';
import { MINI_PROGRAM, startTestEmulator, type TestEmulator } from './testing/test-emulator';

interface Received {
  query: Record<string, string>;
  body: string;
}

let emu: TestEmulator;
let received: Received[];
let pushUrl: string;
let closeReceiver: () => void;

beforeEach(async () => {
  received = [];
  // A stand-in for the app's push endpoint: it only records what arrives and acknowledges.
  const app = express();
  app.post('/wechat/demo', express.text({ type: '*/*' }), (req, res) => {
    received.push({ query: req.query as Record<string, string>, body: String(req.body) });
    res.send('success');
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', r));
  pushUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/demo`;
  closeReceiver = () => server.close();
  emu = await startTestEmulator();
});
afterEach(async () => {
  closeReceiver();
  await emu.close();
});

describe('customer half', () => {
  it('registers an app, then delivers a signed push and opens the window', async () => {
    const app = { ...MINI_PROGRAM, appId: 'wxpushtarget01', pushUrl, token: 'AAAAA', mode: 'plaintext' as const, format: 'json' as const };
    await emu.admin('/apps', app);
    const res = await emu.customerSays(app, 'oPush', 'text', { text: '0012 你好' });
    expect(res).toMatchObject({ push: { delivered: true, status: 200, answer: 'success' }, customer: { window: { remaining: 5 } } });
    expect(received).toHaveLength(1);
    const { query, body } = received[0]!;
    expect(query.signature).toBe(urlSignature('AAAAA', query.timestamp ?? '', query.nonce ?? ''));
    expect(JSON.parse(body)).toMatchObject({
      ToUserName: MINI_PROGRAM.originalId,
      FromUserName: 'oPush',
      MsgType: 'text',
      Content: '0012 你好',
    });
    expect(emu.state.recorder.list({ type: 'push' })).toHaveLength(1);
  });

  it('passes any SessionFrom through an enter-session event, encrypted in secure mode', async () => {
    const app = {
      ...MINI_PROGRAM,
      appId: 'wxpushtarget02',
      pushUrl,
      token: 'AAAAA',
      encodingAesKey: 'A'.repeat(43),
      mode: 'secure' as const,
      format: 'xml' as const,
    };
    await emu.admin('/apps', app);
    await emu.customerSays(app, 'oEnter', 'user_enter_tempsession', { sessionFrom: 'sobot|Ann|' });
    const { query, body } = received[0]!;
    expect(query.encrypt_type).toBe('aes');
    expect(body).toContain('<Encrypt>');
    expect(body).not.toContain('sobot');
  });

  it('still registers the action when the app has no push URL, and says so', async () => {
    const res = await emu.customerSays(MINI_PROGRAM, 'oNoUrl', 'text');
    expect(res).toMatchObject({ push: { delivered: false }, customer: { window: { remaining: 5 } } });
  });

  it('rejects an invalid app registration and an unknown app', async () => {
    await expect(emu.admin('/apps', { appId: 'nope' })).rejects.toThrow(/HTTP 400/);
    await expect(emu.customerSays({ ...MINI_PROGRAM, appId: 'wxnotthere01' }, 'o1')).rejects.toThrow(/HTTP 404/);
  });
});

describe('admin and page', () => {
  it('advances the clock and shows what happened without secrets', async () => {
    const before = emu.clock.now();
    await emu.admin('/clock/advance', { hours: 2 });
    expect(emu.clock.now() - before).toBe(7_200_000);
    await emu.customerSays(MINI_PROGRAM, 'oPage', 'text', { deliver: false });
    const html = await (await fetch(`${emu.baseUrl}/emulator/`)).text();
    expect(html).toContain('oPage');
    expect(html).not.toContain(MINI_PROGRAM.secret);
    const apps = await (await fetch(`${emu.baseUrl}/emulator/apps`)).json();
    expect(JSON.stringify(apps)).not.toContain(MINI_PROGRAM.secret);
  });

  it('never records the AppSecret or the token', async () => {
    await fetch(`${emu.baseUrl}/cgi-bin/token?grant_type=client_credential&appid=${MINI_PROGRAM.appId}&secret=${MINI_PROGRAM.secret}`);
    const records = JSON.stringify(await (await fetch(`${emu.baseUrl}/emulator/records`)).json());
    expect(records).toContain('cgi-bin/token');
    expect(records).not.toContain(MINI_PROGRAM.secret);
  });
});
