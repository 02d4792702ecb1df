// The loopback balancer against real upstream servers on loopback: round-robin, the request forwarded
// whole (method, path, headers, body), an event stream's first event arriving before the stream ends,
// and an upstream refusing connections skipped.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Balancer, startBalancer } from './balancer.mjs';

const servers: Server[] = [];
let balancer: Balancer | undefined;
afterEach(async () => {
  await balancer?.close();
  balancer = undefined;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** An upstream that echoes what it received, naming itself; /events streams one event then waits. */
async function upstream(name: string): Promise<number> {
  const server = createServer(async (req, res) => {
    if (req.url === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`event: ready\ndata: "${name}"\n\n`); // and the stream stays open
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': name });
    res.end(
      JSON.stringify({ name, method: req.method, url: req.url, auth: req.headers.authorization, body: Buffer.concat(chunks).toString() }),
    );
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const port = await upstream('gone');
  const server = servers.pop() as Server;
  await new Promise((r) => server.close(r));
  return port;
}

it('takes turns over its upstreams and forwards method, path, headers and body', async () => {
  balancer = await startBalancer({ upstreams: [await upstream('a'), await upstream('b')] });
  const answers: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`http://127.0.0.1:${balancer.port}/wechat/shop?x=${i}`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'text/xml' },
      body: `<xml>${i}</xml>`,
    });
    expect(res.status).toBe(201);
    answers.push((await res.json()) as Record<string, unknown>);
  }
  expect(answers.map((a) => a.name)).toEqual(['a', 'b', 'a', 'b']);
  expect(answers[3]).toEqual({ name: 'b', method: 'POST', url: '/wechat/shop?x=3', auth: 'Bearer t', body: '<xml>3</xml>' });
});

it('streams an event stream as it comes, without waiting for its end', async () => {
  balancer = await startBalancer({ upstreams: [await upstream('a')] });
  const abort = new AbortController();
  const res = await fetch(`http://127.0.0.1:${balancer.port}/events`, { signal: abort.signal });
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const reader = res.body?.getReader();
  let timer: NodeJS.Timeout | undefined;
  const first = await Promise.race([
    reader?.read(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('the first event did not arrive within 2 s')), 2000);
    }),
  ]);
  clearTimeout(timer);
  expect(Buffer.from((first as { value: Uint8Array }).value).toString()).toBe('event: ready\ndata: "a"\n\n');
  abort.abort();
});

it('skips an upstream that refuses connections; 502 when none accepts', async () => {
  const gone = await closedPort();
  balancer = await startBalancer({ upstreams: [gone, await upstream('b')] });
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`http://127.0.0.1:${balancer.port}/healthz`);
    expect([res.status, res.headers.get('x-balancer-upstream')]).toEqual([201, expect.not.stringMatching(String(gone))]);
  }
  await balancer.close();
  balancer = await startBalancer({ upstreams: [gone] });
  expect((await fetch(`http://127.0.0.1:${balancer.port}/healthz`)).status).toBe(502);
});
