// The push path's stories on PostgreSQL: pushes stored by two nodes' inboxes, routed by two nodes'
// inbox workers draining at once through the real use cases (customers, conversations, messages,
// queues). Every push is stored once and processed once; a unit that lost the race rolls back whole.
import pino from 'pino';
import type pg from 'pg';
import type { EngineDeps } from '../../app/support/engine-deps';
import type { TextMessage } from '../../core/inbound-message';
import { RecordingNotifier, ScriptedRobot } from '../../core/testing/test-doubles';
import { InboxWorker } from '../../runtime/inbox-worker';
import { agent } from '../testing/contract-fixture';
import { TimeSortableIds } from '../time-sortable-ids';
import { PgInbox } from './pg-inbox';
import { PgUnitOfWork } from './pg-unit-of-work';
import { openPool } from './pool';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
let pools: pg.Pool[] = [];
beforeEach(() => db.truncate());
afterEach(async () => {
  await Promise.all(pools.map((p) => p.end()));
  pools = [];
});

const CH = 'ch1';
// Strictly increasing across both nodes: a message's created_at tells which unit of work ran first.
let last = 0;
const clock = { now: () => (last = Math.max(last + 1, Date.now())) };

/** One server process: its own pool, unit of work, inbox and worker. */
function node() {
  const pool = openPool(db.url());
  pools.push(pool);
  const uow = new PgUnitOfWork(pool);
  const inbox = new PgInbox(pool, () => uow.current);
  const engine: EngineDeps = {
    uow,
    clock,
    ids: new TimeSortableIds(clock),
    notifier: new RecordingNotifier(),
    robot: new ScriptedRobot({}),
  };
  const worker = new InboxWorker(
    { engine, inbox, channelOf: async () => ({ kind: 'miniprogram' }) },
    { logger: pino({ level: 'silent' }), now: clock.now, maxAttempts: 50 },
  );
  const batches = { count: 0 };
  const batch = uow.batch.bind(uow);
  uow.batch = (body) => (batches.count++, batch(body));
  return { uow, inbox, worker, batches };
}

const text = (openid: string, msgId: string): TextMessage => ({
  type: 'text',
  toUserName: 'gh',
  fromUserName: openid,
  createTime: '1714112445',
  msgId,
  content: `hello ${msgId}`,
});

describe('the push path on PostgreSQL with two nodes', () => {
  it('stores and processes each push once, whichever node received it or its retry', async () => {
    const [a, b] = [node(), node()];
    await a.uow.run((tx) => tx.agents.save(agent('a1', { channelId: CH, maxConcurrent: 100 })));
    const pushes = Array.from({ length: 40 }, (_, i) => text(`o${i % 8}`, String(1000 + i)));
    // Each push reaches one node, and WeChat's retry of it the other.
    const outcomes = await Promise.all(
      pushes.flatMap((p, i) => [(i % 2 ? a : b).inbox.accept(CH, p, 1), (i % 2 ? b : a).inbox.accept(CH, p, 2)]),
    );
    expect(outcomes.filter((o) => o === 'stored')).toHaveLength(40);
    await Promise.all([a.worker.kick(), b.worker.kick()]);
    await Promise.all([a.worker.kick(), b.worker.kick()]); // entries a failed race left for later, if any

    const q = async <R extends pg.QueryResultRow>(sql: string) => (await db.pool().query<R>(sql)).rows;
    const messages = await q<{ wechat_msg_id: string; n: number }>(
      'SELECT wechat_msg_id, count(*)::int AS n FROM messages WHERE wechat_msg_id IS NOT NULL GROUP BY wechat_msg_id',
    );
    expect(messages).toHaveLength(40);
    expect(messages.every((m) => m.n === 1)).toBe(true);
    await expect(q('SELECT state, count(*)::int AS n FROM inbox GROUP BY state')).resolves.toEqual([{ state: 'done', n: 40 }]);
    await expect(q('SELECT count(*)::int AS n FROM customers')).resolves.toEqual([{ n: 8 }]);
    // One open conversation per customer, never two from racing nodes.
    await expect(
      q("SELECT customer_id FROM conversations WHERE state <> 'ended' GROUP BY customer_id HAVING count(*) > 1"),
    ).resolves.toEqual([]);
  });
});

describe('routing in batches on two nodes', () => {
  it("keeps each customer's messages in the order WeChat delivered them, each stored once", async () => {
    const [a, b] = [node(), node()];
    await a.uow.run((tx) => tx.agents.save(agent('a1', { channelId: CH, maxConcurrent: 100 })));
    const pushes = Array.from({ length: 60 }, (_, i) => text(`o${i % 6}`, String(2000 + i)));
    for (const [i, p] of pushes.entries()) await (i % 2 ? a : b).inbox.accept(CH, p, i);
    // Both nodes drain at once, several passes each: a customer's next push waits for the previous one.
    for (let pass = 0; pass < 20; pass++) {
      await Promise.all([a.worker.kick(), b.worker.kick()]);
      const [{ n }] = (await db.pool().query<{ n: number }>("SELECT count(*)::int AS n FROM inbox WHERE state = 'pending'")).rows as [
        { n: number },
      ];
      if (n === 0) break;
    }
    const rows = (
      await db.pool().query<{ openid: string; msg: string }>(
        `SELECT c.openid, m.wechat_msg_id AS msg FROM messages m JOIN customers c ON c.id = (m.data::jsonb ->> 'customerId')
           WHERE m.wechat_msg_id IS NOT NULL ORDER BY m.created_at, m.id`,
      )
    ).rows;
    expect(rows).toHaveLength(60);
    for (let c = 0; c < 6; c++) {
      const mine = rows.filter((r) => r.openid === `o${c}`).map((r) => Number(r.msg));
      expect(mine).toEqual([...mine].sort((x, y) => x - y));
      expect(mine).toHaveLength(10);
    }
    expect(a.batches.count + b.batches.count).toBeGreaterThan(0); // routed in batches
  });
});
