// Routing batches by time as well as by count (the inbox on a real SQLite file, the engine in memory):
// pushes arriving one at a time within the linger are routed in one pass, with one round of notices after
// one commit; a push alone is still routed within the linger; after a pass that found a crowd, the next
// pass does not wait.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Database } from 'better-sqlite3';
import { CHANNEL, engineFixture, type EngineFixture } from '../app/testing/engine-fixture';
import type { EngineNotice } from '../core/ports/notifier';
import type { TextMessage } from '../core/inbound-message';
import { openDatabase } from '../storage/database';
import { SqliteInbox } from '../storage/sqlite-inbox';
import { InboxWorker, chunkSize } from './inbox-worker';

function text(i: number): TextMessage {
  return { type: 'text', toUserName: 'gh_x', fromUserName: `o${i}`, createTime: '1714112445', msgId: String(i), content: `m${i}` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let db: Database;
let fx: EngineFixture;
/** The customer messages of each round of notices the engine sent (one round per commit). */
let rounds: number[];

function setup(lingerMs: number): { inbox: SqliteInbox; worker: InboxWorker } {
  db = openDatabase(join(dir, 'kefu.db'));
  const inbox = new SqliteInbox(db);
  const worker = new InboxWorker(
    { engine: fx.deps, inbox, channelOf: async () => ({ kind: 'miniprogram' }) },
    { logger: pino({ level: 'silent' }), now: () => 1_000_000, lingerMs },
  );
  return { inbox, worker };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-batching-'));
  fx = engineFixture();
  rounds = [];
  const notify = fx.notifier.notify.bind(fx.notifier);
  fx.deps.notifier = {
    notify: (notices: readonly EngineNotice[]) => {
      rounds.push(notices.filter((n) => n.type === 'message_added' && n.message?.direction === 'in').length);
      return notify(notices);
    },
  };
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const routed = () => [...fx.store.data.messages.values()].filter((m) => m.direction === 'in').length;

it('pushes arriving one at a time within the linger are routed in one pass: one commit, one round of notices', async () => {
  const { inbox, worker } = setup(80);
  let firstPass: Promise<void> | undefined;
  for (let i = 0; i < 3; i++) {
    await inbox.accept(CHANNEL, text(i), 1);
    firstPass ??= worker.kick(); // as the push endpoint does after each acknowledgement
    void worker.kick();
    await sleep(5);
  }
  expect(routed()).toBe(0); // the pass is still gathering
  await firstPass;
  expect(routed()).toBe(3);
  expect(rounds).toEqual([3]);
  await worker.stop();
});

it('a push alone is still routed within the linger', async () => {
  const { inbox, worker } = setup(30);
  await inbox.accept(CHANNEL, text(1), 1);
  const started = Date.now();
  await worker.kick();
  const tookMs = Date.now() - started;
  expect(routed()).toBe(1);
  expect(tookMs).toBeGreaterThanOrEqual(25);
  expect(tookMs).toBeLessThan(500);
});

it('after a pass that found a crowd, the next pass does not wait', async () => {
  const { inbox, worker } = setup(300);
  await Promise.all(Array.from({ length: 20 }, (_, i) => inbox.accept(CHANNEL, text(i), 1)));
  await worker.kick(); // found 20: pushes come in crowds
  await inbox.accept(CHANNEL, text(20), 1);
  const started = Date.now();
  const pass = worker.kick();
  while (routed() < 21 && Date.now() - started < 1000) await sleep(5);
  expect(Date.now() - started).toBeLessThan(250); // routed at once (the pass itself then lingers before its next look)
  expect(routed()).toBe(21);
  await pass;
});

it('what a pass gathers at a trickle is routed under one commit, not in chunks of four', async () => {
  const { inbox, worker } = setup(80);
  let firstPass: Promise<void> | undefined;
  for (let i = 0; i < 7; i++) {
    await inbox.accept(CHANNEL, text(i), 1);
    firstPass ??= worker.kick();
    await sleep(2);
  }
  await firstPass;
  expect(routed()).toBe(7);
  expect(rounds).toEqual([7]);
  await worker.stop();
});

it('pushes that arrive while a trickle is routed wait for company too: one unit for them, not a small one of their own', async () => {
  const { inbox, worker } = setup(80);
  const notify = fx.deps.notifier.notify.bind(fx.deps.notifier);
  fx.deps.notifier = {
    notify: async (notices: readonly EngineNotice[]) => {
      // Two pushes land while the first push is routed (after its commit, before the next look).
      if (rounds.length === 0) for (const i of [10, 11]) await inbox.accept(CHANNEL, text(i), 1);
      return notify(notices);
    },
  };
  await inbox.accept(CHANNEL, text(1), 1);
  const pass = worker.kick();
  await sleep(100); // the pass's own linger (80 ms), then the first push is routed
  expect(rounds).toEqual([1]); // the two latecomers are not routed at once: they wait for company
  await inbox.accept(CHANNEL, text(12), 1);
  await pass;
  expect(routed()).toBe(4);
  expect(rounds).toEqual([1, 3]);
  await worker.stop();
});

it('chunks: a trickle whole or in two halves, a light backlog small, a backlog large', () => {
  expect([1, 7, 8].map(chunkSize)).toEqual([1, 7, 8]);
  expect([9, 12, 16].map(chunkSize)).toEqual([5, 6, 8]); // two even halves
  expect(chunkSize(17)).toBe(4);
  expect(chunkSize(64)).toBe(16);
});
