import type { AddressInfo } from 'node:net';
import express from 'express';
import { readUnionIdToken } from '../../../../shared/src/index';
import { MINI_PROGRAM, startTestEmulator, type TestEmulator } from '../../emulator/testing/test-emulator';
import { WeChatClient, jscode2session } from '../../wechat/outbound/index';
import { KitSessionError, kitSessionRouter, type KitChannel } from './kit-session';

const KEY = '0123456789abcdef';
const channels: Record<string, KitChannel> = { demo: { appId: MINI_PROGRAM.appId, secret: MINI_PROGRAM.secret, unionIdKey: KEY } };

let emu: TestEmulator;
let url: string;
/** What the route reported as verified, in order. */
let verified: string[];
let close: () => void;
beforeEach(async () => {
  emu = await startTestEmulator();
  const client = new WeChatClient({ baseUrl: emu.baseUrl });
  verified = [];
  const app = express();
  app.use(
    '/kit',
    kitSessionRouter({
      findKitChannel: async (id) => channels[id],
      codeToSession: (a, code) => jscode2session(client, a, code),
      unionIdVerified: async (channelId, openid, unionId) => void verified.push(`${channelId}/${openid}/${unionId}`),
    }),
  );
  // Stands in for the app's one error handler: typed errors answer with their status and code.
  app.use(((err, _req, res, _next) => {
    if (err instanceof KitSessionError) res.status(err.status).json({ code: err.code });
    else res.status(500).json({ code: 'internal' });
  }) as express.ErrorRequestHandler);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kit/channels`;
  close = () => server.close();
});
afterEach(async () => {
  close();
  await emu.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${url}/${path}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('kit session route', () => {
  it('answers the openid and the UnionID encrypted with the channel key and bound to the openid, nothing else', async () => {
    await emu.admin(`/apps/${MINI_PROGRAM.appId}/customers`, { openId: 'oKit', unionId: 'oUnionKit' });
    const { code } = await emu.admin<{ code: string }>(`/apps/${MINI_PROGRAM.appId}/customers/oKit/login`);
    const res = await post('demo', { code });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['openid', 'unionId']);
    expect(body.openid).toBe('oKit');
    expect(body.unionId).not.toBe('oUnionKit');
    expect(readUnionIdToken(body.unionId ?? '', KEY, 'oKit')).toEqual({ kind: 'bound', unionId: 'oUnionKit' });
    expect(readUnionIdToken(body.unionId ?? '', KEY, 'oSomeoneElse')).toEqual({ kind: 'other_openid' });
    expect(verified).toEqual(['demo/oKit/oUnionKit']);
  });

  it('verifies nothing when WeChat has no UnionID for the user', async () => {
    await emu.admin(`/apps/${MINI_PROGRAM.appId}/customers`, { openId: 'oNoUnion', unionId: null });
    const { code } = await emu.admin<{ code: string }>(`/apps/${MINI_PROGRAM.appId}/customers/oNoUnion/login`);
    expect(await (await post('demo', { code })).json()).toEqual({ openid: 'oNoUnion', unionId: null });
    expect(verified).toEqual([]);
  });

  it.each([
    ['a missing code', 'demo', {}, 400, 'invalid_request'],
    ['an unknown channel', 'nope', { code: 'abc' }, 404, 'unknown_channel'],
    ['a code WeChat does not know', 'demo', { code: 'abc' }, 400, 'invalid_code'],
  ])('rejects %s', async (_what, channel, body, status, code) => {
    const res = await post(channel, body);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ code });
  });

  it('maps WeChat being busy to 503', async () => {
    await emu.admin('/faults', { api: 'sns/jscode2session', errcode: 45011, times: 10 });
    const res = await post('demo', { code: 'abc' });
    expect(res.status).toBe(503);
  }, 20_000);
});
