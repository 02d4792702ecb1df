// The JSON calls' connections: kept alive and pooled (a local HTTP server counts the connections it
// accepts), the call timeout still fires and is in doubt, and a request never written is not in doubt.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WeChatClient } from './client';
import { WeChatTransportError } from './errors';

let server: Server;
let connections: number;
let received: Array<{ method?: string; url?: string; body: string }>;
let answer: (req: IncomingMessage, res: ServerResponse) => void;

beforeEach(async () => {
  connections = 0;
  received = [];
  answer = (_req, res) => res.setHeader('content-type', 'application/json').end('{"errcode":0,"errmsg":"ok"}');
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, body });
      answer(req, res);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const baseUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

it('reuses one connection for calls one after another', async () => {
  const client = new WeChatClient({ baseUrl: baseUrl() });
  for (let i = 0; i < 20; i++) await client.postJson('cgi-bin/message/custom/send', { access_token: 'tok' }, { touser: `u${i}` });
  expect(received).toHaveLength(20);
  expect(connections).toBe(1);
  expect(received[3]).toEqual({ method: 'POST', url: '/cgi-bin/message/custom/send?access_token=tok', body: '{"touser":"u3"}' });
});

it('pools connections for concurrent calls and reuses them for the next batch', async () => {
  const client = new WeChatClient({ baseUrl: baseUrl() });
  const batch = () => Promise.all(Array.from({ length: 10 }, () => client.getJson('cgi-bin/x', { a: 'b c', skipped: undefined })));
  await batch();
  const afterFirst = connections;
  expect(afterFirst).toBeLessThanOrEqual(10);
  await batch();
  await batch();
  expect(connections).toBe(afterFirst);
  expect(received[0]?.url).toBe('/cgi-bin/x?a=b%20c');
});

it('keeps a base URL path and answers a non-2xx status as a transport error, not in doubt', async () => {
  answer = (_req, res) => res.writeHead(502).end('bad gateway');
  const err = await new WeChatClient({ baseUrl: `${baseUrl()}/prefix/` }).getJson('/cgi-bin/y', {}).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WeChatTransportError);
  expect(err).toMatchObject({ status: 502, inDoubt: false });
  expect(received[0]?.url).toBe('/prefix/cgi-bin/y');
});

it('times out a written call as in doubt, and the next call still goes through', async () => {
  answer = (req, res) => {
    if (req.url?.startsWith('/slow')) setTimeout(() => res.end('{}'), 500);
    else res.end('{"errcode":0}');
  };
  const client = new WeChatClient({ baseUrl: baseUrl(), timeoutMs: 100 });
  const started = Date.now();
  const err = await client.postJson('slow', { access_token: 'secret-token' }, { a: 1 }).catch((e: unknown) => e);
  expect(Date.now() - started).toBeLessThan(450);
  expect(err).toBeInstanceOf(WeChatTransportError);
  expect(err).toMatchObject({ inDoubt: true });
  expect((err as Error).message).not.toContain('secret-token');
  await expect(client.getJson('fast', {})).resolves.toEqual({ errcode: 0 });
});

it('reports a connection refused as not sent', async () => {
  const url = baseUrl();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  server = createServer().listen(0); // afterEach closes this one
  const err = await new WeChatClient({ baseUrl: url }).postJson('p', {}, {}).catch((e: unknown) => e);
  expect(err).toMatchObject({ inDoubt: false });
  expect((err as { cause?: { cause?: { syscall?: string } } }).cause?.cause?.syscall).toBe('connect');
});

it('marks a connection lost in the middle of the answer as in doubt, at once', async () => {
  answer = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"errcode":');
    setTimeout(() => res.socket?.destroy(), 20);
  };
  const started = Date.now();
  const err = await new WeChatClient({ baseUrl: baseUrl() }).postJson('p', {}, { a: 1 }).catch((e: unknown) => e);
  expect(Date.now() - started).toBeLessThan(2000);
  expect(err).toBeInstanceOf(WeChatTransportError);
  expect(err).toMatchObject({ inDoubt: true });
});
