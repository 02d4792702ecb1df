// The baselines of the push-path benchmark (no benchmark here), each served in a child process of its
// own: a bare Express route answering `success`, node-webot's `wechat` middleware in secure mode
// (signature, decryption, XML parsing) answering `success`, storing and routing nothing, and Node's own
// HTTP server answering `success` with no framework at all: the most any server can be acknowledged by
// this load on this machine (the load's own ceiling), which bounds every ratio the benchmark prints.
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import wechat from 'wechat';
import { outlastClientPools } from '../src/http/keep-alive';
import { CHANNEL } from './push-path-channel';

export function bareApp(): Express {
  const app = express();
  app.post('/bare', (_req, res) => {
    res.type('text/plain').send('success');
  });
  return app;
}

/** Verified, decrypted and parsed by the middleware at /wechat; stored and routed nowhere. */
export function webotApp(): Express {
  const app = express();
  const config = { token: CHANNEL.token, appid: CHANNEL.appId, encodingAESKey: CHANNEL.encodingAesKey };
  app.use(
    '/wechat',
    wechat(config, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('success');
    }),
  );
  return app;
}

/** Node's HTTP server alone: reads the body, answers `success`. */
export function nodeHttpServer(): Server {
  return createServer((req, res) => {
    req.resume().once('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('success');
    });
  });
}

/** In a baseline's child: listens, and tells the parent its port. */
export function serveBaseline(app: Express | Server): void {
  const s = app instanceof Server ? app : createServer(app);
  s.listen(0, '127.0.0.1', () => process.send?.((s.address() as AddressInfo).port));
  outlastClientPools(s);
}
