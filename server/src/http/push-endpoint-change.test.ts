// The push endpoint over real HTTP during a channel change: replies sealed with the secrets that opened
// the push, the per-channel replay window on the server's clock, and WeChat's activity noted.
import type { ChannelActivity, ChannelConfig } from '../core/channel';
import { buildPush, exampleMessage, readReply, sendBuiltPush, sendPush, verifyUrl, type PushTarget } from '../wechat/push-client/index';
import { type Harness, startHarness } from './testing/harness';

const OLD_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const NEW_KEY = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';
const NOW = Date.UTC(2026, 0, 1);
const SECONDS = Math.floor(NOW / 1000);

const rotated: ChannelConfig = {
  id: 'rotated',
  kind: 'official_account',
  appId: 'wx52f1b2c0e1d2a3b4',
  originalId: 'gh_1234567890ab',
  token: 'newToken',
  encodingAesKey: NEW_KEY,
  mode: 'secure',
  format: 'xml',
  previous: { token: 'oldToken', encodingAesKey: OLD_KEY, mode: 'secure', until: NOW + 60_000 },
};
const windowed: ChannelConfig = { ...rotated, id: 'windowed', mode: 'plaintext', replayWindowSeconds: 60 };
const { previous: _p, ...unwindowed } = { ...windowed, id: 'unwindowed', replayWindowSeconds: undefined };

const noted: Array<[string, ChannelActivity, number]> = [];
let h: Harness;
beforeAll(async () => {
  const all = [rotated, windowed, unwindowed as ChannelConfig];
  h = await startHarness([], {
    channels: {
      find: async (id) => all.find((c) => c.id === id),
      noteActivity: (id, activity, at) => void noted.push([id, activity, at]),
    },
    nowMs: () => NOW,
    replayWindowSeconds: 3600, // the server-wide default; a channel's own window wins
  });
});
afterAll(() => h.close());
beforeEach(() => {
  noted.length = 0;
  h.respond = async () => undefined;
});

function target(c: ChannelConfig, over: Partial<PushTarget> = {}): PushTarget {
  const { token, mode, format, appId, originalId } = c;
  return {
    url: `${h.baseUrl}/wechat/${c.id}`,
    token,
    appId,
    originalId,
    encodingAesKey: c.encodingAesKey ?? OLD_KEY,
    mode,
    format,
    ...over,
  };
}
const text = (createTime = SECONDS) => exampleMessage('text', { openId: 'oUSER', originalId: rotated.originalId, createTime });

it('seals the reply to a push opened with the previous secrets with those secrets (WeChat holds only them)', async () => {
  h.respond = async () => ({ reply: { type: 'text', content: '您好' } });
  const old = target(rotated, { token: 'oldToken', encodingAesKey: OLD_KEY });
  const response = await sendPush(old, text(), { timestamp: SECONDS });
  expect(response.status).toBe(200);
  expect(readReply(old, response.body)).toMatchObject({
    kind: 'reply',
    encrypted: true,
    signatureValid: true,
    record: { Content: '您好' },
  });
  const current = target(rotated);
  const answer = await sendPush(current, text(), { timestamp: SECONDS });
  expect(readReply(current, answer.body)).toMatchObject({ kind: 'reply', signatureValid: true, record: { Content: '您好' } });
});

it('applies the channel’s replay window on the server’s clock, before the server-wide one', async () => {
  const send = async (c: ChannelConfig, ageSeconds: number) =>
    (await sendBuiltPush(buildPush(target(c), text(), { timestamp: SECONDS - ageSeconds }))).status;
  expect(await send(windowed, 60)).toBe(200);
  expect(await send(windowed, 61)).toBe(401);
  expect(await send(unwindowed as ChannelConfig, 3000)).toBe(200);
  expect(await send(unwindowed as ChannelConfig, 3601)).toBe(401);
});

it('notes a URL verification and a push, not a refused one, with the server’s time', async () => {
  expect((await verifyUrl(target(rotated), { timestamp: SECONDS })).ok).toBe(true);
  expect((await sendPush(target(rotated), text(), { timestamp: SECONDS })).status).toBe(200);
  expect((await sendPush(target(rotated, { token: 'wrongToken' }), text(), { timestamp: SECONDS })).status).toBe(401);
  expect((await verifyUrl(target(rotated, { token: 'wrongToken' }), { timestamp: SECONDS })).ok).toBe(false);
  expect(noted).toEqual([
    ['rotated', 'verified', NOW],
    ['rotated', 'push', NOW],
  ]);
});
