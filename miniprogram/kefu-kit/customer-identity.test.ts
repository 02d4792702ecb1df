/**
 * @jest-environment node
 */
// The kit's identity helper against the real kit-session route and the WeChat emulator over HTTP.
// Only `wx` is stood in for, at the platform boundary: wx.login asks the emulator for a code as
// WeChat would, wx.request is a real HTTP request.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { readUnionIdToken } from '../../shared/src/index';
import { MINI_PROGRAM, startTestEmulator, type TestEmulator } from '../../server/src/emulator/testing/test-emulator';
import { createApp } from '../../server/src/http/create-app';
import { kitSessionRouter } from '../../server/src/http/routes/kit-session';
import { WeChatClient, jscode2session } from '../../server/src/wechat/outbound/index';
import { fetchCustomerIdentity } from './customer-identity';

const KEY = 'kit-unionid-key-0123456789abcdef';
let emu: TestEmulator;
let serverUrl: string;
let stop: () => void;
let requests: string[];

function installWx(openId: string) {
  (globalThis as Record<string, unknown>).wx = {
    login: ({ success, fail }: { success(r: { code: string }): void; fail(e: { errMsg: string }): void }) => {
      emu.admin<{ code: string }>(`/apps/${MINI_PROGRAM.appId}/customers/${openId}/login`).then(
        (r) => success(r),
        (e: Error) => fail({ errMsg: e.message }),
      );
    },
    request: (o: {
      url: string;
      data: unknown;
      success(r: { statusCode: number; data: unknown }): void;
      fail(e: { errMsg: string }): void;
    }) => {
      requests.push(o.url);
      fetch(o.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(o.data) })
        .then(async (res) => {
          // Like wx.request: JSON bodies arrive parsed, anything else as text.
          const text = await res.text();
          let data: unknown = text;
          try {
            data = JSON.parse(text);
          } catch {}
          o.success({ statusCode: res.status, data });
        })
        .catch((e: Error) => o.fail({ errMsg: e.message }));
    },
  };
}

beforeAll(async () => {
  emu = await startTestEmulator();
  const client = new WeChatClient({ baseUrl: emu.baseUrl });
  const app = createApp({
    channels: { find: async () => undefined },
    onPush: async () => undefined,
    extraRouters: [
      [
        '/kit',
        kitSessionRouter({
          findKitChannel: async (id) =>
            id === 'shop' ? { appId: MINI_PROGRAM.appId, secret: MINI_PROGRAM.secret, unionIdKey: KEY } : undefined,
          codeToSession: (a, code) => jscode2session(client, a, code),
          unionIdVerified: async () => undefined,
        }),
      ],
    ],
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', r));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  stop = () => server.close();
});
afterAll(async () => {
  stop();
  await emu.close();
});
beforeEach(() => {
  requests = [];
});

describe('fetchCustomerIdentity', () => {
  it('gets the UnionID encrypted with the channel key and bound to the openid from the server', async () => {
    await emu.admin(`/apps/${MINI_PROGRAM.appId}/customers`, { openId: 'oAlice', unionId: 'oUnionAlice' });
    installWx('oAlice');
    const identity = await fetchCustomerIdentity({ serverUrl, channelId: 'shop' });
    expect(identity.openid).toBe('oAlice');
    expect(readUnionIdToken(identity.unionId as string, KEY, 'oAlice')).toEqual({ kind: 'bound', unionId: 'oUnionAlice' });
    expect(requests).toEqual([`${serverUrl}kit/channels/shop/session`]);
  });

  it('answers null when WeChat has no UnionID for the user', async () => {
    await emu.admin(`/apps/${MINI_PROGRAM.appId}/customers`, { openId: 'oBob', unionId: null });
    installWx('oBob');
    expect(await fetchCustomerIdentity({ serverUrl, channelId: 'shop' })).toEqual({ openid: 'oBob', unionId: null });
  });

  it('rejects with the server status for an unknown channel', async () => {
    installWx('oAlice');
    await expect(fetchCustomerIdentity({ serverUrl, channelId: 'nope' })).rejects.toThrow(/kefu server answered HTTP 404/);
  });
});

describe('the kit endpoint through the app error handler', () => {
  it('answers typed errors as JSON with their own status and code', async () => {
    const res = await fetch(`${serverUrl}kit/channels/nope/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"code":"x"}',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'unknown_channel', message: 'unknown channel' } });
    const bad = await fetch(`${serverUrl}kit/channels/shop/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });
});
