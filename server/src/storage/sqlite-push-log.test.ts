import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { InboundMessage } from '../core/inbound-message';
import { openDatabase } from './database';
import { CUSTOMER_EVENT_ONLY, CUSTOMER_EVENT_SENDER } from './migrations/12-customer-events';
import { SqliteInbox } from './sqlite-inbox';
import { SqlitePushLog } from './sqlite-push-log';

let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-push-log-'));
  db = openDatabase(join(dir, 'kefu.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const head = (openid: string, createTime: number) => ({ toUserName: 'gh', fromUserName: openid, createTime: String(createTime) });
const click = (openid: string, t: number): InboundMessage => ({ ...head(openid, t), type: 'click', eventKey: `K${t}` });
const text = (openid: string, t: number): InboundMessage => ({ ...head(openid, t), type: 'text', msgId: `m${t}`, content: 'hi' });
const unknown = (openid: string, t: number, msgId?: string): InboundMessage => ({
  type: 'unknown',
  msgType: 'weird',
  event: '',
  raw: { FromUserName: openid, CreateTime: String(t), MsgType: 'weird', ...(msgId !== undefined && { MsgId: msgId }) },
});

describe('SqlitePushLog', () => {
  it('lists one customer’s events and unknown pushes on one channel, newest first, paged; never their messages', async () => {
    const inbox = new SqliteInbox(db);
    const pushes: Array<[string, InboundMessage]> = [
      ['ch', click('o1', 1)],
      ['ch', text('o1', 2)],
      ['ch', unknown('o1', 3, '99')], // an unknown message type: its MsgId stays in the raw record
      ['ch', click('o2', 4)],
      ['other', click('o1', 5)],
      ['ch', unknown('o1', 6)],
    ];
    for (const [channel, m] of pushes) await inbox.accept(channel, m, 1000);
    const log = new SqlitePushLog(db);
    const all = await log.customerEvents('ch', 'o1', { limit: 10 });
    expect(all.map((e) => (e.message.type === 'unknown' ? `unknown@${e.message.raw.CreateTime}` : e.message.type))).toEqual([
      'unknown@6',
      'unknown@3',
      'click',
    ]);
    const page = await log.customerEvents('ch', 'o1', { limit: 2, before: all[1]?.id });
    expect(page.map((e) => e.id)).toEqual([all[2]?.id]);
  });

  it('reads through migration 12’s index, not a scan of the inbox', () => {
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM inbox WHERE channel_id = ? AND ${CUSTOMER_EVENT_SENDER} = ? AND ${CUSTOMER_EVENT_ONLY} AND id < ? ORDER BY id DESC LIMIT ?`,
      )
      .all('ch', 'o1', 10, 10) as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail).join('; ')).toMatch(/USING INDEX inbox_customer_events/);
    expect(plan.map((r) => r.detail).join('; ')).not.toMatch(/TEMP B-TREE/);
  });
});
