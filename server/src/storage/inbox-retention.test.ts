// The inbox's retention on both databases (a real SQLite file, a throwaway PostgreSQL): walked in pages by
// id, it removes the processed pushes of messages received before the cutoff, and keeps the customer's
// events (the push log reads them), what is pending or given up, and everything younger.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { decodeSessionFrom } from '../../../shared/src/index';
import type { InboundMessage } from '../core/inbound-message';
import type { Inbox } from '../core/ports/inbox';
import type { PushLog } from '../core/ports/push-log';
import { openDatabase } from './database';
import { PgInbox } from './postgres/pg-inbox';
import { PgPushLog } from './postgres/pg-push-log';
import { PgUnitOfWork } from './postgres/pg-unit-of-work';
import { useMigratedDatabase } from './postgres/testing/test-cluster';
import { SqliteInbox } from './sqlite-inbox';
import { SqlitePushLog } from './sqlite-push-log';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

interface Subject {
  inbox: Inbox;
  pushLog: PushLog;
  /** Runs `work` in a unit of work, as the worker marks entries done. */
  inUnit(work: () => Promise<void>): Promise<void>;
  /** The dedupe keys left in the inbox, by id. */
  keys(): Promise<string[]>;
}

/** Each from a customer of its own: PostgreSQL hands out only a customer's oldest pending entry. */
const text = (msgId: string): InboundMessage => ({
  type: 'text',
  toUserName: 'gh',
  fromUserName: `o-${msgId}`,
  createTime: msgId,
  msgId,
  content: 'hi',
});
const enter: InboundMessage = {
  type: 'user_enter_tempsession',
  toUserName: 'gh',
  fromUserName: 'o1',
  createTime: '5',
  sessionFrom: 'wxapp',
  context: decodeSessionFrom('wxapp'),
};

function retentionCases(open: () => Subject): void {
  it('removes, page by page, processed messages received before the cutoff; keeps events, pending, given up and young', async () => {
    const s = open();
    const arrivals: Array<[InboundMessage, number]> = [
      [text('1'), 1000],
      [enter, 1001],
      [text('2'), 1002],
      [text('3'), 1003],
      [text('4'), 1004],
      [text('5'), 9000],
    ];
    for (const [message, at] of arrivals) await s.inbox.accept('ch1', message, at);
    const entries = await s.inbox.pending(99_999, 10);
    const id = (key: number) => entries[key]?.id as string;
    // 1, the event, 4 and 5 were processed; 3 was given up; 2 is still pending.
    await s.inUnit(async () => {
      for (const key of [0, 1, 4, 5]) await s.inbox.markDone(id(key), 2000);
    });
    await s.inbox.markFailed(id(3), 'broken', undefined);
    const first = await s.inbox.removeProcessed(5000, { size: 2 });
    expect(first).toEqual({ removed: 1, next: id(1) });
    await expect(s.inbox.removeProcessed(5000, { after: first.next as string, size: 2 })).resolves.toEqual({ removed: 0, next: id(3) });
    // The last page ends on 5, received after the cutoff: the walk is over.
    await expect(s.inbox.removeProcessed(5000, { after: id(3), size: 2 })).resolves.toEqual({ removed: 1 });
    await expect(s.keys()).resolves.toEqual(['e:o1|5|user_enter_tempsession', 'm:2', 'm:3', 'm:5']);
    // The push log still shows the customer's event.
    await expect(s.pushLog.customerEvents('ch1', 'o1', { limit: 10 })).resolves.toMatchObject([
      { message: { type: 'user_enter_tempsession' } },
    ]);
    // A kept push is still a duplicate; a removed one (days old, where WeChat retries within seconds) would
    // be stored again, and the conversation engine recognises its MsgId among the messages it keeps.
    await expect(s.inbox.accept('ch1', text('5'), 9001)).resolves.toBe('duplicate');
    await expect(s.inbox.accept('ch1', text('1'), 9001)).resolves.toBe('stored');
  });
}

describe('SQLite', () => {
  let dir: string;
  let db: Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kefu-inbox-retention-'));
    db = openDatabase(join(dir, 'kefu.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  retentionCases(() => {
    const uow = new SqliteUnitOfWork(db);
    return {
      inbox: new SqliteInbox(db),
      pushLog: new SqlitePushLog(db),
      inUnit: (work) => uow.run(work),
      keys: async () => db.prepare('SELECT dedupe_key FROM inbox ORDER BY id').pluck().all() as string[],
    };
  });
});

describe('PostgreSQL', () => {
  const database = useMigratedDatabase();
  beforeEach(() => database.truncate());
  retentionCases(() => {
    const pool: pg.Pool = database.pool();
    const uow = new PgUnitOfWork(pool);
    return {
      inbox: new PgInbox(pool, () => uow.current),
      pushLog: new PgPushLog(pool),
      inUnit: (work) => uow.run(work),
      keys: async () => (await pool.query<{ k: string }>('SELECT dedupe_key AS k FROM inbox ORDER BY id')).rows.map((r) => r.k),
    };
  });
});
