// Checking an AppID and AppSecret against the WeChat emulator over real HTTP: accepted, the common
// refusals with their explanations, WeChat busy, and WeChat unreachable.
import { createServer } from 'node:net';
import { MINI_PROGRAM, OFFICIAL_ACCOUNT, startTestEmulator, type TestEmulator } from '../../emulator/testing/test-emulator';
import { WeChatClient } from './client';
import { checkCredentials, explainCredentialError } from './credentials-check';

let emulator: TestEmulator;
let client: WeChatClient;
beforeAll(async () => {
  emulator = await startTestEmulator();
  client = new WeChatClient({ baseUrl: emulator.baseUrl, retry: { maxRetries: 0 } });
});
afterAll(() => emulator.close());

const check = (appId: string, secret: string, kind: 'miniprogram' | 'official_account' = 'miniprogram') =>
  checkCredentials(client, kind, { appId, secret });

describe('checkCredentials', () => {
  it('accepts working credentials through stable_token without forcing a refresh', async () => {
    await expect(check(MINI_PROGRAM.appId, MINI_PROGRAM.secret)).resolves.toEqual({ ok: true });
    const calls = emulator.state.recorder.list({ type: 'api', api: 'cgi-bin/stable_token' });
    expect(calls.at(-1)).toMatchObject({ errcode: 0, request: { force_refresh: false } });
  });

  it('explains an unknown AppID, a wrong AppSecret and an IP outside the whitelist', async () => {
    expect(await check('wxnotregistered01', MINI_PROGRAM.secret)).toEqual({
      ok: false,
      errcode: 40013,
      errmsg: 'invalid appid',
      explanation: expect.stringContaining('no app with this AppID'),
    });
    const wrong = await check(OFFICIAL_ACCOUNT.appId, 'WrongSecret0001', 'official_account');
    expect(wrong).toEqual({
      ok: false,
      errcode: 40125,
      errmsg: 'invalid appsecret',
      explanation: expect.stringContaining('official account console'),
    });
    expect(JSON.stringify(wrong)).not.toContain('WrongSecret0001');
    await emulator.admin('/faults', { api: 'cgi-bin/stable_token', errcode: 40164, times: 1 });
    expect(await check(MINI_PROGRAM.appId, MINI_PROGRAM.secret)).toMatchObject({
      ok: false,
      errcode: 40164,
      explanation: expect.stringContaining('IP whitelist'),
    });
    await emulator.admin('/faults', { api: 'cgi-bin/stable_token', errcode: -1, times: 1 });
    expect(await check(MINI_PROGRAM.appId, MINI_PROGRAM.secret)).toMatchObject({
      ok: false,
      errcode: -1,
      explanation: expect.stringContaining('busy'),
    });
  });

  it('says when WeChat cannot be reached', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = s.address() as { port: number };
        s.close(() => resolve(p));
      });
    });
    const offline = new WeChatClient({ baseUrl: `http://127.0.0.1:${port}`, retry: { maxRetries: 0 } });
    expect(await checkCredentials(offline, 'miniprogram', { appId: 'wx1', secret: 'secret' })).toEqual({
      ok: false,
      errcode: null,
      errmsg: 'could not reach WeChat',
      explanation: expect.stringContaining('Could not reach WeChat'),
    });
  });

  it('has a generic explanation for other codes', () => {
    expect(explainCredentialError(48001, 'miniprogram')).toContain('errcode 48001');
  });
});
