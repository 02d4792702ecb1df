// The customers' write-behind of SqliteUnitOfWork (sqlite-customers.ts, unit-cache.ts): a unit that saves
// one customer several times writes it once, with its last save, inside its transaction; what a unit or a
// savepoint rolled back held is never written; reads inside the unit see what it saved.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { customer } from './testing/contract-fixture';
import { runMigrations } from './migrations/runner';
import { sqliteTransaction, SqliteUnitOfWork } from './sqlite-unit-of-work';

let db: Database;
let executed: string[] = [];
let uow: SqliteUnitOfWork;
beforeEach(async () => {
  db = new BetterSqlite3(':memory:', { verbose: (sql) => executed.push(String(sql)) });
  runMigrations(db);
  uow = new SqliteUnitOfWork(db);
  await uow.run(async (tx) => {
    await tx.customers.save(customer('cu1'));
    await tx.customers.save(customer('cu2'));
  });
  executed = [];
});
afterEach(() => db.close());

const updates = () => executed.filter((sql) => sql.startsWith('UPDATE customers SET data')).length;
const stored = (id: string) => (db.prepare('SELECT data FROM customers WHERE id = ?').pluck().get(id) as string | undefined) ?? '';
const nickname = (id: string) => JSON.parse(stored(id)).nickname as string | undefined;

describe('saving a customer several times in one unit', () => {
  it('writes the row once, before COMMIT, with the last save', async () => {
    await uow.run(async (tx) => {
      await tx.customers.save(customer('cu1', { nickname: 'first' }));
      await tx.customers.save(customer('cu1', { nickname: 'second' }));
      expect(await tx.customers.get('cu1')).toMatchObject({ nickname: 'second' });
      expect(await tx.customers.findByOpenid('ch1', 'o-cu1')).toMatchObject({ nickname: 'second' });
      expect(updates()).toBe(0);
    });
    const commit = executed.indexOf('COMMIT');
    expect(executed.filter((sql, i) => i < commit && sql.startsWith('UPDATE customers SET data'))).toHaveLength(1);
    expect(updates()).toBe(1);
    expect(nickname('cu1')).toBe('second');
  });

  it('reads that go to the database see what the unit saved', async () => {
    await uow.run(async (tx) => {
      await tx.customers.save(customer('cu1', { unionId: 'u1' }));
      expect(await tx.customers.listByUnionId('u1')).toMatchObject([{ id: 'cu1' }]);
      await tx.customers.save(customer('cu2', { nickname: 'two' }));
      expect(await tx.customers.findByOpenid('ch1', 'o-cu3')).toBeUndefined(); // a miss reads the table
      expect(stored('cu2')).toContain('two');
    });
  });

  it('a new customer, or one whose openid changed, is written at once', async () => {
    await uow.run(async (tx) => {
      await tx.customers.save(customer('cu3'));
      expect(stored('cu3')).not.toBe('');
      await tx.customers.save(customer('cu1', { nickname: 'held' }));
      await tx.customers.save(customer('cu1', { openid: 'o-moved' }));
      expect(db.prepare("SELECT openid FROM customers WHERE id = 'cu1'").pluck().get()).toBe('o-moved');
    });
    expect(nickname('cu1')).toBeUndefined();
  });
});

describe('what a failure held is never written', () => {
  it('a unit that throws writes nothing', async () => {
    const failing = uow.run(async (tx) => {
      await tx.customers.save(customer('cu1', { nickname: 'lost' }));
      throw new Error('the story failed');
    });
    await expect(failing).rejects.toThrow('the story failed');
    expect(updates()).toBe(0);
    expect(nickname('cu1')).toBeUndefined();
  });

  it('in a batch, each savepoint writes its own; a rolled-back one writes nothing', async () => {
    await uow.batch(async (scoped) => {
      await scoped.run((tx) => tx.customers.save(customer('cu1', { nickname: 'kept' })));
      await expect(
        scoped.run(async (tx) => {
          await tx.customers.save(customer('cu2', { nickname: 'lost' }));
          throw new Error('this unit failed');
        }),
      ).rejects.toThrow('this unit failed');
      await scoped.run(async (tx) => {
        expect(await tx.customers.get('cu2')).toMatchObject({ id: 'cu2' });
        expect(await tx.customers.get('cu2')).not.toHaveProperty('nickname');
      });
    });
    expect(updates()).toBe(1);
    expect(nickname('cu1')).toBe('kept');
    expect(nickname('cu2')).toBeUndefined();
  });
});

it('outside a unit of work (no open cache) a save writes at once', async () => {
  const tx = sqliteTransaction(db);
  await tx.customers.save(customer('cu1', { nickname: 'now' }));
  expect(nickname('cu1')).toBe('now');
});
