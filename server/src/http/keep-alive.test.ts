import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { outlastClientPools } from './keep-alive';

/** Two requests on one connection, `pauseMs` apart: whether the second one is answered. */
async function secondRequestAnswered(server: Server, pauseMs: number): Promise<boolean> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8').on('data', (d: string) => (received += d));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const ask = () => socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
  const answers = () => received.split('HTTP/1.1 200').length - 1;
  ask();
  while (answers() < 1) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, pauseMs));
  if (!socket.destroyed) ask();
  await Promise.race([closed, new Promise((r) => setTimeout(r, 500))]);
  socket.destroy();
  await new Promise((r) => server.close(r));
  return answers() === 2;
}

const ok = () => createServer((_req, res) => res.end('ok'));

describe('keep-alive connections', () => {
  it('are kept past Node’s 5 s default, so a client reusing one after 6 s is answered', async () => {
    expect(await secondRequestAnswered(outlastClientPools(ok()), 6000)).toBe(true);
  }, 15_000);

  it('would be closed under the default (what the setting is for)', async () => {
    expect(await secondRequestAnswered(ok(), 6000)).toBe(false);
  }, 15_000);
});
