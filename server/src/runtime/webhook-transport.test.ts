// The webhook transport over real HTTP on loopback: a redirect is an answer (never followed), a silent
// receiver times out, a closed port is a refused connection; none of them throws.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FetchWebhookTransport } from './webhook-transport';

let server: Server;
let followed = 0;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/target' }).end();
    } else if (req.url === '/target') {
      followed += 1;
      res.writeHead(204).end();
    } else if (req.url === '/silent') {
      // never answers
    } else res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const request = (url: string) => ({ url, body: '{}', headers: { 'content-type': 'application/json' } });

it('answers the status of a redirect without following it', async () => {
  const answer = await new FetchWebhookTransport().post(request(`${base}/redirect`));
  expect(answer.statusCode).toBe(302);
  expect(followed).toBe(0);
});

it('gives up on a silent receiver after its timeout, and reports a refused connection', async () => {
  const silent = await new FetchWebhookTransport(300).post(request(`${base}/silent`));
  expect(silent).toMatchObject({ error: 'no answer within 0.3 s' });
  expect(silent.latencyMs).toBeGreaterThanOrEqual(290);
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  expect((await new FetchWebhookTransport().post(request(`http://127.0.0.1:${port}/x`))).error).toBe('connection failed: ECONNREFUSED');
});
