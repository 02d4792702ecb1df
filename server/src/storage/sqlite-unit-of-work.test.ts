// batch(): several units under one commit, each still atomic; outsiders never join the batch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { customer } from './testing/contract-fixture';
import { openDatabase } from './database';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

let dir: string;
let db: Database;
let uow: SqliteUnitOfWork;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'uow-'));
  db = openDatabase(join(dir, 'kefu.db'));
  uow = new SqliteUnitOfWork(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = async () => (db.prepare('SELECT id FROM customers ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);

describe('SqliteUnitOfWork.batch', () => {
  it('commits its units together; a failing unit rolls back alone', async () => {
    await uow.batch(async (scoped) => {
      await scoped.run((tx) => tx.customers.save(customer('c1')));
      await scoped
        .run(async (tx) => {
          await tx.customers.save(customer('c2'));
          throw new Error('this unit fails');
        })
        .catch(() => undefined);
      await scoped.run((tx) => tx.customers.save(customer('c3')));
    });
    expect(await ids()).toEqual(['c1', 'c3']);
  });

  it('a unit started outside the batch waits for it instead of joining its transaction', async () => {
    let releaseBatch!: () => void;
    const batch = uow.batch(async (scoped) => {
      await scoped.run((tx) => tx.customers.save(customer('in-batch')));
      await new Promise<void>((r) => (releaseBatch = r));
      throw new Error('the whole batch fails');
    });
    await new Promise((r) => setImmediate(r));
    const outsider = uow.run((tx) => tx.customers.save(customer('outsider'))); // not the batch's own unit of work
    releaseBatch();
    await expect(batch).rejects.toThrow('the whole batch fails');
    await outsider;
    expect(await ids()).toEqual(['outsider']);
  });
});

describe('SqliteUnitOfWork.batch, work scheduled from inside it', () => {
  it("a unit run through the batch's unit of work after the batch ended takes the queue, not a savepoint", async () => {
    let late: Promise<void> | undefined;
    await uow.batch(async (scoped) => {
      await scoped.run((tx) => tx.customers.save(customer('in-batch')));
      // A wake-up the body schedules; it fires after the batch committed, while another unit is open.
      late = new Promise<void>((resolve) => setTimeout(resolve, 5)).then(() => scoped.run((tx) => tx.customers.save(customer('later'))));
    });
    const other = uow.run(async (tx) => {
      await tx.customers.save(customer('rolled-back'));
      await new Promise((resolve) => setTimeout(resolve, 30)); // holds its transaction across the wake-up
      throw new Error('this unit fails');
    });
    await expect(other).rejects.toThrow('this unit fails');
    await late;
    // Had the late unit become a savepoint of the failing unit, it would have been rolled back with it.
    expect(await ids()).toEqual(['in-batch', 'later']);
  });
});
