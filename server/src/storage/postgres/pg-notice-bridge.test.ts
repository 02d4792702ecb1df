// Live notices across nodes: two hubs, each with its own pool and LISTEN client on one real PostgreSQL
// database, as two server processes. A notice published on either reaches every subscriber exactly once,
// in order, big ones too, and after the LISTEN connection is cut (as by a database restart) it resumes.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import type { EngineNotice } from '../../core/ports/notifier';
import { NoticeHub } from '../../runtime/notice-hub';
import { MAX_PAYLOAD_BYTES, noticePayloads, PgNoticeBridge } from './pg-notice-bridge';
import { openPool } from './pool';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();

interface Node {
  hub: NoticeHub;
  bridge: PgNoticeBridge;
  heard: EngineNotice[];
  pool: pg.Pool;
}
let nodes: Node[] = [];

async function node(origin: string): Promise<Node> {
  const pool = openPool(db.url());
  const hub = new NoticeHub();
  const bridge = new PgNoticeBridge({ url: db.url(), pool, origin, deliver: (n) => hub.deliver(n), reconnectMs: 50 });
  hub.relayTo(bridge);
  const heard: EngineNotice[] = [];
  hub.subscribe((n) => heard.push(...n));
  await bridge.start();
  const created = { hub, bridge, heard, pool };
  nodes.push(created);
  return created;
}

afterEach(async () => {
  for (const n of nodes) {
    await n.bridge.stop();
    await n.pool.end();
  }
  nodes = [];
});

const queued = (i: number, conversationId = 'c1'): EngineNotice => ({ type: 'queue_changed', channelId: conversationId, length: i });

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('PostgreSQL notice bridge', () => {
  it('a notice published on node A reaches subscribers on A and B exactly once', async () => {
    const [a, b] = [await node('a'), await node('b')];
    await a.hub.notify([queued(1)]);
    await b.hub.notify([queued(2)]);
    await until(() => a.heard.length >= 2 && b.heard.length >= 2);
    await a.bridge.flushed();
    await b.bridge.flushed();
    await new Promise((r) => setTimeout(r, 200)); // time for any echo to arrive
    expect(a.heard.map((n) => (n as { length: number }).length).sort()).toEqual([1, 2]);
    expect(b.heard.map((n) => (n as { length: number }).length).sort()).toEqual([1, 2]);
  });

  it('local subscribers (forwarding to agents on WeChat) hear only their own node: one action per cluster', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const local = { a: [] as EngineNotice[], b: [] as EngineNotice[] };
    a.hub.subscribeLocal((n) => local.a.push(...n));
    b.hub.subscribeLocal((n) => local.b.push(...n));
    await a.hub.notify([queued(1)]);
    await until(() => b.heard.length === 1);
    expect(local).toEqual({ a: [queued(1)], b: [] });
  });

  it('keeps the publishing order: 300 notices one by one arrive on B in the order A sent them', async () => {
    const [a, b] = [await node('a'), await node('b')];
    for (let i = 0; i < 300; i++) await a.hub.notify([queued(i)]);
    await until(() => b.heard.length === 300);
    expect(b.heard.map((n) => (n as { length: number }).length)).toEqual([...Array(300).keys()]);
  });

  it('a batch over 8000 bytes is split, and a message too big alone travels without its body', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const message = (i: number, text: string): EngineNotice =>
      ({
        type: 'message_added',
        channelId: 'ch1',
        conversationId: 'c1',
        messageId: `m${i}`,
        message: { id: `m${i}`, content: { type: 'text', text } },
      }) as unknown as EngineNotice;
    const batch = [...Array(20).keys()].map((i) => message(i, '你好'.repeat(200))); // ~1.2 kB each
    batch.push(message(99, '长'.repeat(5000))); // 15 kB alone
    expect(noticePayloads('a', batch).every((p) => Buffer.byteLength(p) <= MAX_PAYLOAD_BYTES)).toBe(true);
    await a.hub.notify(batch);
    await until(() => b.heard.length === 21);
    expect(b.heard.map((n) => (n as { messageId: string }).messageId)).toEqual(batch.map((n) => (n as { messageId: string }).messageId));
    expect((b.heard[0] as { message?: unknown }).message).toEqual((batch[0] as { message?: unknown }).message);
    expect((b.heard[20] as { message?: unknown }).message).toBeUndefined();
  });

  it('resumes after its LISTEN connection is cut, as when the database restarts', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const pid = await b.bridge.listenerPid();
    expect(pid).toBeDefined();
    await db.pool().query('SELECT pg_terminate_backend($1)', [pid]);
    await until(() => {
      void a.hub.notify([queued(7)]);
      return b.heard.some((n) => (n as { length: number }).length === 7);
    });
    expect(await b.bridge.listenerPid()).not.toBe(pid);
  });

  it('measures the latency from a publish on node A to a subscriber on node B', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const samples: number[] = [];
    for (let i = 0; i < 100; i++) {
      // Timed from the subscriber's own callback, not by polling.
      const arrived = new Promise<bigint>((resolve) => {
        const off = b.hub.subscribe(() => {
          off();
          resolve(process.hrtime.bigint());
        });
      });
      const start = process.hrtime.bigint();
      await a.hub.notify([queued(i)]);
      samples.push(Number((await arrived) - start) / 1e6);
    }
    samples.sort((x, y) => x - y);
    const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(2);
    console.log(`live notice latency A→B over 100: median ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms`);
    expect(Number(p(0.5))).toBeLessThan(100);
  });

  it('resumes after the database server itself restarts (pg_ctl restart), and says how long that took', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const before = await b.bridge.listenerPid();
    await restartServer();
    const start = Date.now();
    await until(() => {
      void a.hub.notify([queued(42)]);
      return b.heard.some((n) => (n as { length: number }).length === 42);
    }, 15_000);
    console.log(`live notices resumed ${Date.now() - start} ms after the database restarted`);
    expect(await b.bridge.listenerPid()).not.toBe(before);
  }, 60_000);
});

/** Restarts the file's PostgreSQL server with its own options (pg_ctl reads them from postmaster.opts). */
async function restartServer(): Promise<void> {
  const admin = openPool(db.url());
  try {
    const dir = (await admin.query<{ data_directory: string }>('SHOW data_directory')).rows[0]?.data_directory;
    const bin = (await admin.query<{ setting: string }>("SELECT setting FROM pg_config WHERE name = 'BINDIR'")).rows[0]?.setting;
    if (!dir || !bin) throw new Error('cannot find the server to restart (this test needs the throwaway cluster, not TEST_DATABASE_URL)');
    // -l: the server's output to a file, not to our pipe (which execFile would wait on for ever).
    const args = [join(bin, 'pg_ctl'), '-D', dir, '-l', join(dir, '..', 'restart.log'), '-m', 'fast', '-w', 'restart'];
    const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0]!, args.slice(1)];
    await promisify(execFile)(file, argv, { timeout: 60_000 });
  } finally {
    await admin.end().catch(() => undefined);
  }
}
