// The push-path benchmark's peers are what its tables say, over real HTTP on loopback: node-webot's
// `wechat` middleware verifies and decrypts our secure pushes (a wrong signature is refused, so its row
// measures that work), the bare route answers `success`, and the WeChat stub answers our own outbound
// client's token and send calls and counts each send it took.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemoryTokenStore } from '../src/storage/testing/in-memory-token-store';
import { AccessTokenBroker, WeChatApi, WeChatClient, miniProgramMessages, sendCustomMessage } from '../src/wechat/outbound/index';
import { buildPush, exampleMessage } from '../src/wechat/push-client/index';
import { bareApp, webotApp } from './push-path-baselines';
import { CHANNEL, pushTarget } from './push-path-channel';
import { SEND_PATH, weChatStubServer } from './wechat-stub';

const servers: Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r)))));

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const push = (url: string) =>
  buildPush(
    pushTarget(url, 'xml'),
    exampleMessage('text', { openId: 'oBENCH1', originalId: CHANNEL.originalId, createTime: 1714112445, msgId: '1', text: '发货' }),
  );

async function post(p: { url: string; body: string; contentType: string }): Promise<[number, string]> {
  const res = await fetch(p.url, { method: 'POST', headers: { 'content-type': p.contentType }, body: p.body });
  return [res.status, await res.text()];
}

it('the wechat middleware answers a secure push with success and refuses a wrong signature', async () => {
  const base = await listen(createServer(webotApp()));
  const good = push(`${base}/wechat`);
  expect(await post(good)).toEqual([200, 'success']);
  const forged = { ...good, url: good.url.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${'0'.repeat(40)}`) };
  expect(await post(forged)).toEqual([401, 'Invalid signature']);
});

it('the bare route answers success without looking at the body', async () => {
  const base = await listen(createServer(bareApp()));
  expect(await post({ ...push(`${base}/bare`), url: `${base}/bare` })).toEqual([200, 'success']);
});

it('the stub answers our client with a token and every send at once, and counts the sends', async () => {
  const url = await listen(weChatStubServer());
  const client = new WeChatClient({ baseUrl: url });
  const broker = new AccessTokenBroker({ client, store: new InMemoryTokenStore(), appId: CHANNEL.appId, secret: CHANNEL.appSecret });
  const api = new WeChatApi(client, broker);
  await sendCustomMessage(api, miniProgramMessages.text('oBENCH1', '下单后 48 小时内发货'));
  await sendCustomMessage(api, miniProgramMessages.text('oBENCH2', '下单后 48 小时内发货'));
  const calls = (await (await fetch(`${url}/stub/calls`)).json()) as Record<string, number>;
  expect(calls).toEqual({ '/cgi-bin/stable_token': 1, [SEND_PATH]: 2 });
});
