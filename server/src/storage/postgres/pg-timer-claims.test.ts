// Timers fire once across nodes: two schedulers on two pools tick the same due timers at once and each
// timer fires once (one warning per customer, no failure); a timer another node's unit holds is skipped,
// not waited for, and fires at a later tick if still due.
import pino from 'pino';
import type pg from 'pg';
import { agentReply } from '../../app/agent-reply';
import type { EngineDeps } from '../../app/support/engine-deps';
import { messageInItsUnit, textPush } from '../../app/testing/engine-fixture';
import { RecordingNotifier, ScriptedRobot } from '../../core/testing/test-doubles';
import { ControllableClock } from '../../runtime/controllable-clock';
import { TimerScheduler } from '../../runtime/timer-scheduler';
import { agent } from '../testing/contract-fixture';
import { TimeSortableIds } from '../time-sortable-ids';
import { PgTimerClaims } from './pg-timer-claims';
import { PgUnitOfWork } from './pg-unit-of-work';
import { openPool } from './pool';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
let pools: pg.Pool[] = [];
const errors: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => void errors.push(line) });
beforeEach(async () => {
  await db.truncate();
  errors.length = 0;
});
afterEach(async () => {
  await Promise.all(pools.map((p) => p.end()));
  pools = [];
});

const CH = 'ch1';
const MINUTE = 60_000;
const clock = new ControllableClock(Date.UTC(2026, 0, 5, 10));

/** One server process's engine and timer scheduler, on a pool of its own. */
function node() {
  const pool = openPool(db.url());
  pools.push(pool);
  const uow = new PgUnitOfWork(pool);
  const engine: EngineDeps = {
    uow,
    clock,
    ids: new TimeSortableIds(clock),
    notifier: new RecordingNotifier(),
    robot: new ScriptedRobot({}),
    timerClaims: new PgTimerClaims(() => uow.current),
  };
  return { engine, scheduler: new TimerScheduler({ engine, channelIds: async () => [CH], logger }) };
}

/** `n` customers each talking with agent a1, whose silence warning falls due 25 minutes later. */
async function conversations(engine: EngineDeps, n: number): Promise<string[]> {
  await engine.uow.run(async (tx) => {
    await tx.settings.save(CH, undefined, { customerSilenceMinutes: 30, silenceWarningMinutes: 5, agentNoReplyMinutes: 0, language: 'en' });
    await tx.agents.save(agent('a1', { channelId: CH, maxConcurrent: 100 }));
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const said = await messageInItsUnit(engine, { channelId: CH, channelKind: 'miniprogram', push: textPush(`u${i}`, 'hi') });
    const id = 'conversationId' in said ? said.conversationId : '';
    await agentReply(engine, { conversationId: id, agentId: 'a1', content: { type: 'text', text: 'How can I help?' } });
    ids.push(id);
  }
  return ids;
}

const warnings = async () =>
  (
    await db
      .pool()
      .query<{ to_openid: string; n: number }>(
        "SELECT to_openid, count(*)::int AS n FROM outbox WHERE data LIKE '%have not heard from you%' GROUP BY 1 ORDER BY 1",
      )
  ).rows;

describe('timers on PostgreSQL across nodes', () => {
  it('two schedulers ticking the same due timers at once: each timer fires once', async () => {
    const [a, b] = [node(), node()];
    const ids = await conversations(a.engine, 20);
    clock.moveTo(clock.now() + 26 * MINUTE);
    const [firedA, firedB] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    const fired = [...firedA, ...firedB];
    console.log(`two schedulers, 20 due timers: node A fired ${firedA.length}, node B ${firedB.length}`);
    expect(fired.map((f) => f.conversationId).sort()).toEqual([...ids].sort());
    expect(fired.every((f) => f.kind === 'silence_warning')).toBe(true);
    const sent = await warnings();
    expect(sent).toHaveLength(20);
    expect(sent.every((w) => w.n === 1)).toBe(true);
    // Ticking again at the same instant fires nothing more.
    await expect(Promise.all([a.scheduler.tick(), b.scheduler.tick()])).resolves.toEqual([[], []]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('a timer another node is firing is skipped without waiting, and fires later if still due', async () => {
    const [a, b] = [node(), node()];
    const [held, free] = await conversations(a.engine, 2);
    clock.moveTo(clock.now() + 26 * MINUTE);
    // Another node's unit holds the first conversation (as while it fires its timer).
    const other = await db.pool().connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [held]);
      const startedAt = Date.now();
      const fired = await b.scheduler.tick();
      const tookMs = Date.now() - startedAt;
      expect(fired.map((f) => f.conversationId)).toEqual([free]);
      expect(tookMs).toBeLessThan(2000); // without a claim it waits for the other unit to end
    } finally {
      await other.query('ROLLBACK');
      other.release();
    }
    await expect(b.scheduler.tick().then((f) => f.map((x) => x.conversationId))).resolves.toEqual([held]);
    expect((await warnings()).map((w) => w.n)).toEqual([1, 1]);
    expect(errors).toEqual([]);
  }, 30_000);
});
