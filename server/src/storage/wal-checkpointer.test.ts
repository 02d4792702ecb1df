import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import pino from 'pino';
import { openDatabase } from './database';
import { serialFor } from './serial-lock';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

const PAGE = 4096;
const logger = pino({ level: 'silent' });

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** 40 commits of ~100 pages each (16 MB of log if nothing checkpointed it), with a pause between. */
async function writeMuch(db: Database): Promise<void> {
  db.exec('CREATE TABLE IF NOT EXISTS blobs (id INTEGER PRIMARY KEY, body BLOB)');
  const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
  for (let i = 0; i < 40; i++) {
    db.transaction(() => {
      for (let j = 0; j < 100; j++) insert.run(Buffer.alloc(PAGE - 100, i));
    })();
    await new Promise((r) => setTimeout(r, 15));
  }
}

describe('the log checkpointer', () => {
  let dir: string;
  let db: Database;
  let checkpointer: WalCheckpointer | undefined;
  const file = () => join(dir, 'kefu.db');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kefu-wal-'));
    db = openDatabase(file());
  });
  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = undefined;
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes checkpointing off the connections and keeps the log small from its own thread', async () => {
    checkpointer = startWalCheckpointer(file(), [db], logger, { intervalMs: 5 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await writeMuch(db);
    // Without any checkpoint the log would now hold 4,000 pages; the worker's rounds let it start over
    // (how often depends on when its thread gets the CPU: on a loaded machine the log reaches ~1,100).
    expect(statSync(`${file()}-wal`).size).toBeLessThan(2000 * PAGE);
    expect(db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 4000 });
  });

  it('starts the log again past its bound while writes never pause long enough for a round to copy it whole', async () => {
    checkpointer = startWalCheckpointer(file(), [db], logger, { intervalMs: 5, restartFrames: 500 });
    db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB)');
    const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
    let largest = 0;
    // ~6,000 pages in commits of 20, a millisecond apart (a busy server's units and inbox commits), through
    // the connection's queue as the server writes: a RESTART holds writers back for a few milliseconds,
    // which the queue waits out asynchronously.
    const queue = serialFor(db);
    const commit = db.transaction((i: number) => {
      for (let j = 0; j < 20; j++) insert.run(Buffer.alloc(PAGE - 100, i));
    });
    for (let i = 0; i < 300; i++) {
      await queue.run(() => commit(i));
      largest = Math.max(largest, statSync(`${file()}-wal`).size);
      await new Promise((r) => setTimeout(r, 1));
    }
    // Without the restart the log keeps every page (~6,000); a loaded machine delays the worker's rounds.
    expect(largest).toBeLessThan(3500 * PAGE);
    expect(db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 6000 });
  });

  it('is what keeps the log small: with checkpointing off and no worker it grows', async () => {
    db.pragma('wal_autocheckpoint = 0');
    await writeMuch(db);
    expect(statSync(`${file()}-wal`).size).toBeGreaterThan(3000 * PAGE);
  });

  it('hands checkpointing back to the connections when its worker fails', async () => {
    checkpointer = startWalCheckpointer(join(dir, 'missing.db'), [db], logger, { intervalMs: 5 }); // the worker cannot open it
    await until(() => db.pragma('wal_autocheckpoint', { simple: true }) === 1000);
  });

  it('stops once its worker has run a last round and exited; stopping again does nothing', async () => {
    const c = startWalCheckpointer(file(), [db], logger, { intervalMs: 60_000 }); // no round of its own during the test
    db.exec('CREATE TABLE t (x)');
    await c.stop();
    await c.stop();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").get()).toEqual({ name: 't' });
  });
});
