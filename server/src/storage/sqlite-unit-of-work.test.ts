// batch(): several units under one commit, each still atomic; outsiders never join the batch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { customer } from './contract/fixtures';
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
    await uow.batch(async () => {
      await uow.run((tx) => tx.customers.save(customer('c1')));
      await uow
        .run(async (tx) => {
          await tx.customers.save(customer('c2'));
          throw new Error('this unit fails');
        })
        .catch(() => undefined);
      await uow.run((tx) => tx.customers.save(customer('c3')));
    });
    expect(await ids()).toEqual(['c1', 'c3']);
  });

  it('a unit started outside the batch waits for it instead of joining its transaction', async () => {
    let releaseBatch!: () => void;
    const batch = uow.batch(async () => {
      await uow.run((tx) => tx.customers.save(customer('in-batch')));
      await new Promise<void>((r) => (releaseBatch = r));
      throw new Error('the whole batch fails');
    });
    await new Promise((r) => setImmediate(r));
    const outsider = uow.run((tx) => tx.customers.save(customer('outsider'))); // not started from the batch's body
    releaseBatch();
    await expect(batch).rejects.toThrow('the whole batch fails');
    await outsider;
    expect(await ids()).toEqual(['outsider']);
  });
});
