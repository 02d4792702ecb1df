// The serial queue waits for another connection's write lock without blocking the event loop: SQLite's
// own busy wait is a few milliseconds, the queue retries asynchronously until its budget, then the work
// fails with DatabaseBusy (nothing written). Two connections on one real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { DatabaseBusy } from '../core/ports/database-busy';
import { item } from './contract/outbox-store-contract';
import { databaseHealth, openDatabase } from './database';
import { SerialQueue } from './serial-lock';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

let dir: string;
let db: Database;
let other: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-busy-'));
  db = openDatabase(join(dir, 'b.db'));
  other = new BetterSqlite3(join(dir, 'b.db'));
});
afterEach(() => {
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The longest gap between 10 ms ticks while `work` runs: how long the event loop was blocked. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; stallMs: number }> {
  let last = Date.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    stallMs = Math.max(stallMs, Date.now() - last);
    last = Date.now();
  }, 10);
  const [result] = await Promise.allSettled([work()]);
  clearInterval(ticker);
  return { result, stallMs };
}

it('a unit waits for the other writer asynchronously and commits once the lock is free', async () => {
  const uow = new SqliteUnitOfWork(db);
  other.exec('BEGIN IMMEDIATE');
  setTimeout(() => other.exec('COMMIT'), 300);
  const { result, stallMs } = await longestStall(() => uow.run((tx) => tx.outbox.enqueue(item('a'))));
  expect(result.status).toBe('fulfilled');
  expect(stallMs).toBeLessThan(100);
  expect(other.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
});

it('past its budget the work fails with DatabaseBusy (503, nothing written), and health says busy', async () => {
  const queue = new SerialQueue({ budgetMs: 300, firstPauseMs: 2, maxPauseMs: 50 });
  const insert = db.prepare("INSERT INTO inbox (channel_id, dedupe_key, received_at, message) VALUES ('c', 'k', 1, '{}')");
  other.exec('BEGIN IMMEDIATE');
  expect(databaseHealth(db)).toEqual({ busy: true });
  const started = Date.now();
  const { result, stallMs } = await longestStall(() => queue.run(() => insert.run()));
  expect(result.status).toBe('rejected');
  const error = (result as PromiseRejectedResult).reason;
  expect(error).toBeInstanceOf(DatabaseBusy);
  expect(error).toMatchObject({ status: 503, code: 'database_busy' });
  expect(Date.now() - started).toBeLessThan(600);
  expect(stallMs).toBeLessThan(100);
  expect(queue.busySince).toBeDefined();
  other.exec('COMMIT');
  expect(databaseHealth(db)).toEqual({ busy: false });
  await queue.run(() => insert.run());
  expect(queue.busySince).toBeUndefined();
  expect(db.prepare('SELECT count(*) AS n FROM inbox').get()).toEqual({ n: 1 });
});
