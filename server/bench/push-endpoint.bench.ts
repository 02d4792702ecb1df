// Benchmark: the push endpoint alone (verify + decrypt + parse + acknowledge, secure mode; storing and
// routing are push-path.bench.ts) against a bare Express route that only answers `success`, in the same
// app and the same run, XML and JSON. Target: at least 0.9 of the bare route's throughput.
// Run:  npm run bench -- push-endpoint
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import pino from 'pino';
import type { ChannelConfig, PushFormat } from '../src/core/channel';
import { createApp } from '../src/http/create-app';
import { type CaseSpec, type Result, forkLoad, printTable, serveLoad } from './load';

const KEY = 'kLq0s9WZ2v3mJ4nB5xC6yD7zE8aF1gH2iJ3kL4mN5oP';

const channel = (format: PushFormat): ChannelConfig => ({
  id: `bench-${format}`,
  kind: 'miniprogram',
  appId: 'wx52f1b2c0e1d2a3b4',
  originalId: 'gh_1234567890ab',
  token: 'benchToken',
  encodingAesKey: KEY,
  mode: 'secure',
  format,
});

async function serve(): Promise<void> {
  const bare = Router();
  bare.post('/:format', (_req, res) => {
    res.type('text/plain').send('success');
  });
  const app = createApp({
    channels: { find: async (id) => [channel('xml'), channel('json')].find((c) => c.id === id) },
    onPush: async () => undefined,
    logger: pino({ level: 'silent' }),
    extraRouters: [['/bare', bare]],
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cases = (['xml', 'json'] as const).flatMap((format): CaseSpec[] => {
    const c = channel(format);
    const target = {
      url: `${base}/wechat/${c.id}`,
      token: c.token,
      appId: c.appId,
      originalId: c.originalId,
      encodingAesKey: KEY,
      mode: c.mode,
      format,
    };
    return [
      { name: `bare route, ${format} body`, url: `${base}/bare/${format}`, bodiesOf: target },
      { name: `push endpoint, secure ${format}`, url: target.url, push: target },
    ];
  });
  const { closed } = await forkLoad(__filename, { cases, connections: 50, warmupMs: 700, sliceMs: 500, rounds: 8 });
  for (let i = 0; i < closed.length; i += 2)
    printTable(`${cases[i + 1]?.name} (interleaved 0.5 s slices, 4 s per case)`, closed.slice(i, i + 2), closed[i] as Result);
  server.closeAllConnections();
  server.close();
}

if (process.argv[2] === '--load') serveLoad();
else void serve();
