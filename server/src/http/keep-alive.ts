// How long the server keeps an idle keep-alive connection. Node's default is 5 s, shorter than the
// pools of the clients that reuse connections: nginx keeps upstream connections for 60 s, WeChat's push
// client for an unknown while. A client sending on a connection the server has just closed gets a
// reset (a 502 from nginx, a push WeChat must send again); the live-latency benchmark's load, a pool of
// 64 connections at 200 pushes/s, hit it twice in ten runs of 5,000 pushes. The server must outlast its clients
// instead, and its header timeout must exceed the keep-alive one (Node's rule).
import type { Server } from 'node:http';

export const KEEP_ALIVE_MS = 65_000;

export function outlastClientPools(server: Server): Server {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  return server;
}
