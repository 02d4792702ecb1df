// End to end, the limits of a channel change: the previous Token and EncodingAESKey are accepted for the
// grace period only (and not after the admin ends it), a secure channel refuses plaintext pushes unless a
// switch from plaintext is in progress, and a plaintext channel refuses an old signature triple.
import { type PushTarget, buildPush, exampleMessage, sendBuiltPush, sendPush, verifyUrl } from '../wechat/push-client/index';
import { CHANNEL, startStack, type Stack } from './testing/stack';

const MINUTE = 60_000;
const KEY_1 = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';

let stack: Stack;
let now = Date.now();
beforeEach(async () => {
  now = Date.now();
  stack = await startStack({ clock: { now: () => now } });
});
afterEach(() => stack.close());

let seq = 0;
function text(openId = 'oGrace'): ReturnType<typeof exampleMessage> {
  seq += 1;
  return exampleMessage('text', {
    openId,
    originalId: CHANNEL.originalId,
    createTime: Math.floor(now / 1000),
    msgId: `${7_000_000 + seq}`,
    text: 'hi',
  });
}

/** A push as WeChat sends it, timestamped with the server's (test) clock. */
async function push(target: PushTarget): Promise<number> {
  return (await sendPush(target, text(), { timestamp: Math.floor(now / 1000) })).status;
}

const change = (body: unknown) => stack.api<{ previousValidUntil: number | null }>('PATCH', `/channels/${CHANNEL.id}`, body);

it('accepts the previous Token and EncodingAESKey for the grace period, then refuses them', async () => {
  const old = stack.target;
  const rotated: PushTarget = { ...old, token: 'rotatedToken1', encodingAesKey: KEY_1 };
  const saved = await change({ token: rotated.token, encodingAesKey: KEY_1 });
  expect(saved.body.previousValidUntil).toBe(now + 30 * MINUTE); // the default grace period
  expect(await push(old)).toBe(200);
  expect((await verifyUrl(old, { timestamp: Math.floor(now / 1000) })).ok).toBe(true); // GET with the old Token
  expect(await push(rotated)).toBe(200);
  now += 30 * MINUTE;
  expect(await push(old)).toBe(401);
  expect((await verifyUrl(old, { timestamp: Math.floor(now / 1000) })).status).toBe(401);
  expect(await push(rotated)).toBe(200);
});

it('a configured grace period applies, and “end now” refuses the previous values at once', async () => {
  const old = stack.target;
  const rotated: PushTarget = { ...old, token: 'rotatedToken2' };
  const saved = await change({ token: rotated.token, graceSeconds: 120 });
  expect(saved.body.previousValidUntil).toBe(now + 120_000);
  expect(await push(old)).toBe(200);
  const ended = await stack.api<{ previousValidUntil: number | null }>('POST', `/channels/${CHANNEL.id}/end-grace`);
  expect(ended).toMatchObject({ status: 200, body: { previousValidUntil: null } });
  expect(await push(old)).toBe(401);
  expect(await push(rotated)).toBe(200);
});

it('a secure channel takes plaintext pushes only while a switch from plaintext is in progress', async () => {
  const plain: PushTarget = { ...stack.target, mode: 'plaintext' };
  expect(await push(plain)).toBe(400); // no switch: a downgrade, refused
  await change({ mode: 'plaintext' });
  expect(await push(plain)).toBe(200);
  expect(await push(stack.target)).toBe(200); // WeChat not switched yet: still encrypted
  await stack.api('POST', `/channels/${CHANNEL.id}/end-grace`);
  await change({ mode: 'secure' }); // and back: the previous mode was plaintext
  expect(await push(plain)).toBe(200);
  now += 31 * MINUTE;
  expect(await push(plain)).toBe(400);
  expect(await push(stack.target)).toBe(200);
});

it('a plaintext channel refuses a month-old signature triple (replay window, 300 s by default)', async () => {
  const created = await stack.api<{ replayWindowSeconds: number | null }>('POST', '/channels', {
    id: 'plain',
    name: '明文',
    kind: 'official_account',
    appId: 'wxplain000000001',
    originalId: 'gh_plain00000001',
    mode: 'plaintext',
    format: 'xml',
    appSecret: 'plainAppSecret01',
    token: 'plainToken1',
  });
  expect(created).toMatchObject({ status: 201, body: { replayWindowSeconds: 300 } });
  const target: PushTarget = { ...stack.target, url: `${stack.baseUrl}/wechat/plain`, token: 'plainToken1', mode: 'plaintext' };
  const monthOld = Math.floor(now / 1000) - 30 * 86_400;
  const replayed = buildPush(target, text('oReplay'), { timestamp: monthOld });
  expect((await sendBuiltPush(replayed)).status).toBe(401);
  expect(await push(target)).toBe(200);
  expect((await verifyUrl(target, { timestamp: monthOld })).status).toBe(401);
  // The window is the admin's choice; null turns it off (and exposes the channel again).
  expect((await stack.api('PATCH', '/channels/plain', { replayWindowSeconds: null })).body).toMatchObject({ replayWindowSeconds: null });
  expect((await sendBuiltPush(buildPush(target, text('oReplay'), { timestamp: monthOld }))).status).toBe(200);
});
