import { MINI_PROGRAM, startTestEmulator, callCount, type TestEmulator } from '../../emulator/testing/test-emulator';
import { WECHAT_CALL_TIMEOUT_MS, WeChatClient } from './client';
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

describe("WeChatClient against an unreachable or silent WeChat (the emulator's network faults)", () => {
  const api = 'cgi-bin/stable_token';
  const call = (timeoutMs?: number): Promise<WeChatTransportError | { ok: true }> =>
    fetchAccessToken(
      new WeChatClient({ baseUrl: emu.baseUrl, ...(timeoutMs !== undefined && { timeoutMs }) }),
      'stable',
      MINI_PROGRAM,
    ).then(
      () => ({ ok: true as const }),
      (e: unknown) => e as WeChatTransportError,
    );

  it("waits longer than WeChat's slow answers by default (30 s)", async () => {
    expect(WECHAT_CALL_TIMEOUT_MS).toBe(30_000);
    await emu.faults.delay(api, 300);
    const started = Date.now();
    await expect(fetchAccessToken(new WeChatClient({ baseUrl: emu.baseUrl }), 'stable', MINI_PROGRAM)).resolves.toMatchObject({});
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('marks a timed-out call as in doubt; WeChat still carried it out', async () => {
    await emu.faults.delay(api, 400);
    const err = await call(100);
    expect(err).toBeInstanceOf(WeChatTransportError);
    expect(err).toMatchObject({ inDoubt: true });
    await new Promise((r) => setTimeout(r, 400));
    expect(callCount(emu.state, api)).toBe(1);
  });

  it.each(['before', 'after'] as const)('marks a connection dropped %s processing as in doubt', async (when) => {
    await emu.faults.drop(api, when);
    const err = await call();
    expect(err).toMatchObject({ inDoubt: true });
    expect(callCount(emu.state, api)).toBe(when === 'after' ? 1 : 0);
    await expect(call()).resolves.not.toBeInstanceOf(Error);
  });

  it("refuses every call during an outage of the emulator's clock, not in doubt, and answers after it", async () => {
    const viaApiDoor = () => fetchAccessToken(new WeChatClient({ baseUrl: emu.apiUrl }), 'stable', MINI_PROGRAM).catch((e: unknown) => e);
    await expect(viaApiDoor()).resolves.not.toBeInstanceOf(Error); // a kept-alive connection exists
    await emu.faults.outage(10 * 60_000);
    // The kept-alive connection is gone and every new one is refused.
    for (let i = 0; i < 3; i++) {
      const refused = await viaApiDoor();
      expect(refused).toMatchObject({ inDoubt: false });
      expect((refused as Error & { cause?: { cause?: { syscall?: string } } }).cause?.cause?.syscall).toBe('connect');
    }
    // The admin door stays open; its API calls get the front end's 503.
    expect(await call()).toMatchObject({ inDoubt: false, status: 503 });
    expect(callCount(emu.state, api)).toBe(1);
    emu.clock.advance(10 * 60_000);
    await new Promise((r) => setTimeout(r, 100)); // the door reopens on its next look at the clock
    await expect(viaApiDoor()).resolves.not.toBeInstanceOf(Error);
    expect(callCount(emu.state, api)).toBe(2);
  });

  it('refuses a fault plan it cannot keep', async () => {
    await expect(emu.admin('/faults/delay', { api, ms: -1 })).rejects.toThrow('HTTP 400');
    await expect(emu.admin('/faults/drop', { api, when: 'never' })).rejects.toThrow('HTTP 400');
    await expect(emu.admin('/faults/outage', {})).rejects.toThrow('HTTP 400');
  });
});

describe('backoffDelay', () => {
  it('doubles up to the cap and jitters between half and all', () => {
    const p = { ...defaultRetryPolicy, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, p, () => 1))).toEqual([200, 400, 800, 1000, 1000]);
    expect(backoffDelay(1, p, () => 0)).toBe(200);
  });
});
