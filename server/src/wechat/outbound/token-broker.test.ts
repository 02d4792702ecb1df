import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../storage/database';
import { SqliteTokenStore } from '../../storage/sqlite-token-store';
import { callCount, MINI_PROGRAM, startTestEmulator, type TestEmulator } from '../../emulator/testing/test-emulator';
import { WeChatApiError } from './errors';
import { miniProgramMessages } from './miniprogram-messages';
import { sendCustomMessage } from './send';
import { InMemoryTokenStore } from '../../storage/testing/in-memory-token-store';
import { wire } from './testing/emulated-api';

const HOUR = 3_600_000;
let emu: TestEmulator;
beforeEach(async () => {
  emu = await startTestEmulator();
});
afterEach(() => emu.close());

/** A user who just wrote, so sends are allowed. */
async function openWindow(openId = 'oUser1') {
  await emu.customerSays(MINI_PROGRAM, openId, 'text', { deliver: false });
  return openId;
}

describe('AccessTokenBroker', () => {
  it('makes exactly one stable_token call however many callers wait', async () => {
    const { broker } = wire(emu, MINI_PROGRAM);
    const tokens = await Promise.all(Array.from({ length: 25 }, () => broker.getToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(callCount(emu.state, 'cgi-bin/stable_token')).toBe(1);
  });

  it('uses stable_token by default and cgi-bin/token when asked', async () => {
    await wire(emu, MINI_PROGRAM).broker.getToken();
    await wire(emu, MINI_PROGRAM, { source: 'basic' }).broker.getToken();
    expect(callCount(emu.state, 'cgi-bin/stable_token')).toBe(1);
    expect(callCount(emu.state, 'cgi-bin/token')).toBe(1);
  });

  it('refreshes ahead of expiry, not before', async () => {
    const { broker } = wire(emu, MINI_PROGRAM);
    const first = await broker.getToken();
    emu.clock.advance(HOUR + 50 * 60_000); // 10 min before expiry
    expect(await broker.getToken()).toBe(first);
    emu.clock.advance(6 * 60_000); // 4 min before expiry: inside the 5 min margin
    const second = await broker.getToken();
    expect(second).not.toBe(first);
    expect(callCount(emu.state, 'cgi-bin/stable_token')).toBe(2);
  });

  it('recovers when the token expires mid-flight (the server says 42001): one refresh, one retry', async () => {
    // The broker's clock stands still while WeChat's runs on: it believes its token still lives.
    const frozen = emu.clock.now();
    const { api } = wire(emu, MINI_PROGRAM, { now: () => frozen });
    const openId = await openWindow();
    await sendCustomMessage(api, miniProgramMessages.text(openId, 'first'));
    emu.clock.advance(3 * HOUR);
    await openWindow(openId);
    await sendCustomMessage(api, miniProgramMessages.text(openId, 'second'));
    const sends = emu.state.recorder.list({ api: 'cgi-bin/message/custom/send' });
    expect(sends.map((e) => e.type === 'api' && e.errcode)).toEqual([0, 42001, 0]);
    expect(callCount(emu.state, 'cgi-bin/stable_token')).toBe(2);
  });

  it('with cgi-bin/token, a token superseded by another system is replaced after 5 minutes (40001)', async () => {
    const ours = wire(emu, MINI_PROGRAM, { source: 'basic' });
    const theirs = wire(emu, MINI_PROGRAM, { source: 'basic' });
    const openId = await openWindow();
    await sendCustomMessage(ours.api, miniProgramMessages.text(openId, 'a'));
    await theirs.broker.getToken(); // supersedes ours, which stays valid 5 more minutes
    emu.clock.advance(4 * 60_000);
    await sendCustomMessage(ours.api, miniProgramMessages.text(openId, 'b'));
    emu.clock.advance(2 * 60_000);
    await sendCustomMessage(ours.api, miniProgramMessages.text(openId, 'c'));
    const codes = emu.state.recorder.list({ api: 'cgi-bin/message/custom/send' }).map((e) => e.type === 'api' && e.errcode);
    expect(codes).toEqual([0, 0, 40001, 0]);
  });

  it('with stable_token, two systems never invalidate each other', async () => {
    const ours = wire(emu, MINI_PROGRAM);
    const theirs = wire(emu, MINI_PROGRAM);
    expect(await theirs.broker.getToken()).toBe(await ours.broker.getToken());
    const openId = await openWindow();
    emu.clock.advance(10 * 60_000);
    await sendCustomMessage(ours.api, miniProgramMessages.text(openId, 'a'));
    await sendCustomMessage(theirs.api, miniProgramMessages.text(openId, 'b'));
    expect(emu.state.recorder.list({ api: 'cgi-bin/message/custom/send' }).every((e) => e.type === 'api' && e.errcode === 0)).toBe(true);
  });

  it('concurrent callers hit by 40001 together cause exactly one refresh', async () => {
    const { api } = wire(emu, MINI_PROGRAM, { source: 'basic' });
    const openId = await openWindow();
    await api.broker.getToken();
    await wire(emu, MINI_PROGRAM, { source: 'basic' }).broker.getToken(); // supersede
    emu.clock.advance(6 * 60_000);
    await openWindow(openId);
    await Promise.all([1, 2, 3, 4].map((n) => sendCustomMessage(api, miniProgramMessages.text(openId, `m${n}`))));
    expect(callCount(emu.state, 'cgi-bin/token')).toBe(3);
  });

  it('retries exactly once: a second token error reaches the caller', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    const openId = await openWindow();
    await emu.admin('/faults', { api: 'cgi-bin/message/custom/send', errcode: 40001, times: 2 });
    const err = await sendCustomMessage(api, miniProgramMessages.text(openId, 'x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeChatApiError);
    expect((err as WeChatApiError).kind).toBe('token_invalid');
    expect(callCount(emu.state, 'cgi-bin/message/custom/send')).toBe(2);
  });

  it('does not retry errors that are not about the token', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    await expect(sendCustomMessage(api, miniProgramMessages.text('oNobody', 'x'))).rejects.toMatchObject({ errcode: 40003 });
    expect(callCount(emu.state, 'cgi-bin/message/custom/send')).toBe(1);
  });

  it('reuses a persisted token after a restart (real SQLite file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-broker-'));
    try {
      const db1 = openDatabase(join(dir, 'kefu.db'));
      const before = await wire(emu, MINI_PROGRAM, { store: new SqliteTokenStore(db1) }).broker.getToken();
      db1.close();
      emu.clock.advance(HOUR);
      const db2 = openDatabase(join(dir, 'kefu.db'));
      const after = await wire(emu, MINI_PROGRAM, { store: new SqliteTokenStore(db2) }).broker.getToken();
      db2.close();
      expect(after).toBe(before);
      expect(callCount(emu.state, 'cgi-bin/stable_token')).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ignores a persisted token that has expired', async () => {
    const store = new InMemoryTokenStore();
    const first = await wire(emu, MINI_PROGRAM, { store }).broker.getToken();
    emu.clock.advance(3 * HOUR);
    expect(await wire(emu, MINI_PROGRAM, { store }).broker.getToken()).not.toBe(first);
  });

  it('keeps using a still-valid token when an early refresh fails', async () => {
    const { broker } = wire(emu, MINI_PROGRAM);
    const first = await broker.getToken();
    emu.clock.advance(2 * HOUR - 2 * 60_000);
    await emu.admin('/faults', { api: 'cgi-bin/stable_token', errcode: 40013, times: 1 });
    expect(await broker.getToken()).toBe(first);
  });

  it('reports a wrong AppSecret as 40125 without the secret in the message', async () => {
    const { broker } = wire(emu, { ...MINI_PROGRAM, secret: 'wrong-secret-123' });
    const err = (await broker.getToken().catch((e: unknown) => e)) as WeChatApiError;
    expect(err.errcode).toBe(40125);
    expect(err.message).not.toContain('wrong-secret-123');
  });
});
