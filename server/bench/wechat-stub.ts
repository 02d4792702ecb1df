// A fast, healthy WeChat API for the push-path benchmark (no benchmark here): tokens (cgi-bin/token,
// cgi-bin/stable_token) and every other call (the customer-service send cgi-bin/message/custom/send,
// which official accounts and mini programs share; typing) answered at once with errcode 0, and each call
// counted by path. It runs in a process of its own so that none of its CPU is counted as the server's.
// Unlike the WeChat emulator it checks nothing and keeps nothing: it stands for WeChat at its fastest.
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const SEND_PATH = '/cgi-bin/message/custom/send';

const TOKEN = JSON.stringify({ access_token: 'bench-access-token', expires_in: 7200 });
const OK = JSON.stringify({ errcode: 0, errmsg: 'ok' });

/** The stub's HTTP server (not listening yet). */
export function weChatStubServer(): http.Server {
  const calls = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    req.resume(); // the body is read and dropped: a healthy WeChat takes it whole
    req.on('end', () => {
      if (path === '/stub/calls') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Object.fromEntries(calls)));
        return;
      }
      calls.set(path, (calls.get(path) ?? 0) + 1);
      const token = path === '/cgi-bin/token' || path === '/cgi-bin/stable_token';
      res.writeHead(200, { 'content-type': 'application/json' }).end(token ? TOKEN : OK);
    });
  });
  // The server's client keeps connections alive (or should): do not close them under it.
  server.keepAliveTimeout = 65_000;
  return server;
}

/** In the `--wechat-stub` child: serves until killed, and tells the parent its port. */
export function serveWeChatStub(): void {
  const server = weChatStubServer().listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
}

export interface WeChatStub {
  url: string;
  /** Calls answered so far, by path. */
  calls(): Promise<Record<string, number>>;
  /** Customer-service sends answered so far. */
  sends(): Promise<number>;
  close(): void;
}

/** In the parent: forks `benchFile` with `--wechat-stub` and waits until it listens. */
export async function startWeChatStub(benchFile: string): Promise<WeChatStub> {
  const child = fork(benchFile, ['--wechat-stub'], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(m as number)));
  const url = `http://127.0.0.1:${port}`;
  const calls = async () => (await (await fetch(`${url}/stub/calls`)).json()) as Record<string, number>;
  return { url, calls, sends: async () => (await calls())[SEND_PATH] ?? 0, close: () => void child.kill() };
}
