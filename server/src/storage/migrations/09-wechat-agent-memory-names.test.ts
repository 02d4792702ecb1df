// Step 9 renames keys inside the agents' JSON: a database written before it must read back the same
// agents under the new names, and agents without a WeChat memory must not be rewritten at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Agent } from '../../core/model/agent';
import { openDatabase } from '../database';
import { SqliteAgents } from '../sqlite-scoped-records';
import { migrations, runMigrations } from './runner';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-migration-9-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const base = { name: 'Ana', status: 'online', maxConcurrent: 5, groupIds: ['g1'], statusChangedAt: 3, wechatOpenid: 'oA' };
const unreachable = { since: 7, code: 45015, statusBefore: 'online', moved: ['#2 → Bo'] };
const oldMemory = {
  lineId: 'cnv_line',
  currentConversationId: 'cnv_1',
  numbers: [
    { n: 1, customerId: 'cus_1' },
    { n: 2, customerId: 'cus_2' },
  ],
  nextNumber: 3,
  relayed: { cnv_1: 'msg_9', cnv_2: '' },
  confirmClearUntil: 11,
  unreachable,
  notes: ['a note'],
};
const withMemory = { ...base, wechatDesk: oldMemory };
const withoutMemory = { ...base, name: 'Bo', wechatOpenid: 'oB' };
const emptyMemory = { ...base, name: 'Cy', wechatOpenid: 'oC', wechatDesk: { numbers: [], nextNumber: 1, relayed: {}, notes: [] } };

/** A database at step 8 holding agents as that build stored them. */
function databaseAtStep8(file: string): void {
  const old = new BetterSqlite3(file);
  runMigrations(old, migrations.slice(0, 8));
  const insert = old.prepare('INSERT INTO agents (id, channel_id, merchant_id, data) VALUES (?, ?, ?, ?)');
  insert.run('agt_1', 'ch1', '', JSON.stringify(withMemory));
  insert.run('agt_2', 'ch1', 'm1', JSON.stringify(withoutMemory));
  insert.run('agt_3', 'ch1', '', JSON.stringify(emptyMemory));
  old.close();
}

describe('plain names for the WeChat agent memory (step 9)', () => {
  it('moves the memory and its conversation and forwarded entries to the new keys, values unchanged', async () => {
    const file = join(dir, 'v8.db');
    databaseAtStep8(file);
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length); // step 9 and any later one
    const agents = new SqliteAgents(db);
    const { lineId, relayed, ...same } = oldMemory;
    const expected: Agent = {
      id: 'agt_1',
      channelId: 'ch1',
      ...base,
      status: 'online',
      wechatMemory: {
        ...same,
        agentConversationId: lineId,
        forwarded: relayed,
        unreachable: { ...unreachable, code: 45015, statusBefore: 'online' },
      },
    };
    expect(await agents.get('agt_1')).toEqual(expected);
    const { wechatDesk: _old, ...rest } = emptyMemory;
    expect(await agents.get('agt_3')).toEqual({
      id: 'agt_3',
      channelId: 'ch1',
      ...rest,
      wechatMemory: { numbers: [], nextNumber: 1, forwarded: {}, notes: [] },
    });
    const raw = db
      .prepare<[], { data: string }>('SELECT data FROM agents ORDER BY id')
      .all()
      .map((r) => r.data);
    expect(raw.join()).not.toMatch(/wechatDesk|lineId|relayed/);
    db.close();
  });

  it('leaves an agent without a memory exactly as stored', async () => {
    const file = join(dir, 'plain.db');
    databaseAtStep8(file);
    const db = openDatabase(file);
    expect(db.prepare('SELECT data FROM agents WHERE id = ?').get('agt_2')).toEqual({ data: JSON.stringify(withoutMemory) });
    expect(await new SqliteAgents(db).get('agt_2')).toEqual({ id: 'agt_2', channelId: 'ch1', merchantId: 'm1', ...withoutMemory });
    db.close();
  });
});
