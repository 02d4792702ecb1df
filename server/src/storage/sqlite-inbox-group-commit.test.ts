// The inbox's group commit by time as well as by count (real SQLite file): pushes arriving one at a time
// within the linger share one transaction, a push alone still commits within the linger, pushes further
// apart than the linger commit at once, a crowd commits at once, and the commit goes ahead of routing and
// sending work waiting for the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { TextMessage } from '../core/inbound-message';
import { openDatabase } from './database';
import { serialFor } from './serial-lock';
import { type GroupCommitOptions, SqliteInbox } from './sqlite-inbox';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

const CHANNEL = 'ch-1';

function text(i: number): TextMessage {
  return { type: 'text', toUserName: 'gh_x', fromUserName: `o${i}`, createTime: '1714112445', msgId: String(i), content: 'hi' };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-group-'));
  db = openDatabase(join(dir, 'g.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The inbox, and the sizes of the transactions it committed (its one db.transaction, counted per call). */
function countedInbox(options: GroupCommitOptions): { inbox: SqliteInbox; commits: number[] } {
  const commits: number[] = [];
  const transaction = db.transaction.bind(db);
  const spy = jest.spyOn(db, 'transaction').mockImplementation(((fn: (batch: unknown[]) => unknown) =>
    transaction((batch: unknown[]) => {
      commits.push(batch.length);
      return fn(batch);
    })) as typeof db.transaction);
  const inbox = new SqliteInbox(db, options);
  spy.mockRestore();
  return { inbox, commits };
}

const stored = () => (db.prepare('SELECT count(*) AS n FROM inbox').get() as { n: number }).n;

it('pushes arriving one at a time within the linger commit in one transaction, acknowledged after it', async () => {
  const { inbox, commits } = countedInbox({ lingerMs: 60 });
  await inbox.accept(CHANNEL, text(0), 1); // the first after a quiet spell: alone, at once
  const acknowledged: number[] = [];
  const accepts: Promise<unknown>[] = [];
  for (let i = 1; i < 4; i++) {
    accepts.push(inbox.accept(CHANNEL, text(i), 1).then(() => acknowledged.push(i)));
    await turn();
    await sleep(5);
  }
  expect(acknowledged).toEqual([]); // nothing acknowledged before its commit
  expect(stored()).toBe(1);
  await Promise.all(accepts);
  expect(commits).toEqual([1, 3]);
  expect(acknowledged).toEqual([1, 2, 3]);
  expect(stored()).toBe(4);
});

it('a push soon after another still commits within the linger when none follows', async () => {
  const { inbox, commits } = countedInbox({ lingerMs: 30 });
  await inbox.accept(CHANNEL, text(0), 1);
  const started = Date.now();
  await expect(inbox.accept(CHANNEL, text(1), 1)).resolves.toBe('stored');
  const tookMs = Date.now() - started;
  expect(tookMs).toBeGreaterThanOrEqual(25);
  expect(tookMs).toBeLessThan(500);
  expect(commits).toEqual([1, 1]);
});

it('at a slower rate than the linger a push commits at once: no wait that no push would join', async () => {
  const { inbox, commits } = countedInbox({ lingerMs: 40 });
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    await expect(inbox.accept(CHANNEL, text(i), 1)).resolves.toBe('stored');
    expect(Date.now() - started).toBeLessThan(20);
    await sleep(60);
  }
  expect(commits).toEqual([1, 1, 1]);
});

it('a crowd commits at once without waiting out the linger, and the commit after it does not linger', async () => {
  const { inbox, commits } = countedInbox({ lingerMs: 5000, smallBatch: 8, maxBatch: 4 });
  const started = Date.now();
  await Promise.all(Array.from({ length: 10 }, (_, i) => inbox.accept(CHANNEL, text(i), 1)));
  await inbox.accept(CHANNEL, text(10), 1); // after a batch of 10 (not small): the next turn, not the linger
  expect(Date.now() - started).toBeLessThan(1000);
  expect(commits).toEqual([10, 1]);
});

it('the commit goes ahead of routing and sending work waiting for the database', async () => {
  const { inbox } = countedInbox({ lingerMs: 1 });
  const uow = new SqliteUnitOfWork(db);
  const order: string[] = [];
  let release = () => {};
  const unit = uow.run(async () => {
    await new Promise<void>((resolve) => (release = resolve));
    order.push('unit committed');
  });
  const routing = serialFor(db).run(() => order.push(`routing finds ${stored()} stored`));
  const ack = inbox.accept(CHANNEL, text(1), 1);
  await sleep(20);
  expect(order).toEqual([]); // the open unit holds the database: nothing overtakes it
  release();
  await Promise.all([unit, routing]);
  await expect(ack).resolves.toBe('stored');
  expect(order).toEqual(['unit committed', 'routing finds 1 stored']); // queued after it, committed before it
});
