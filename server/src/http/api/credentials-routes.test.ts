// The channel credential checks over real HTTP: the composed server (SQLite file) asks the WeChat
// emulator. Platform admins only; the secret never comes back; a check stores no token.
import { CHANNEL, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, type People } from './testing/stack-people';

let stack: Stack;
let p: People;
beforeAll(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
});
afterAll(() => stack.close());

const NEW = '/channels/credentials-check';
const SAVED = `/channels/${CHANNEL.id}/credentials-check`;

describe('POST /channels/credentials-check', () => {
  it('answers ok for working credentials and explains a wrong secret, never echoing it', async () => {
    const ok = await p.call('POST', NEW, p.tokens.platform, { kind: 'miniprogram', appId: CHANNEL.appId, appSecret: CHANNEL.secret });
    expect([ok.status, ok.json]).toEqual([200, { ok: true }]);
    const wrong = await p.call('POST', NEW, p.tokens.platform, {
      kind: 'miniprogram',
      appId: CHANNEL.appId,
      appSecret: 'NotTheSecret0001',
    });
    expect([wrong.status, wrong.json]).toEqual([
      200,
      { ok: false, errcode: 40125, errmsg: 'invalid appsecret', explanation: expect.stringContaining('AppSecret') },
    ]);
    expect(wrong.text).not.toContain('NotTheSecret0001');
    // The emulator's apps don't include this one: WeChat says the AppID is unknown.
    expect(
      (await p.call('POST', NEW, p.tokens.platform, { kind: 'official_account', appId: 'wxunknownapp0001', appSecret: 'Whatever00001' }))
        .json.errcode,
    ).toBe(40013);
    expect(await stack.server.storage.tokens.load(CHANNEL.appId, 'stable')).toBeUndefined();
  });

  it('validates its body and is for platform admins only', async () => {
    const bad = await p.call('POST', NEW, p.tokens.platform, { kind: 'app', appId: 'x', appSecret: '!' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/body\.kind.*body\.appId.*body\.appSecret/);
    expect(bad.text).not.toContain('"!"');
    for (const token of [p.tokens.m1Admin, p.tokens.m1Agent]) {
      expect((await p.call('POST', NEW, token, { kind: 'miniprogram', appId: CHANNEL.appId, appSecret: CHANNEL.secret })).status).toBe(403);
      expect((await p.call('POST', SAVED, token, {})).status).toBe(403);
    }
  });
});

describe('POST /channels/:channelId/credentials-check', () => {
  it('checks the stored secret, or a new one before it is saved', async () => {
    expect((await p.call('POST', SAVED, p.tokens.platform)).json).toEqual({ ok: true });
    expect((await p.call('POST', SAVED, p.tokens.platform, {})).json).toEqual({ ok: true });
    const trial = await p.call('POST', SAVED, p.tokens.platform, { appSecret: 'TryThisSecret001' });
    expect(trial.json).toMatchObject({ ok: false, errcode: 40125 });
    expect(trial.text).not.toContain('TryThisSecret001');
    expect((await p.call('POST', SAVED, p.tokens.platform, { appSecret: 'x' })).status).toBe(400);
    expect((await p.call('POST', '/channels/nope/credentials-check', p.tokens.platform, {})).status).toBe(404);
    expect(await stack.server.storage.tokens.load(CHANNEL.appId, 'stable')).toBeUndefined();
  });
});
