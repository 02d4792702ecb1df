// Benchmark: the push endpoint (verify + decrypt + parse + acknowledge, secure mode) against a bare
// Express route that only answers `success`, same app, same run, XML and JSON.
// The server runs in this process; the load generator runs in a child process (50 keep-alive connections).
// Run:  npm run bench -- push-endpoint
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import pino from 'pino';
import type { ChannelConfig, PushFormat } from '../src/core/channel';
import { createApp } from '../src/http/create-app';
import { buildPush, exampleMessage, type BuiltPush } from '../src/wechat/push-client/index';

const CONNECTIONS = 50;
const WARMUP_MS = 700;
/** Length of one interleaved slice of a case. */
const SLICE_S = 0.5;
const KEY = 'kLq0s9WZ2v3mJ4nB5xC6yD7zE8aF1gH2iJ3kL4mN5oP';

const channel = (format: PushFormat): ChannelConfig => ({
  id: `bench-${format}`, kind: 'miniprogram', appId: 'wx52f1b2c0e1d2a3b4', originalId: 'gh_1234567890ab', token: 'benchToken', encodingAesKey: KEY, mode: 'secure', format,
});

interface Case {
  name: string;
  pushes: Array<Pick<BuiltPush, 'url' | 'body' | 'contentType'>>;
}
interface Result {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** 200 distinct signed pushes per format (different nonces, random prefixes and texts). */
function casesFor(baseUrl: string): Case[] {
  return (['xml', 'json'] as const).flatMap((format) => {
    const c = channel(format);
    const target = { url: `${baseUrl}/wechat/${c.id}`, token: c.token, appId: c.appId, originalId: c.originalId, encodingAesKey: KEY, mode: c.mode, format };
    const pushes = Array.from({ length: 200 }, (_, i) =>
      buildPush(target, exampleMessage('text', { openId: 'oBENCH0000000000000000000000', originalId: c.originalId, createTime: 1714112445, text: `你好 message ${i}`, msgId: String(23241477706429916n + BigInt(i)) })),
    );
    const bare = pushes.map((p) => ({ ...p, url: `${baseUrl}/bare/${format}` }));
    return [{ name: `bare route, ${format} body`, pushes: bare }, { name: `push endpoint, secure ${format}`, pushes }];
  });
}

// ---- load generator (child process)

function post(agent: http.Agent, p: Case['pushes'][number]): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request(p.url, { method: 'POST', agent, headers: { 'content-type': p.contentType, 'content-length': Buffer.byteLength(p.body) } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => resolve(res.statusCode === 200 && body === 'success'));
    });
    req.on('error', () => resolve(false));
    req.end(p.body);
  });
}

interface Sample {
  latencies: number[];
  errors: number;
  seconds: number;
}

/** Runs one case for `ms` milliseconds on 50 connections; returns its latencies unless it is warm-up. */
async function drive(agent: http.Agent, c: Case, ms: number): Promise<Sample> {
  const sample: Sample = { latencies: [], errors: 0, seconds: 0 };
  let i = 0;
  const start = performance.now();
  const loop = async (): Promise<void> => {
    while (performance.now() < start + ms) {
      const p = c.pushes[i++ % c.pushes.length] as Case['pushes'][number];
      const t = performance.now();
      const ok = await post(agent, p);
      sample.latencies.push(performance.now() - t);
      if (!ok) sample.errors++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  sample.seconds = (performance.now() - start) / 1000;
  return sample;
}

function summarise(name: string, samples: Sample[]): Result {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const errors = samples.reduce((n, s) => n + s.errors, 0);
  return { name, requests: latencies.length, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

/**
 * The machine is shared (2 cores), so cases are interleaved in short slices over several rounds:
 * a background spike then hits the bare route and the push endpoint alike instead of one of them.
 */
async function loadGenerator(baseUrl: string, seconds: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const cases = casesFor(baseUrl);
  for (const c of cases) await drive(agent, c, WARMUP_MS);
  const rounds = Math.max(1, Math.round(seconds / SLICE_S));
  const samples = cases.map(() => [] as Sample[]);
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of cases.entries()) samples[i]?.push(await drive(agent, c, SLICE_S * 1000));
  }
  agent.destroy();
  process.send?.(cases.map((c, i) => summarise(c.name, samples[i] ?? [])));
}

// ---- server (parent process)

function report(results: Result[]): void {
  console.log(`${'case'.padEnd(30)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}  vs bare`);
  for (let i = 0; i < results.length; i += 2) {
    const [bare, push] = [results[i], results[i + 1]] as [Result, Result];
    for (const r of [bare, push]) {
      const ratio = r === push ? `${(push.rps / bare.rps).toFixed(2)}` : '';
      console.log(`${r.name.padEnd(30)} ${r.rps.toFixed(0).padStart(9)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${String(r.errors).padStart(7)}  ${ratio}`);
    }
  }
}

async function serve(seconds: number): Promise<void> {
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
  const { port } = server.address() as AddressInfo;
  const child = fork(__filename, ['--load', `http://127.0.0.1:${port}`, String(seconds)], { stdio: 'inherit' });
  const results = await new Promise<Result[]>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Result[]));
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
  });
  report(results);
  server.closeAllConnections();
  server.close();
}

if (process.argv[2] === '--load') {
  void loadGenerator(process.argv[3] as string, Number(process.argv[4])).then(() => process.exit(0));
} else {
  void serve(Number(process.argv[2] ?? 4));
}
