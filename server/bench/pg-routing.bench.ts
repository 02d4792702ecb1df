// Benchmark: routing alone on PostgreSQL, in one process, with the statements it sends counted. A server
// is composed on a throwaway PostgreSQL (the tests' support: TEST_DATABASE_URL's server, else a cluster of
// its own) with the push-path benchmark's channel and settings (robot-only reception, a knowledge entry
// that answers). Pushes from 1,000 customers are stored straight into the inbox, then the inbox worker
// routes them: a first round creates the customers, the second routes their next messages. It prints
// routed/s, this process's CPU per routed push, and the statements sent per routed push (each statement
// is a round trip to the database), with the costliest kinds. The outbox sender is stopped (`--send`
// leaves it on, against a stub WeChat in this process), so the figures are routing's own.
// `npm run bench -- pg-routing` (PG_ROUTING_PUSHES=3000 by default).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { composeServer, type ComposedServer } from '../src/compose';
import { readConfig } from '../src/config';
import type { TextMessage } from '../src/core/inbound-message';
import { startTestCluster } from '../src/storage/postgres/testing/test-cluster';
import { CHANNEL } from './push-path-channel';
import { configureRouting } from './push-path-sides';
import { weChatStubServer } from './wechat-stub';

const PUSHES = Number(process.env.PG_ROUTING_PUSHES ?? 3000);
const SEND = process.argv.includes('--send');

/** Statements sent by this process while `counting`, by their text (errors by SQLSTATE). */
const sent = new Map<string, { n: number; ms: number }>();
let counting = false;

function countStatements(): void {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '?');
    const started = performance.now();
    const result = query.apply(this, args);
    if (counting && result instanceof Promise) {
      const note = (key: string) => {
        const s = sent.get(key) ?? { n: 0, ms: 0 };
        sent.set(key, { n: s.n + 1, ms: s.ms + performance.now() - started });
      };
      const key = text.replace(/\s+/g, ' ').slice(0, 90);
      result.then(
        () => note(key),
        (e: { code?: string }) => note(`failed ${e.code ?? ''}: ${key}`),
      );
    }
    return result;
  };
}

async function compose(url: string, dir: string, wechat: string): Promise<{ server: ComposedServer; close(): Promise<void> }> {
  const channels = (['xml', 'json'] as const).map((format) => ({ id: format, kind: 'miniprogram', ...CHANNEL, mode: 'secure', format }));
  writeFileSync(join(dir, 'channels.json'), JSON.stringify({ channels }));
  const config = readConfig({
    DATABASE_URL: url,
    DATA_DIR: dir,
    KEFU_CHANNELS_FILE: join(dir, 'channels.json'),
    KEFU_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
    KEFU_ADMIN_USER: 'bench',
    KEFU_ADMIN_PASSWORD: 'bench-password-1',
    WECHAT_API_BASE_URL: wechat,
    NODE_ENV: 'production',
  });
  const server = composeServer({ config, logger: pino({ level: 'warn' }) });
  await server.start();
  if (!SEND) await server.outboxSender.stop();
  const listener = server.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  await configureRouting(`http://127.0.0.1:${(listener.address() as { port: number }).port}`);
  return { server, close: async () => (listener.close(), await server.stop()) };
}

const push = (round: number, i: number): TextMessage => ({
  type: 'text',
  toUserName: CHANNEL.originalId,
  fromUserName: `bench-customer-${i % 1000}`,
  createTime: '1714112445',
  msgId: String(round * 10_000_000 + i + 1),
  content: `你好，订单 ${i} 什么时候发货？`,
});

/** Stores one round of pushes, then times the worker until the inbox is empty. */
async function round(server: ComposedServer, pool: pg.Pool, n: number): Promise<{ perSecond: number; cpuMs: number }> {
  await Promise.all(Array.from({ length: PUSHES }, (_, i) => server.storage.inbox.accept('xml', push(n, i), Date.now())));
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  void server.inboxWorker.kick();
  const pending = async () => (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM inbox WHERE state = 'pending'")).rows[0]?.n;
  while ((await pending()) !== 0) await new Promise((resolve) => setTimeout(resolve, 20));
  const used = process.cpuUsage(cpu);
  return { perSecond: PUSHES / ((performance.now() - started) / 1000), cpuMs: (used.user + used.system) / 1000 / PUSHES };
}

function report(first: { perSecond: number }, second: { perSecond: number; cpuMs: number }): void {
  const rows = [...sent.entries()].sort((a, b) => b[1].n - a[1].n);
  const total = rows.reduce((sum, [, s]) => sum + s.n, 0);
  console.log(`first round (new customers): ${first.perSecond.toFixed(0)} routed/s`);
  console.log(`second round: ${second.perSecond.toFixed(0)} routed/s, CPU of this process ${second.cpuMs.toFixed(3)} ms per push`);
  console.log(`statements per routed push: ${(total / PUSHES).toFixed(2)} (${total} for ${PUSHES}); the most frequent:`);
  for (const [text, s] of rows.slice(0, 12)) console.log(`${String(s.n).padStart(7)} ${(s.ms / s.n).toFixed(2).padStart(7)} ms  ${text}`);
}

async function main(): Promise<void> {
  countStatements();
  console.log(`${PUSHES} pushes per round from 1,000 customers; outbox sender ${SEND ? 'on' : 'off'}`);
  console.log(`Load average before: ${loadavg()[0]?.toFixed(1)} (a quiet 2-core machine shows under 1)`);
  const stub = weChatStubServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => stub.once('listening', resolve));
  const cluster = await startTestCluster();
  const dir = mkdtempSync(join(tmpdir(), 'kefu-pg-routing-'));
  try {
    const url = await cluster.createDatabase();
    const node = await compose(url, dir, `http://127.0.0.1:${(stub.address() as { port: number }).port}`);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const first = await round(node.server, pool, 0);
      counting = true;
      const second = await round(node.server, pool, 1);
      counting = false;
      report(first, second);
    } finally {
      await pool.end();
      await node.close();
    }
  } finally {
    stub.close();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Load average after: ${loadavg()[0]?.toFixed(1)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
