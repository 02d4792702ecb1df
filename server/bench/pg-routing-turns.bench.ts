// Benchmark: what the routing turns save when two nodes route ONE channel on PostgreSQL. Two nodes (a
// pool, a unit of work, an inbox and an inbox worker each, in this process, as the PostgreSQL tests'
// nodes) drain one inbox of pushes from 1,000 customers, first taking the channel's routing turn around
// each batch (pg-unit-of-work.ts), then taking none, which is what the finest turn (per merchant, per
// customer) comes to when the batches of one channel share no merchant's or customer's turn. It prints
// the serialization failures PostgreSQL returned (each a batch or unit run again) and routed/s, with
// robot-only reception (no agent's seat is shared: only the channel's tables and their index pages)
// and with 20 agents of one team taking the customers. `npm run bench -- pg-routing-turns`
// (PG_TURNS_PUSHES=2000 by default).
import { loadavg } from 'node:os';
import pg from 'pg';
import pino from 'pino';
import type { EngineDeps } from '../src/app/support/engine-deps';
import type { TextMessage } from '../src/core/inbound-message';
import { RecordingNotifier, ScriptedRobot } from '../src/core/testing/test-doubles';
import { InboxWorker } from '../src/runtime/inbox-worker';
import { runPgMigrations } from '../src/storage/postgres/migrations/runner';
import { PgInbox } from '../src/storage/postgres/pg-inbox';
import { PgUnitOfWork } from '../src/storage/postgres/pg-unit-of-work';
import { openPool } from '../src/storage/postgres/pool';
import { startTestCluster } from '../src/storage/postgres/testing/test-cluster';
import { TimeSortableIds } from '../src/storage/time-sortable-ids';

const PUSHES = Number(process.env.PG_TURNS_PUSHES ?? 2000);
const CH = 'ch1';
let last = 0;
const clock = { now: () => (last = Math.max(last + 1, Date.now())) };

/** Serialization failures (SQLSTATE 40001) returned to this process while `counting`. */
let failures = 0;
function countFailures(): void {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    const result = query.apply(this, args);
    if (result instanceof Promise) result.catch((e: { code?: string }) => void (e.code === '40001' && failures++));
    return result;
  };
}

function node(url: string, routingTurns: boolean) {
  const pool = openPool(url);
  const uow = new PgUnitOfWork(pool, { routingTurns });
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
  return { pool, uow, inbox, worker };
}

const push = (i: number): TextMessage => ({
  type: 'text',
  toUserName: 'gh',
  fromUserName: `customer-${i % 1000}`,
  createTime: '1714112445',
  msgId: String(1_000_000 + i),
  content: `你好，订单 ${i} 什么时候发货？`,
});

async function round(url: string, routingTurns: boolean, withAgents: boolean): Promise<string> {
  const [a, b] = [node(url, routingTurns), node(url, routingTurns)];
  try {
    await a.uow.run(async (tx) => {
      await tx.settings.save(CH, undefined, withAgents ? { receptionMode: 'agents_only' } : { receptionMode: 'robot_only' });
      for (let i = 0; i < (withAgents ? 20 : 0); i++)
        await tx.agents.save({ id: `a${i}`, channelId: CH, name: `客服${i}`, status: 'online', maxConcurrent: 100, groupIds: [] });
    });
    for (let i = 0; i < PUSHES; i++) await (i % 2 ? a : b).inbox.accept(CH, push(i), i);
    failures = 0;
    const started = performance.now();
    for (let pass = 0; pass < 1000; pass++) {
      await Promise.all([a.worker.kick(), b.worker.kick()]);
      const { rows } = await a.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM inbox WHERE state = 'pending'");
      if (rows[0]?.n === 0) break;
    }
    const perSecond = PUSHES / ((performance.now() - started) / 1000);
    const { rows } = await a.pool.query<{ n: number }>(
      "SELECT coalesce(max(n), 0)::int AS n FROM (SELECT count(*) AS n FROM conversations WHERE state = 'assigned' GROUP BY agent_id) AS loads",
    );
    const turns = routingTurns ? 'channel turns' : 'no turn';
    return `${withAgents ? '20 agents' : 'robot only'}, ${turns}: ${failures} serialization failures, ${perSecond.toFixed(0)} routed/s${withAgents ? `, most held by one agent ${rows[0]?.n ?? 0} (capacity 100)` : ''}`;
  } finally {
    await Promise.all([a.pool.end(), b.pool.end()]);
  }
}

async function main(): Promise<void> {
  countFailures();
  console.log(`${PUSHES} pushes from 1,000 customers of one channel, two nodes in this process`);
  console.log(`Load average before: ${loadavg()[0]?.toFixed(1)} (a quiet 2-core machine shows under 1)`);
  const cluster = await startTestCluster();
  try {
    for (const withAgents of [false, true])
      for (const routingTurns of [true, false]) {
        const url = await cluster.createDatabase();
        const pool = openPool(url);
        await runPgMigrations(pool);
        await pool.end();
        console.log(await round(url, routingTurns, withAgents));
      }
  } finally {
    await cluster.stop();
  }
  console.log(`Load average after: ${loadavg()[0]?.toFixed(1)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
