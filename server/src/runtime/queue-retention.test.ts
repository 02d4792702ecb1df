// The queues' retention over a real SQLite file: at start it walks the inbox and the outbox in pages and
// removes what was processed or finished more than the retention period ago, a week unless configured.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import pino from 'pino';
import type { InboundMessage } from '../core/inbound-message';
import { openDatabase } from '../storage/database';
import { SqliteInbox } from '../storage/sqlite-inbox';
import { SqliteOutboxStore } from '../storage/sqlite-outbox';
import { SqliteUnitOfWork } from '../storage/sqlite-unit-of-work';
import { queueRetention, RETENTION_PAGE } from './queue-retention';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2026, 11, 7);
const OLD = NOW - 8 * DAY;
const RECENT = NOW - 2 * DAY;

let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-queue-retention-'));
  db = openDatabase(join(dir, 'kefu.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = (n: number): InboundMessage => ({
  type: 'text',
  toUserName: 'gh',
  fromUserName: `o${n % 50}`,
  createTime: String(n),
  msgId: String(1_000_000 + n),
  content: `消息 ${n}`,
});
const click = (n: number): InboundMessage => ({
  type: 'unknown',
  msgType: 'event',
  event: 'CLICK',
  raw: { ToUserName: 'gh', FromUserName: `o${n}`, CreateTime: String(n), MsgType: 'event', Event: 'CLICK' },
});

const count = (sql: string) => db.prepare(sql).pluck().get() as number;

it('removes processed message pushes and finished sends older than a week, page by page; events and the rest stay', async () => {
  const inbox = new SqliteInbox(db);
  const outbox = new SqliteOutboxStore(db);
  const uow = new SqliteUnitOfWork(db);
  // A backlog of more than two pages of old work, an event among it, then a few days' worth.
  await Promise.all(Array.from({ length: 2 * RETENTION_PAGE + 100 }, (_, n) => inbox.accept('ch1', text(n), OLD + n)));
  await inbox.accept('ch1', click(1), OLD + 5000);
  await Promise.all(Array.from({ length: 30 }, (_, n) => inbox.accept('ch1', text(10_000 + n), RECENT + n)));
  db.prepare("UPDATE inbox SET state = 'done', done_at = received_at").run();
  await inbox.accept('ch1', text(20_000), OLD - 1); // stored late and still pending: kept
  const sends = Array.from({ length: 700 }, (_, n) => ({
    id: `out_${String(n).padStart(5, '0')}`,
    channelId: 'ch1',
    messageId: `msg_${n}`,
    conversationId: 'cv1',
    toOpenid: `o${n}`,
    content: { type: 'text' as const, text: `回复 ${n}` },
    createdAt: n < 650 ? OLD : RECENT,
  }));
  await uow.run(async (tx) => {
    for (const s of sends) await tx.outbox.enqueue(s);
  });
  const claimed = await outbox.claimDue(NOW, 1000);
  expect(claimed).toHaveLength(700);
  // All but the last of the old ones were sent (one given up) a week ago; the last old one is still pending.
  await outbox.markFinished(
    claimed
      .filter((c) => c.id !== 'out_00649')
      .map((c) =>
        c.id === 'out_00000' ? { id: c.id, at: OLD, kind: 'failed', reason: 'refused' } : { id: c.id, at: c.createdAt, kind: 'sent' },
      ),
  );
  const steps = jest.spyOn(inbox, 'removeProcessed');

  const retention = queueRetention({ inbox, outbox }, { now: () => NOW }, pino({ level: 'silent' }));
  retention.start();
  await retention.stop();

  expect(steps.mock.calls.length).toBeGreaterThanOrEqual(3); // walked in pages, not one statement
  expect(count("SELECT count(*) FROM inbox WHERE json_extract(message, '$.msgId') IS NULL")).toBe(1); // the event
  expect(count("SELECT count(*) FROM inbox WHERE state = 'done' AND received_at < " + (NOW - 7 * DAY))).toBe(1);
  expect(count("SELECT count(*) FROM inbox WHERE state = 'pending'")).toBe(1);
  expect(count('SELECT count(*) FROM inbox')).toBe(32); // the event, the pending one, the 30 recent
  expect(count('SELECT count(*) FROM outbox')).toBe(51); // the pending old one and the 50 recent
  await expect(outbox.get('out_00649')).resolves.toMatchObject({ status: 'pending' });
});

it('keeps them as long as configured', async () => {
  const inbox = new SqliteInbox(db);
  await inbox.accept('ch1', text(1), OLD);
  db.prepare("UPDATE inbox SET state = 'done'").run();
  const retention = queueRetention({ inbox, outbox: new SqliteOutboxStore(db) }, { now: () => NOW }, pino({ level: 'silent' }), 30);
  retention.start();
  await retention.stop();
  expect(count('SELECT count(*) FROM inbox')).toBe(1);
});
