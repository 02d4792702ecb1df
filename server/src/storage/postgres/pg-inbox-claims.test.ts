// Inbox claims across nodes: two workers on two pools drain one inbox at once, each entry is processed by
// one of them (no unit rolled back, no failure logged) and a customer's entries in their order; a node that
// dies holding claims is taken over when its lease runs out; a live node's slow work keeps its claims.
import pino from 'pino';
import type pg from 'pg';
import type { EngineDeps } from '../../app/support/engine-deps';
import type { TextMessage } from '../../core/inbound-message';
import { RecordingNotifier, ScriptedRobot } from '../../core/testing/test-doubles';
import { InboxWorker } from '../../runtime/inbox-worker';
import { agent } from '../testing/contract-fixture';
import { TimeSortableIds } from '../time-sortable-ids';
import { PgInbox, type PgInboxOptions } from './pg-inbox';
import { PgUnitOfWork } from './pg-unit-of-work';
import { openPool } from './pool';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
let pools: pg.Pool[] = [];
let workers: InboxWorker[] = [];
const errors: string[] = [];

beforeAll(async () => {
  // The order entries were marked done in (the sequence is taken at the update, inside its unit).
  await db.pool().query(`
    CREATE TABLE done_order (seq BIGSERIAL PRIMARY KEY, inbox_id BIGINT NOT NULL);
    CREATE FUNCTION record_done() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO done_order (inbox_id) VALUES (NEW.id); RETURN NEW; END $$;
    CREATE TRIGGER inbox_done AFTER UPDATE OF state ON inbox FOR EACH ROW WHEN (NEW.state = 'done') EXECUTE FUNCTION record_done();`);
});
beforeEach(async () => {
  await db.truncate();
  errors.length = 0;
});
afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await Promise.all(pools.map((p) => p.end()));
  [pools, workers] = [[], []];
});

const CH = 'ch1';
const clock = { now: () => Date.now() };
const logger = pino({ level: 'warn' }, { write: (line: string) => void errors.push(line) });

interface NodeOptions extends PgInboxOptions {
  renewMs?: number;
  /** Slows one node's work down (a robot answering slowly). */
  delayMs?: number;
}

/** One server process: its own pool, unit of work, inbox (claiming as `owner`) and worker. */
function node(owner: string, options: NodeOptions = {}) {
  const pool = openPool(db.url());
  pools.push(pool);
  const uow = new PgUnitOfWork(pool);
  const inbox = new PgInbox(pool, () => uow.current, { owner, ...options });
  const engine: EngineDeps = {
    uow,
    clock,
    ids: new TimeSortableIds(clock),
    notifier: new RecordingNotifier(),
    robot: new ScriptedRobot({}),
  };
  const channelOf = async () => {
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    return { kind: 'miniprogram' as const };
  };
  const worker = new InboxWorker(
    { engine, inbox, channelOf },
    { logger, now: clock.now, pollMs: 50, ...(options.renewMs !== undefined && { renewMs: options.renewMs }) },
  );
  workers.push(worker);
  return { uow, inbox, worker };
}

const text = (openid: string, msgId: string): TextMessage => ({
  type: 'text',
  toUserName: 'gh',
  fromUserName: openid,
  createTime: '1714112445',
  msgId,
  content: `hello ${msgId}`,
});

const q = async <R extends pg.QueryResultRow>(sql: string) => (await db.pool().query<R>(sql)).rows;

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const allDone = async () => (await q<{ n: number }>("SELECT count(*)::int AS n FROM inbox WHERE state <> 'done'"))[0]!.n === 0;

/** Inbox ids per customer in the order they were marked done. */
async function doneOrderPerCustomer(): Promise<number[][]> {
  const rows = await q<{ sender: string; ids: string[] }>(`
    SELECT i.message::jsonb ->> 'fromUserName' AS sender, array_agg(i.id ORDER BY d.seq)::text[] AS ids
    FROM done_order d JOIN inbox i ON i.id = d.inbox_id GROUP BY 1 ORDER BY 1`);
  return rows.map((r) => r.ids.map(Number));
}

describe('inbox claims on PostgreSQL across nodes', () => {
  it('two workers draining one inbox at once: each entry once, per customer in order, no failure', async () => {
    const [a, b] = [node('A'), node('B')];
    await a.uow.run((tx) => tx.agents.save(agent('a1', { channelId: CH, maxConcurrent: 100 })));
    // 12 customers with 10 pushes each, interleaved as WeChat would deliver them, half to each node.
    const pushes = Array.from({ length: 120 }, (_, i) => text(`o${i % 12}`, String(1000 + i)));
    for (const [i, p] of pushes.entries()) await (i % 2 ? a : b).inbox.accept(CH, p, i);
    a.worker.start();
    b.worker.start();
    await until(allDone, 30_000);

    const messages = await q<{ n: number }>(
      'SELECT count(*)::int AS n FROM messages WHERE wechat_msg_id IS NOT NULL GROUP BY wechat_msg_id',
    );
    expect(messages).toHaveLength(120);
    expect(messages.every((m) => m.n === 1)).toBe(true);
    const orders = await doneOrderPerCustomer();
    expect(orders).toHaveLength(12);
    for (const ids of orders) expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(orders.flat()).toHaveLength(120); // marked done once each: no unit ran twice
    expect(errors).toEqual([]);
    const split = await q<{ claimed_by: string; n: number }>('SELECT claimed_by, count(*)::int AS n FROM inbox GROUP BY 1 ORDER BY 1');
    console.log(`inbox drained by two nodes: ${split.map((s) => `${s.claimed_by}=${s.n}`).join(', ')}`);
  }, 60_000);

  it('a dead node’s claims are taken over when its lease runs out; its late commit is refused', async () => {
    const leaseMs = 1500;
    const dead = node('dead', { leaseMs });
    const pushes = Array.from({ length: 6 }, (_, i) => text(`o${i % 3}`, String(2000 + i)));
    for (const p of pushes) await dead.inbox.accept(CH, p, 1);
    const claimedAt = Date.now();
    const claimed = await dead.inbox.pending(claimedAt, 100); // then the node dies: no work, no renewal
    expect(claimed).toHaveLength(3); // each customer's oldest
    const live = node('live', { leaseMs });
    live.worker.start();
    await until(async () => (await q<{ n: number }>("SELECT count(*)::int AS n FROM inbox WHERE state = 'done'"))[0]!.n > 0, 10_000);
    const takeoverMs = Date.now() - claimedAt;
    await until(allDone, 10_000);
    console.log(`inbox takeover after a node died: first entry done ${takeoverMs} ms after its claim (lease ${leaseMs} ms)`);
    expect(takeoverMs).toBeGreaterThanOrEqual(leaseMs);
    expect(takeoverMs).toBeLessThan(leaseMs + 1000);
    await expect(q('SELECT DISTINCT claimed_by FROM inbox')).resolves.toEqual([{ claimed_by: 'live' }]);
    // The "dead" node was only stalled: its commit of an entry taken over is refused, nothing doubled.
    await expect(dead.uow.run(() => dead.inbox.markDone(claimed[0]!.id, Date.now()))).rejects.toThrow('not claimed by this node');
    expect(errors).toEqual([]);
  }, 30_000);

  it('a live node working longer than its lease keeps its claims by renewing them', async () => {
    const [slow, other] = [node('slow', { leaseMs: 400, renewMs: 100, delayMs: 1200 }), node('other', { leaseMs: 400 })];
    await slow.inbox.accept(CH, text('o1', '3000'), 1);
    const run = slow.worker.kick();
    await new Promise((r) => setTimeout(r, 50)); // slow has claimed the entry and is working on it
    other.worker.start();
    await run;
    await until(allDone, 5000);
    await expect(q('SELECT claimed_by, attempts FROM inbox')).resolves.toEqual([{ claimed_by: 'slow', attempts: 0 }]);
    expect(await doneOrderPerCustomer()).toHaveLength(1);
    expect(errors).toEqual([]);
  }, 20_000);
});
