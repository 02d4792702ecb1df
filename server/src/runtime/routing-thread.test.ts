// The routing thread: the composed server with `routingThread`, the thread run from a bundle of
// testing/routing-thread-entry.ts (a worker cannot load TypeScript). Pushes go in through the main
// thread's side (RoutingThread.accept, what the push endpoint calls).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { bundleForNode } from '../../../scripts/lib/bundle-node.mjs';
import { type ComposedServer, composeServer } from '../compose';
import type { TextMessage } from '../core/inbound-message';
import type { EngineNotice } from '../core/ports/notifier';
import { openDatabase } from '../storage/database';
import { SqliteInbox } from '../storage/sqlite-inbox';
import { RoutingThread } from './routing-thread-client';

const root = join(__dirname, '../../..');
const silent = pino({ level: 'silent' });
let scripts: string;
let script: string;
let dir: string;

beforeAll(async () => {
  // Inside the repository, so that the bundle finds node_modules.
  mkdirSync(join(root, 'build'), { recursive: true });
  scripts = mkdtempSync(join(root, 'build', 'routing-thread-test-'));
  script = join(scripts, 'routing-thread.cjs');
  await bundleForNode(join(__dirname, 'testing/routing-thread-entry.ts'), script, { quiet: true });
}, 30_000);
afterAll(() => rmSync(scripts, { recursive: true, force: true }));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'routing-thread-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const text = (i: number): TextMessage => ({ type: 'text', toUserName: 'gh_x', fromUserName: `o${i % 3}`, createTime: 1714112445 + i, msgId: String(9000 + i), content: `消息 ${i}` });

async function compose(thread: boolean): Promise<ComposedServer> {
  const config = { port: 0, host: '127.0.0.1', dataDir: dir, wechatApiBaseUrl: 'http://127.0.0.1:9', masterKey: Buffer.alloc(32, 3).toString('base64'), logLevel: 'silent' as const };
  const server = composeServer({ config, logger: silent, pollMs: 50, ...(thread && { routingThread: script }) });
  const now = Date.now();
  if (!(await server.storage.channels.get('shop'))) {
    await server.storage.channels.save({ id: 'shop', name: 'shop', kind: 'miniprogram', appId: 'wx0000000000000001', appSecret: 'secret-secret-01', originalId: 'gh_x', token: 'token', mode: 'plaintext', format: 'json', tokenSource: 'stable', createdAt: now, updatedAt: now });
  }
  return server;
}

const count = (server: ComposedServer, sql: string) => (server.db.prepare(sql).get() as { n: number }).n;

async function routed(server: ComposedServer, expected: number): Promise<void> {
  for (let tries = 0; count(server, "SELECT count(*) AS n FROM inbox WHERE state = 'done'") < expected; tries++) {
    if (tries > 250) throw new Error('the routing thread did not route everything in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('stores each push once, routes it exactly once, and passes its notices to the main thread', async () => {
  const server = await compose(true);
  const notices: EngineNotice[] = [];
  server.notices.subscribe((n) => notices.push(...n));
  await server.start();
  const thread = server.inboxWorker as RoutingThread;
  const outcomes = await Promise.all([...Array.from({ length: 30 }, (_, i) => thread.accept('shop', text(i), Date.now())), ...[0, 1, 2].map((i) => thread.accept('shop', text(i), Date.now()))]);
  expect(outcomes.filter((o) => o === 'stored')).toHaveLength(30);
  expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(3);
  // Acknowledged means committed: the main thread's own connection sees every push at once.
  expect(count(server, 'SELECT count(*) AS n FROM inbox')).toBe(30);
  await thread.kick();
  await routed(server, 30);
  expect(count(server, "SELECT count(*) AS n FROM messages WHERE wechat_msg_id IS NOT NULL AND json_extract(data, '$.direction') = 'in'")).toBe(30);
  expect(count(server, 'SELECT count(*) AS n FROM (SELECT wechat_msg_id FROM messages WHERE wechat_msg_id IS NOT NULL GROUP BY wechat_msg_id HAVING count(*) > 1)')).toBe(0);
  const added = new Set(notices.filter((n) => n.type === 'message_added').map((n) => (n as { messageId: string }).messageId));
  expect(added.size).toBeGreaterThanOrEqual(30);
  await server.stop();
});

it('routes what an earlier process stored but did not route, once, after a restart', async () => {
  const first = await compose(false);
  const inbox = new SqliteInbox(first.db); // stored, never kicked: the process stopped before routing
  for (let i = 0; i < 12; i++) await inbox.accept('shop', text(i), Date.now());
  await first.stop();

  const second = await compose(true);
  await second.start();
  await routed(second, 12);
  await second.stop();

  const third = await compose(true);
  await third.start();
  await third.inboxWorker.kick();
  expect(count(third, "SELECT count(*) AS n FROM inbox WHERE state <> 'done'")).toBe(0);
  expect(count(third, 'SELECT count(*) AS n FROM messages WHERE wechat_msg_id IS NOT NULL')).toBe(12);
  await third.stop();
});

it('replaces a thread that died: the pushes it held fail, the next ones are stored by its successor', async () => {
  // The first thread dies on its first push; the one started after it (the marker file exists) stores.
  const flaky = join(scripts, 'flaky.cjs');
  const marker = join(dir, 'died-once');
  writeFileSync(flaky, `const { parentPort } = require('node:worker_threads'); const fs = require('node:fs');
parentPort.on('message', (m) => {
  if (m.type === 'start') parentPort.postMessage({ type: 'started', seq: m.seq });
  else if (m.type === 'stop') { parentPort.postMessage({ type: 'stopped' }); parentPort.close(); }
  else if (m.type === 'kick') parentPort.postMessage({ type: 'kicked', seq: m.seq });
  else if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(1); }
  else parentPort.postMessage({ type: 'accepted', outcomes: m.pushes.map((p) => ({ seq: p.seq, outcome: 'stored' })) });
});
`);
  const thread = new RoutingThread({ script: flaky, settings: { databaseFile: join(dir, 'kefu.db'), masterKey: '', pollMs: 50, logLevel: 'silent' }, logger: silent, notices: { notify: async () => undefined }, onOutbox: () => undefined, restartMs: 10 });
  await thread.start();
  await expect(thread.accept('shop', text(1), Date.now())).rejects.toThrow(/routing thread stopped/);
  await new Promise((r) => setTimeout(r, 50));
  await expect(thread.accept('shop', text(1), Date.now())).resolves.toBe('stored');
  await thread.stop();
});

it('answers a push it could not store with an error, so it is never acknowledged', async () => {
  const dead = join(scripts, 'exits.cjs');
  writeFileSync(dead, "require('node:worker_threads').parentPort.close();\n");
  const db = openDatabase(join(dir, 'kefu.db'));
  db.close();
  const thread = new RoutingThread({ script: dead, settings: { databaseFile: join(dir, 'kefu.db'), masterKey: '', pollMs: 50, logLevel: 'silent' }, logger: silent, notices: { notify: async () => undefined }, onOutbox: () => undefined });
  await expect(thread.accept('shop', text(1), Date.now())).rejects.toThrow(/routing thread stopped/);
  await expect(thread.kick()).resolves.toBeUndefined();
  await thread.stop();
});
