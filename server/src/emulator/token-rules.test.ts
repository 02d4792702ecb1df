import { MINI_PROGRAM, startTestEmulator, type TestEmulator } from './testing/test-emulator';

let emu: TestEmulator;
beforeEach(async () => {
  emu = await startTestEmulator();
});
afterEach(() => emu.close());

async function stable(force = false, app = MINI_PROGRAM) {
  const res = await fetch(`${emu.baseUrl}/cgi-bin/stable_token`, {
    method: 'POST',
    body: JSON.stringify({ grant_type: 'client_credential', appid: app.appId, secret: app.secret, force_refresh: force }),
  });
  return (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number };
}

async function send(token: string | undefined) {
  const q = token === undefined ? '' : `?access_token=${encodeURIComponent(token)}`;
  const res = await fetch(`${emu.baseUrl}/cgi-bin/message/custom/typing${q}`, {
    method: 'POST',
    body: '{"touser":"oX","command":"Typing"}',
  });
  return ((await res.json()) as { errcode: number }).errcode;
}

describe('emulated stable_token', () => {
  it('returns the same token with a shrinking expires_in, renews in the last 5 minutes, and both stay valid', async () => {
    const a = await stable();
    expect(a.expires_in).toBe(7200);
    emu.clock.advance(6000_000);
    expect(await stable()).toEqual({ access_token: a.access_token, expires_in: 1200 });
    emu.clock.advance(1000_000); // 200 s left
    const b = await stable();
    expect(b.access_token).not.toBe(a.access_token);
    expect(b.expires_in).toBe(7200);
    expect(await send(a.access_token)).toBe(40003); // still valid: the token check passed
    emu.clock.advance(200_000);
    expect(await send(a.access_token)).toBe(42001);
    expect(await send(b.access_token)).toBe(40003);
  });

  it('force_refresh revokes the current token at once, at most every 30 s and 20 times a day', async () => {
    const a = await stable();
    const b = await stable(true);
    expect(await send(a.access_token)).toBe(40001);
    expect(await send(b.access_token)).toBe(40003);
    expect((await stable(true)).errcode).toBe(45011);
    for (let i = 1; i < 20; i++) {
      emu.clock.advance(31_000);
      expect((await stable(true)).errcode).toBeUndefined();
    }
    emu.clock.advance(31_000);
    expect((await stable(true)).errcode).toBe(45009);
  });

  it('checks appid and secret', async () => {
    expect((await stable(false, { ...MINI_PROGRAM, appId: 'wxnotregistered' })).errcode).toBe(40013);
    expect((await stable(false, { ...MINI_PROGRAM, secret: 'bad-secret-value' })).errcode).toBe(40125);
  });
});

describe('emulated token checks', () => {
  it('answers 41001 without a token, 40014 for a malformed one, 40001 for an unknown one', async () => {
    expect(await send(undefined)).toBe(41001);
    expect(await send('short!')).toBe(40014);
    expect(await send('A'.repeat(64))).toBe(40001);
  });

  it('answers 44002 for an empty body and 47001 for broken JSON', async () => {
    const token = (await stable()).access_token ?? '';
    const post = async (body: string) =>
      (
        (await (await fetch(`${emu.baseUrl}/cgi-bin/message/custom/send?access_token=${token}`, { method: 'POST', body })).json()) as {
          errcode: number;
        }
      ).errcode;
    expect(await post('')).toBe(44002);
    expect(await post('{"touser":')).toBe(47001);
  });
});
