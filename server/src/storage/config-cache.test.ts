// The team cache of SqliteUnitOfWork (config-cache.ts): agents, groups, calendars and settings read once
// and kept across units, until this connection saves one, another connection commits, or a unit that
// read them rolls back. A real file, so that a second connection can write behind the first one's back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Agent } from '../core/model/agent';
import { openDatabase } from './database';
import { sqliteTransaction, SqliteUnitOfWork } from './sqlite-unit-of-work';

const CH = 'ch1';
let dir: string;
let db: Database;
let executed: string[] = [];
let uow: SqliteUnitOfWork;

const agent = (id: string, name = `客服${id}`): Agent => ({ id, channelId: CH, name, status: 'online', maxConcurrent: 3, groupIds: [] });
const ids = (agents: Agent[]) => agents.map((a) => a.id);
const listings = () => executed.filter((sql) => sql.startsWith('SELECT * FROM agents')).length;
const team = () => uow.run((tx) => tx.agents.listByMerchant(CH, undefined));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-config-cache-'));
  openDatabase(join(dir, 'kefu.db')).close(); // migrated
  db = new BetterSqlite3(join(dir, 'kefu.db'), { verbose: (sql) => executed.push(String(sql)) });
  uow = new SqliteUnitOfWork(db);
  await uow.run(async (tx) => {
    await tx.agents.save(agent('a1'));
    await tx.settings.save(CH, undefined, { receptionMode: 'agents_only' });
  });
  executed = [];
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reads the team once and serves the next units from memory', async () => {
  expect(ids(await team())).toEqual(['a1']);
  expect(ids(await team())).toEqual(['a1']);
  await uow.run(async (tx) => {
    expect(await tx.settings.get(CH, undefined)).toEqual({ receptionMode: 'agents_only' });
    expect(await tx.settings.get(CH, undefined)).toEqual({ receptionMode: 'agents_only' });
    expect(await tx.agents.findByWechatOpenid(CH, 'o-nobody')).toBeUndefined();
  });
  await uow.run((tx) => tx.settings.get(CH, undefined));
  expect(listings()).toBe(2); // the merchant's team once, the channel's once (for the openid)
  expect(executed.filter((sql) => sql.startsWith('SELECT data FROM routing_settings'))).toHaveLength(1);
});

it('hands out copies of lists: a caller sorting its own does not reorder the next one', async () => {
  await uow.run((tx) => tx.agents.save(agent('a2')));
  (await team()).reverse();
  expect(ids(await team())).toEqual(['a1', 'a2']);
});

it('sees this connection’s saves at once, in the same unit and the next', async () => {
  await team();
  await uow.run(async (tx) => {
    await tx.agents.save(agent('a2', '小王'));
    expect(ids(await tx.agents.listByMerchant(CH, undefined))).toEqual(['a1', 'a2']);
    expect(ids(await tx.agents.listByNames(CH, undefined, ['小王', '找小王']))).toEqual(['a2']);
    await tx.settings.save(CH, undefined, { receptionMode: 'robot_only' });
    expect(await tx.settings.get(CH, undefined)).toEqual({ receptionMode: 'robot_only' });
  });
  expect(ids(await team())).toEqual(['a1', 'a2']);
});

it('sees what another connection committed (PRAGMA data_version)', async () => {
  await team();
  const other = new BetterSqlite3(join(dir, 'kefu.db'));
  other
    .prepare("INSERT INTO agents (id, channel_id, merchant_id, data) VALUES ('a3', ?, '', ?)")
    .run(CH, JSON.stringify({ name: '别处', status: 'online', maxConcurrent: 1, groupIds: [] }));
  other.close();
  expect(ids(await team())).toEqual(['a1', 'a3']);
});

it('forgets what a unit read after its own save when the unit rolls back', async () => {
  await expect(
    uow.run(async (tx) => {
      await tx.agents.save(agent('a2'));
      expect(ids(await tx.agents.listByMerchant(CH, undefined))).toEqual(['a1', 'a2']);
      throw new Error('the unit fails');
    }),
  ).rejects.toThrow('the unit fails');
  expect(ids(await team())).toEqual(['a1']);
});

it('forgets what a savepoint read after its own save when it rolls back inside a batch', async () => {
  await uow.batch(async (scoped) => {
    await expect(
      scoped.run(async (tx) => {
        await tx.agents.save(agent('a2'));
        await tx.agents.listByMerchant(CH, undefined);
        throw new Error('this unit fails');
      }),
    ).rejects.toThrow('this unit fails');
    expect(ids(await scoped.run((tx) => tx.agents.listByMerchant(CH, undefined)))).toEqual(['a1']);
  });
  expect(ids(await team())).toEqual(['a1']);
});

it('keeps nothing for repositories used outside a unit of work', async () => {
  const tx = sqliteTransaction(db);
  await tx.agents.listByMerchant(CH, undefined);
  await tx.agents.listByMerchant(CH, undefined);
  expect(listings()).toBe(2);
});
