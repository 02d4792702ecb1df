// The open platform through the whole server (real SQLite file, real port) and a small local stand-in for
// WeChat's open-platform API (http/testing/fake-open-platform.ts): configure, receive the ticket, make an
// authorization link, come back from the authorization page, receive and answer a customer's message on
// the authorized account, revoke. Every bad push is refused without storing anything.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { type ComposedServer, composeServer } from '../compose';
import { exampleMessage, sendPush, type PushTarget } from '../wechat/push-client/index';
import { authorizedEvent, platformPush, ticketEvent, unauthorizedEvent } from '../wechat/inbound/testing/platform-push';
import { startFakeOpenPlatform, type FakeAccount, type FakeOpenPlatform } from './testing/fake-open-platform';

const PLATFORM = {
  componentAppId: 'wxcomponent0000001',
  appSecret: 'componentSecret0001',
  token: 'platformToken01',
  encodingAesKey: `${'platformKey0'.repeat(3)}platfor`,
};
const SECRETS = { componentAppId: PLATFORM.componentAppId, token: PLATFORM.token, encodingAesKey: PLATFORM.encodingAesKey };
const MINI: FakeAccount = {
  appId: 'wxmini000000000001',
  name: '小店',
  originalId: 'gh_mini00000001',
  kind: 'miniprogram',
  permissions: [17, 19],
};

let dir: string;
let fake: FakeOpenPlatform;
let server: ComposedServer;
let listener: Server;
let base: string;
let bearer: string | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-open-platform-'));
  fake = await startFakeOpenPlatform({ appId: PLATFORM.componentAppId, secret: PLATFORM.appSecret });
  server = composeServer({
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir: dir,
      wechatApiBaseUrl: fake.url,
      masterKey: Buffer.alloc(32, 9).toString('base64'),
      firstAdmin: { username: 'admin', password: 'admin-password-1' },
      logLevel: 'silent',
    },
    logger: pino({ level: 'silent' }),
    pollMs: 50,
  });
  await server.start();
  listener = await new Promise<Server>((resolve) => {
    const s = server.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  bearer = undefined;
});

afterEach(async () => {
  listener.closeAllConnections();
  await new Promise((r) => listener.close(r));
  await server.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function api<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; text: string }> {
  bearer ??= (
    (await (
      await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }),
      })
    ).json()) as { token: string }
  ).token;
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as T, text };
}

async function postEvent(push: { query: Record<string, string>; body: string }): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/wechat/component/events?${new URLSearchParams(push.query)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: push.body,
  });
  return { status: res.status, text: await res.text() };
}

const inboxCount = () => (server.db.prepare('SELECT COUNT(*) AS n FROM inbox').get() as { n: number }).n;

async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Configured, with a ticket received. */
async function configured(): Promise<void> {
  expect((await api('PUT', '/platform', PLATFORM)).status).toBe(200);
  fake.ticket = 'ticket@@@first';
  expect(await postEvent(platformPush(SECRETS, ticketEvent(PLATFORM.componentAppId, fake.ticket)))).toEqual({
    status: 200,
    text: 'success',
  });
}

/** The admin scans and confirms on WeChat's page, which sends the browser back with the auth_code. */
async function authorizeFromPage(account: FakeAccount): Promise<{ location: string; code: string }> {
  const link = await api<{ url: string }>('POST', '/platform/authorization-links', { target: 'miniprogram', returnTo: '/app/channels' });
  expect(link.status).toBe(201);
  const redirectUri = new URL(link.body.url).searchParams.get('redirect_uri') as string;
  const code = fake.grant(account);
  const res = await fetch(`${redirectUri}&auth_code=${encodeURIComponent(code)}&expires_in=3600`, { redirect: 'manual' });
  expect(res.status).toBe(303);
  return { location: res.headers.get('location') as string, code };
}

const messagesTarget = (appId: string, over: Partial<PushTarget> = {}): PushTarget => ({
  url: `${base}/wechat/component/${appId}/messages`,
  token: PLATFORM.token,
  appId: PLATFORM.componentAppId, // receiveId of every push to the platform
  originalId: MINI.originalId,
  encodingAesKey: PLATFORM.encodingAesKey,
  mode: 'secure',
  format: 'xml',
  ...over,
});

const customerText = (openId: string, text: string, msgId: string) =>
  exampleMessage('text', { openId, originalId: MINI.originalId, createTime: 1714112445, msgId, text });

describe('the open platform’s settings', () => {
  it('are write-only: answers say whether secrets are set and where WeChat must push', async () => {
    const put = await api('PUT', '/platform', PLATFORM);
    expect(put.body).toMatchObject({
      configured: true,
      componentAppId: PLATFORM.componentAppId,
      appSecretSet: true,
      ticketValid: false,
      eventsPath: '/wechat/component/events',
      messagesPath: '/wechat/component/$APPID$/messages',
    });
    for (const secret of [PLATFORM.appSecret, PLATFORM.token, PLATFORM.encodingAesKey]) expect(put.text).not.toContain(secret);
    expect((await api('PUT', '/platform', { componentAppId: 'wxcomponent0000002' })).body).toMatchObject({
      componentAppId: 'wxcomponent0000002',
    });
  });

  it('come from the channels file when the platform is not configured yet', async () => {
    const file = join(dir, 'channels.json');
    writeFileSync(file, JSON.stringify({ platform: PLATFORM }));
    const seeded = composeServer({
      config: {
        port: 0,
        host: '127.0.0.1',
        dataDir: join(dir, 'seeded'),
        wechatApiBaseUrl: fake.url,
        masterKey: Buffer.alloc(32, 9).toString('base64'),
        channelsFile: file,
        logLevel: 'silent',
      },
      logger: pino({ level: 'silent' }),
      pollMs: 50,
    });
    await seeded.start();
    try {
      await expect(seeded.storage.platform.settings()).resolves.toMatchObject({ ...PLATFORM });
    } finally {
      await seeded.stop();
    }
  });

  it('a first configuration without its secrets is refused', async () => {
    const res = await api('PUT', '/platform', { componentAppId: PLATFORM.componentAppId });
    expect(res.status).toBe(400);
    expect((await api('GET', '/platform')).body).toMatchObject({ configured: false });
  });

  it('no authorization link before WeChat pushed a ticket', async () => {
    await api('PUT', '/platform', PLATFORM);
    const res = await api('POST', '/platform/authorization-links', { target: 'both' });
    expect([res.status, res.body.error.code]).toEqual([409, 'no_verify_ticket']);
  });
});

describe('the authorization-event URL', () => {
  it('keeps the latest ticket; a bad push is refused and the ticket kept stays', async () => {
    await configured();
    expect((await api('GET', '/platform')).body).toMatchObject({ ticketValid: true });
    const good = await server.storage.platform.ticket();
    const forged = platformPush({ ...SECRETS, token: 'someoneElse1' }, ticketEvent(PLATFORM.componentAppId, 'ticket@@@forged'));
    expect((await postEvent(forged)).status).toBe(401);
    const foreign = platformPush(SECRETS, ticketEvent(PLATFORM.componentAppId, 'ticket@@@foreign'), { receiveId: 'wxother000000000001' });
    expect((await postEvent(foreign)).status).toBeGreaterThanOrEqual(400);
    const foreignInside = platformPush(SECRETS, ticketEvent('wxother000000000001', 'ticket@@@inside'));
    expect((await postEvent(foreignInside)).status).toBeGreaterThanOrEqual(400);
    const hourAgo = String(Math.floor(Date.now() / 1000) - 3600);
    const replayed = platformPush(SECRETS, ticketEvent(PLATFORM.componentAppId, 'ticket@@@older'), { timestamp: hourAgo });
    expect(await postEvent(replayed)).toEqual({ status: 200, text: 'success' }); // validly signed once: acknowledged, not kept
    await expect(server.storage.platform.ticket()).resolves.toEqual(good);
  });
});

describe('authorizing a mini program by scanning', () => {
  it('creates the channel by itself, once, whichever of the redirect and the event comes first', async () => {
    await configured();
    const { location, code } = await authorizeFromPage(MINI);
    expect(location).toBe(`/app/channels?authorized=${MINI.appId}`);
    expect(await postEvent(platformPush(SECRETS, authorizedEvent(PLATFORM.componentAppId, MINI.appId, code)))).toEqual({
      status: 200,
      text: 'success',
    });
    const channels = (await api<{ items: Array<Record<string, unknown>> }>('GET', '/channels')).body.items;
    expect(channels).toEqual([
      expect.objectContaining({ id: MINI.appId, name: '小店', kind: 'miniprogram', appId: MINI.appId, originalId: MINI.originalId }),
    ]);
    const state = await api('GET', `/channels/${MINI.appId}/authorization`);
    expect(state.body.authorization).toMatchObject({
      state: 'authorized',
      permissions: [
        { id: 17, name: '帐号管理权限(小程序)' },
        { id: 19, name: '客服消息管理权限(小程序)' },
      ],
      missingPermissions: [{ id: 18, breaks: expect.stringContaining('login') }],
    });
    expect(state.text).not.toContain('refreshtoken');
    expect((await api('GET', '/platform/authorizations')).body.items).toHaveLength(1);
  });

  it('a spent or unknown auth_code goes back to the console with the error, and creates nothing', async () => {
    await configured();
    const res = await fetch(`${base}/wechat/component/authorized?auth_code=queryauthcode@@@nobody&return=/app/`, { redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toEqual([303, '/app/?authorization_error=wechat_refused']);
    const offsite = await fetch(`${base}/wechat/component/authorized?auth_code=x&return=//evil.example/`, { redirect: 'manual' });
    expect(offsite.headers.get('location')).toMatch(/^\/app\/\?/);
    expect((await api('GET', '/channels')).body.items).toEqual([]);
  });
});

describe('an authorized account’s pushes and replies', () => {
  it('arrive at the platform’s message URL, are stored and answered with the authorizer’s token', async () => {
    await configured();
    await authorizeFromPage(MINI);
    const agent = await api('POST', `/channels/${MINI.appId}/agents`, { name: '小王', maxConcurrent: 3 });
    await api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
    const answer = await sendPush(messagesTarget(MINI.appId), customerText('oCustomer1', '你好', '24201374105174091'));
    expect([answer.status, answer.body]).toEqual([200, 'success']);
    const welcome = await eventually(() => fake.sent.find((s) => s.body.touser === 'oCustomer1'));
    expect(welcome.appId).toBe(MINI.appId);
    const [conversation] = (await api('GET', `/channels/${MINI.appId}/conversations`)).body.items;
    const reply = await api('POST', `/conversations/${conversation.id}/reply`, { agentId: agent.body.id, text: '您好，请讲' });
    expect(reply.status).toBe(202);
    const answered = await eventually(() =>
      fake.sent.find((s) => (s.body.text as { content?: string } | undefined)?.content === '您好，请讲'),
    );
    expect(answered).toMatchObject({ appId: MINI.appId, body: { touser: 'oCustomer1', msgtype: 'text' } });
    expect(fake.calls.get('/cgi-bin/token')).toBeUndefined();
    expect(fake.calls.get('/cgi-bin/stable_token')).toBeUndefined();
  });

  it('the kit’s login of an authorized mini program goes through the component’s jscode2session', async () => {
    await configured();
    await authorizeFromPage(MINI);
    expect((await api('PATCH', `/channels/${MINI.appId}`, { unionIdKey: 'UnionKey16bytes!' })).status).toBe(200);
    const res = await fetch(`${base}/kit/channels/${MINI.appId}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'wxlogincode1' }),
    });
    expect([res.status, ((await res.json()) as { openid: string }).openid]).toEqual([200, 'o-wxlogincode1']);
    expect(fake.calls.get('/sns/component/jscode2session')).toBe(1);
    expect(fake.calls.get('/sns/jscode2session')).toBeUndefined();
  });

  it('refuses, storing nothing: an unknown authorizer, another platform’s receiveId, a wrong signature, the channel’s own URL', async () => {
    await configured();
    await authorizeFromPage(MINI);
    const before = inboxCount();
    const message = customerText('oCustomer2', '伪造', '24201374105174092');
    expect((await sendPush(messagesTarget('wxunknown000000001'), message)).status).toBe(404);
    expect((await sendPush(messagesTarget(MINI.appId, { appId: 'wxother000000000001' }), message)).status).toBeGreaterThanOrEqual(400);
    expect((await sendPush(messagesTarget(MINI.appId, { token: 'wrongToken1' }), message)).status).toBe(401);
    expect((await sendPush(messagesTarget(MINI.appId, { url: `${base}/wechat/${MINI.appId}` }), message)).status).toBe(401);
    expect(inboxCount()).toBe(before);
  });

  it('unauthorized disables the channel: its pushes are refused, its history and channel stay, admins see it revoked', async () => {
    await configured();
    await authorizeFromPage(MINI);
    await sendPush(messagesTarget(MINI.appId), customerText('oCustomer3', '在吗', '24201374105174093'));
    await eventually(() => (inboxCount() === 1 ? true : undefined));
    // Routed into a conversation before the authorization goes: the history that must stay.
    const listed = async () => (await api('GET', `/channels/${MINI.appId}/conversations`)).body.items as unknown[];
    await eventually(async () => ((await listed()).length === 1 ? true : undefined));
    expect((await postEvent(platformPush(SECRETS, unauthorizedEvent(PLATFORM.componentAppId, MINI.appId)))).status).toBe(200);
    const state = await api('GET', `/channels/${MINI.appId}/authorization`);
    expect(state.body.authorization).toMatchObject({ state: 'revoked', revokedAt: expect.any(Number) });
    expect((await sendPush(messagesTarget(MINI.appId), customerText('oCustomer3', '还在吗', '24201374105174094'))).status).toBe(404);
    expect(inboxCount()).toBe(1);
    expect(await listed()).toHaveLength(1);
  });
});
