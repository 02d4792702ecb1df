// The read cache of SqliteUnitOfWork: a unit asks the database each question once, sees its own writes,
// and nothing it kept outlives it — not across units, not across a savepoint rolled back in a batch.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { conversation, customer, inbound } from './testing/contract-fixture';
import { runMigrations } from './migrations/runner';
import { sqliteTransaction, SqliteUnitOfWork } from './sqlite-unit-of-work';

let db: Database;
let executed: string[];
let uow: SqliteUnitOfWork;
beforeEach(() => {
  executed = [];
  db = new BetterSqlite3(':memory:', { verbose: (sql) => executed.push(String(sql)) });
  runMigrations(db);
  uow = new SqliteUnitOfWork(db);
});
afterEach(() => db.close());

/** How many statements starting so ran since `executed` was emptied. */
const ran = (prefix: string) => executed.filter((sql) => sql.startsWith(prefix)).length;
const raw = (sql: string) => db.prepare(sql).run();
const columns = (id: string) => db.prepare('SELECT state, agent_id FROM conversations WHERE id = ?').get(id);

const cv = conversation('cv1', { customerId: 'cu1' });

describe('within one unit', () => {
  it('asks the database once for a conversation, an open conversation, a customer and a pushed message', async () => {
    await uow.run(async (tx) => {
      await tx.conversations.save(cv);
      await tx.customers.save(customer('cu1'));
    });
    executed = [];
    await uow.run(async (tx) => {
      for (let i = 0; i < 3; i++) {
        expect(await tx.conversations.get('cv1')).toStrictEqual(cv);
        expect(await tx.conversations.findOpen('cu1', undefined)).toStrictEqual(cv);
        expect(await tx.customers.findByOpenid('ch1', 'o-cu1')).toStrictEqual(customer('cu1'));
        expect(await tx.customers.get('cu1')).toStrictEqual(customer('cu1'));
        expect(await tx.messages.findByWechatMsgId('ch1', 'msg-m1')).toBeUndefined();
      }
    });
    expect(ran('SELECT')).toBe(4);
  });

  it('sees its own saves, and saves what it has read without reading its keys again', async () => {
    executed = [];
    await uow.run(async (tx) => {
      expect(await tx.conversations.findOpen('cu1', undefined)).toBeUndefined();
      await tx.conversations.save(cv);
      expect(await tx.conversations.findOpen('cu1', undefined)).toStrictEqual(cv);
      const ended = { ...cv, state: 'ended' as const };
      await tx.conversations.save(ended);
      expect(await tx.conversations.findOpen('cu1', undefined)).toBeUndefined();
      expect(await tx.conversations.get('cv1')).toStrictEqual(ended);
      await tx.customers.save(customer('cu1'));
      expect(await tx.customers.findByOpenid('ch1', 'o-cu1')).toStrictEqual(customer('cu1'));
      await tx.messages.add(inbound('m1'));
      expect(await tx.messages.findByWechatMsgId('ch1', 'msg-m1')).toStrictEqual(inbound('m1'));
    });
    // The stored keys are read by the first save of each row (cv1, cu1), not by the second save of cv1.
    expect(ran('SELECT id, channel_id')).toBe(2);
    expect(ran('SELECT * FROM messages')).toBe(0);
    executed = [];
    await uow.run(async (tx) => {
      const read = await tx.conversations.get('cv1');
      if (read) await tx.conversations.save({ ...read, lastCustomerMessageAt: 5 });
    });
    expect(ran('SELECT id, channel_id')).toBe(0);
    expect(ran('UPDATE conversations SET data')).toBe(1);
  });

  it('writes the key columns when a save changes them, whatever the unit read before', async () => {
    await uow.run((tx) => tx.conversations.save(cv));
    await uow.run(async (tx) => {
      const read = await tx.conversations.get('cv1');
      if (read) await tx.conversations.save({ ...read, state: 'assigned', agentId: 'a1' });
      expect(columns('cv1')).toEqual({ state: 'assigned', agent_id: 'a1' });
      await tx.conversations.save({ ...cv, id: 'cv2' });
      await tx.conversations.save({ ...cv, id: 'cv2', state: 'queued' });
      expect(columns('cv2')).toEqual({ state: 'queued', agent_id: null });
    });
    await uow.run(async (tx) => {
      await tx.customers.save(customer('cu1'));
      await tx.customers.save(customer('cu1', { openid: 'o-new' }));
      expect(await tx.customers.findByOpenid('ch1', 'o-cu1')).toBeUndefined();
      expect(await tx.customers.findByOpenid('ch1', 'o-new')).toMatchObject({ id: 'cu1' });
    });
    expect(db.prepare('SELECT openid FROM customers').all()).toEqual([{ openid: 'o-new' }]);
  });

  it('forgets a pushed message whose delivery it set', async () => {
    await uow.run(async (tx) => {
      await tx.messages.add(inbound('m1'));
      await tx.messages.setDelivery('m1', { status: 'sent', at: 7 });
      expect(await tx.messages.findByWechatMsgId('ch1', 'msg-m1')).toMatchObject({ delivery: { status: 'sent', at: 7 } });
    });
  });
});

describe('from one unit to the next', () => {
  it('keeps nothing: the next unit reads what the database holds', async () => {
    await uow.run(async (tx) => {
      await tx.conversations.save(cv);
      expect(await tx.customers.findByOpenid('ch1', 'o-cu1')).toBeUndefined();
    });
    raw("UPDATE conversations SET state = 'queued'");
    raw(`INSERT INTO customers (id, channel_id, openid, data) VALUES ('cu1', 'ch1', 'o-cu1', '{}')`);
    await uow.run(async (tx) => {
      expect(await tx.conversations.get('cv1')).toMatchObject({ state: 'queued' });
      expect(await tx.customers.findByOpenid('ch1', 'o-cu1')).toMatchObject({ id: 'cu1' });
      // Saving the first unit's copy puts the state column back: its keys are read again, not remembered.
      await tx.conversations.save(cv);
    });
    expect(columns('cv1')).toEqual({ state: 'bot', agent_id: null });
  });

  it('keeps nothing of a unit that failed', async () => {
    await uow.run((tx) => tx.conversations.save(cv));
    const failing = uow.run(async (tx) => {
      await tx.conversations.save({ ...cv, state: 'queued' });
      await tx.messages.add(inbound('m1'));
      throw new Error('this unit fails');
    });
    await expect(failing).rejects.toThrow('this unit fails');
    await uow.run(async (tx) => {
      expect(await tx.conversations.get('cv1')).toMatchObject({ state: 'bot' });
      expect(await tx.messages.findByWechatMsgId('ch1', 'msg-m1')).toBeUndefined();
    });
  });

  it('keeps nothing of a savepoint rolled back in a batch: the next unit of the batch reads the database', async () => {
    await uow.batch(async (scoped) => {
      await scoped.run((tx) => tx.conversations.save(cv));
      const failing = scoped.run(async (tx) => {
        expect(await tx.conversations.findOpen('cu1', undefined)).toMatchObject({ state: 'bot' });
        await tx.conversations.save({ ...cv, state: 'queued' });
        await tx.customers.save(customer('cu1'));
        await tx.messages.add(inbound('m1'));
        throw new Error('this unit fails');
      });
      await expect(failing).rejects.toThrow('this unit fails');
      await scoped.run(async (tx) => {
        expect(await tx.conversations.get('cv1')).toMatchObject({ state: 'bot' });
        expect(await tx.conversations.findOpen('cu1', undefined)).toMatchObject({ state: 'bot' });
        expect(await tx.customers.findByOpenid('ch1', 'o-cu1')).toBeUndefined();
        expect(await tx.messages.findByWechatMsgId('ch1', 'msg-m1')).toBeUndefined();
        await tx.conversations.save({ ...cv, lastCustomerMessageAt: 5 });
      });
    });
    expect(columns('cv1')).toEqual({ state: 'bot', agent_id: null });
  });

  it('keeps nothing for repositories used outside any unit', async () => {
    const tx = sqliteTransaction(db);
    await tx.conversations.save(cv);
    raw("UPDATE conversations SET state = 'queued'");
    await expect(tx.conversations.get('cv1')).resolves.toMatchObject({ state: 'queued' });
  });
});
