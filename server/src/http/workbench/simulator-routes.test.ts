// The customer simulator against the WeChat emulator: off unless configured, admin-only, and a whole
// round trip (the customer writes through the emulator, the agent's greeting comes back).
import { readConfig, ConfigError } from '../../config';
import { CHANNEL, eventually, startStack, type Stack } from '../../e2e/testing/stack';
import { bearerLogin, startWorkbenchApp, type WorkbenchApp } from './testing/workbench-app';

let stack: Stack;
let app: WorkbenchApp;
let admin: string;
beforeEach(async () => {
  stack = await startStack();
  app = await startWorkbenchApp(stack, {
    simulator: {
      wechatApiBaseUrl: stack.emulator.baseUrl,
      channelAppId: async (id) => (await stack.server.storage.channels.get(id))?.appId,
    },
  });
  admin = await bearerLogin(stack, 'admin', 'admin-password-1');
});
afterEach(async () => {
  await app.close();
  await stack.close();
});

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const say = (token: string, body: unknown) =>
  fetch(`${app.baseUrl}/workbench/simulator/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const received = async (token: string, openid: string) =>
  (await (
    await fetch(`${app.baseUrl}/workbench/simulator/messages?channelId=${CHANNEL.id}&openid=${openid}`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as { items: Array<{ message: { msgtype: string; text?: { content: string } } }> };

describe('the customer simulator', () => {
  it('a customer writes through the emulator and sees the agent’s greeting arrive', async () => {
    const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name: '小王' });
    await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
    const res = await say(admin, { channelId: CHANNEL.id, openid: 'oSim1', text: '你好', sessionFrom: 'sobot|小明|https://a/b.png|' });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ msgId: expect.any(String), push: { delivered: true } });
    const items = await eventually(async () => {
      const list = (await received(admin, 'oSim1')).items;
      return list.some((i) => i.message.text?.content.includes('小王')) ? list : undefined;
    });
    expect(items[0]?.message.msgtype).toBe('text');
    expect((await received(admin, 'oSomeoneElse')).items).toEqual([]);
  });

  it('is for admins only, and checks its input', async () => {
    const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name: '小李' });
    await stack.api('POST', '/accounts', {
      username: 'agent-li',
      password: 'agent-password-1',
      grant: { role: 'agent', agentId: agent.body.id },
    });
    const agentToken = await bearerLogin(stack, 'agent-li', 'agent-password-1');
    expect((await say(agentToken, { channelId: CHANNEL.id, openid: 'oSim2', text: 'hi' })).status).toBe(403);
    expect((await say('', { channelId: CHANNEL.id, openid: 'oSim2', text: 'hi' })).status).toBe(401);
    expect((await say(admin, { channelId: CHANNEL.id, openid: '../x', text: 'hi' })).status).toBe(400);
    expect((await say(admin, { channelId: 'nope', openid: 'oSim2', text: 'hi' })).status).toBe(404);
  });

  it('shows the pictures WeChat delivered: the media bytes pass through from the emulator, for admins only', async () => {
    const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name: '小图' });
    await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
    expect((await say(admin, { channelId: CHANNEL.id, openid: 'oSim3', text: '发张图' })).status).toBe(202);
    const conversationId = await eventually(async () => {
      const list = await stack.api<{ items: Array<{ id: string }> }>('GET', `/channels/${CHANNEL.id}/conversations?state=assigned`);
      return list.body.items[0]?.id;
    });
    const upload = await stack.api<{ media: string }>('POST', `/channels/${CHANNEL.id}/media`, {
      filename: 'dot.png',
      contentType: 'image/png',
      base64: PNG.toString('base64'),
    });
    expect(upload.status).toBe(201);
    expect(
      (await stack.api('POST', `/conversations/${conversationId}/reply`, { image: { media: upload.body.media }, agentId: agent.body.id }))
        .status,
    ).toBe(202);
    const mediaId = await eventually(async () => {
      const items = (await received(admin, 'oSim3')).items as Array<{ message: { msgtype: string; image?: { media_id: string } } }>;
      return items.find((i) => i.message.msgtype === 'image')?.message.image?.media_id;
    });
    const media = (token: string, id = mediaId, channelId = CHANNEL.id) =>
      fetch(`${app.baseUrl}/workbench/simulator/media/${id}?channelId=${channelId}`, { headers: { authorization: `Bearer ${token}` } });
    const res = await media(admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    // Straight from the emulator too (its own tools), and nowhere else.
    expect((await fetch(`${stack.emulator.baseUrl}/emulator/apps/${CHANNEL.appId}/media/${mediaId}`)).status).toBe(200);
    expect((await fetch(`${stack.emulator.baseUrl}/emulator/apps/wxsomeoneelse01/media/${mediaId}`)).status).toBe(404);

    const agentAccount = await stack.api('POST', '/accounts', {
      username: 'agent-tu',
      password: 'agent-password-1',
      grant: { role: 'agent', agentId: agent.body.id },
    });
    expect(agentAccount.status).toBe(201);
    expect((await media(await bearerLogin(stack, 'agent-tu', 'agent-password-1'))).status).toBe(403);
    expect((await media('')).status).toBe(401);
    expect((await media(admin, 'unknownMedia1')).status).toBe(404);
    expect((await media(admin, mediaId, 'nope')).status).toBe(404);
    expect((await media(admin, 'bad.id')).status).toBe(400);
  });

  it('is not mounted by the composed server unless KEFU_SIMULATOR=1', async () => {
    const res = await fetch(`${stack.baseUrl}/workbench/simulator/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(404);
  });
});

describe('KEFU_SIMULATOR', () => {
  const base = { KEFU_MASTER_KEY: 'k' };
  it('is off by default and on with 1', () => {
    expect(readConfig(base).simulator).toBeUndefined();
    expect(readConfig({ ...base, KEFU_SIMULATOR: '1' }).simulator).toBe(true);
    expect(readConfig({ ...base, KEFU_SIMULATOR: '0', NODE_ENV: 'production' }).simulator).toBeUndefined();
  });
  it('is refused in production', () => {
    expect(() => readConfig({ ...base, KEFU_SIMULATOR: '1', NODE_ENV: 'production' })).toThrow(ConfigError);
  });
});
