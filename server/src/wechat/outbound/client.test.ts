import { MINI_PROGRAM, startTestEmulator, callCount, type TestEmulator } from '../../emulator/testing/test-emulator';
import { WeChatClient } from './client';
import { WeChatApiError, WeChatTransportError } from './errors';
import { backoffDelay, defaultRetryPolicy } from './retry';
import { fetchAccessToken } from './token-endpoints';

let emu: TestEmulator;
beforeEach(async () => {
  emu = await startTestEmulator();
});
afterEach(() => emu.close());

function client(sleeps: number[], retry = {}) {
  return new WeChatClient({ baseUrl: emu.baseUrl, sleep: async (ms) => void sleeps.push(ms), random: () => 1, retry });
}

describe('WeChatClient backoff', () => {
  it.each([-1, 45011])('retries errcode %i with growing delays, then succeeds', async (errcode) => {
    const sleeps: number[] = [];
    await emu.admin('/faults', { api: 'cgi-bin/stable_token', errcode, times: 2 });
    const t = await fetchAccessToken(client(sleeps), 'stable', MINI_PROGRAM);
    expect(t.expiresInSeconds).toBe(7200);
    expect(sleeps).toEqual([200, 400]);
    expect(callCount(emu.state, 'cgi-bin/stable_token')).toBe(3);
  });

  it('gives up after maxRetries and reports the busy kind', async () => {
    const sleeps: number[] = [];
    await emu.admin('/faults', { api: 'cgi-bin/stable_token', errcode: -1, times: 10 });
    const err = await fetchAccessToken(client(sleeps, { maxRetries: 2 }), 'stable', MINI_PROGRAM).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeChatApiError);
    expect(err).toMatchObject({ errcode: -1, kind: 'busy' });
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry a final error', async () => {
    const sleeps: number[] = [];
    await expect(fetchAccessToken(client(sleeps), 'stable', { ...MINI_PROGRAM, appId: 'wxunknownapp01' })).rejects.toMatchObject({
      errcode: 40013,
      kind: 'other',
    });
    expect(sleeps).toEqual([]);
  });

  it('reports an unreachable server as a transport error without the query', async () => {
    const c = new WeChatClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 2000 });
    const err = (await fetchAccessToken(c, 'basic', MINI_PROGRAM).catch((e: unknown) => e)) as WeChatTransportError;
    expect(err).toBeInstanceOf(WeChatTransportError);
    expect(err.message).not.toContain(MINI_PROGRAM.secret);
  });

  it('reports a non-WeChat answer (HTTP 404) as a transport error', async () => {
    await expect(new WeChatClient({ baseUrl: emu.baseUrl }).getJson('cgi-bin/nope', {})).rejects.toMatchObject({ status: 404 });
  });
});

describe('backoffDelay', () => {
  it('doubles up to the cap and jitters between half and all', () => {
    const p = { ...defaultRetryPolicy, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, p, () => 1))).toEqual([200, 400, 800, 1000, 1000]);
    expect(backoffDelay(1, p, () => 0)).toBe(200);
  });
});
