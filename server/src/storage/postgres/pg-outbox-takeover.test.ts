// The outbox across nodes: node A is killed mid-send (WeChat carried the message out, A never recorded
// it and stops renewing its lease). Node B takes the send over once the lease runs out, sends it once
// more, in doubt, as on SQLite, and sends every other message of the customer once, in order.
import pino from 'pino';
import type pg from 'pg';
import { agentReply } from '../../app/agent-reply';
import type { EngineDeps } from '../../app/support/engine-deps';
import { messageInItsUnit, textPush } from '../../app/testing/engine-fixture';
import type { OutboxStore } from '../../core/ports/outbox-store';
import { RecordingNotifier, ScriptedRobot } from '../../core/testing/test-doubles';
import { MINI_PROGRAM, startTestEmulator, type TestEmulator } from '../../emulator/testing/test-emulator';
import { OutboxSender } from '../../runtime/outbox-sender';
import { wire } from '../../wechat/outbound/testing/emulated-api';
import { agent } from '../testing/contract-fixture';
import { TimeSortableIds } from '../time-sortable-ids';
import { PgOutboxStore } from './pg-outbox';
import { PgUnitOfWork } from './pg-unit-of-work';
import { openPool } from './pool';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
let pools: pg.Pool[] = [];
let emu: TestEmulator;
const CH = 'ch1';
const OPENID = 'oUser1';
const LEASE_MS = 2000;
const clock = { now: () => Date.now() };

beforeEach(async () => {
  await db.truncate();
  emu = await startTestEmulator();
});
afterEach(async () => {
  await Promise.all(pools.map((p) => p.end()));
  pools = [];
  await emu.close();
});

function engineOn(pool: pg.Pool): EngineDeps {
  return {
    uow: new PgUnitOfWork(pool),
    clock,
    ids: new TimeSortableIds(clock),
    notifier: new RecordingNotifier(),
    robot: new ScriptedRobot({}),
  };
}

/** A node's sender: its pool, its claims (as `owner`), WeChat through the emulator. */
function node(owner: string, onSend?: () => Promise<never>) {
  const pool = openPool(db.url());
  pools.push(pool);
  const engine = engineOn(pool);
  const { api } = wire(emu, MINI_PROGRAM, { now: Date.now });
  const dying = killable(new PgOutboxStore(pool, { owner, leaseMs: LEASE_MS }));
  if (onSend) {
    const send = api.postJson.bind(api);
    api.postJson = (async (path: string, body: unknown) => {
      await send(path, body); // WeChat carries it out…
      dying.kill(); // …and the node dies before it hears back
      return onSend();
    }) as typeof api.postJson;
  }
  const sender = new OutboxSender({
    store: dying.store,
    engine,
    channel: async () => ({ kind: 'miniprogram', api }),
    logger: pino({ level: 'silent' }),
    now: Date.now,
    pollMs: 100,
    leaseRenewMs: LEASE_MS / 4,
  });
  return { engine, sender, dying };
}

/** A store that stops answering when its node dies: no renewal, no outcome ever reaches the database. */
function killable(inner: OutboxStore) {
  let dead = false;
  let bury: (e: Error) => void = () => undefined;
  const grave = new Promise<never>((_, reject) => {
    bury = reject;
  });
  grave.catch(() => undefined);
  const store = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (dead ? grave : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
  return { store, kill: () => void (dead = true), bury: () => bury(new Error('the node is gone')), grave };
}

const sentTexts = () =>
  emu.state.recorder
    .sentMessages(MINI_PROGRAM.appId)
    .map((e) => (e.type === 'api' ? (e.request as { text?: { content: string } }).text?.content : undefined));

describe('outbox takeover on PostgreSQL', () => {
  it('a node killed mid-send: the other node takes the send over within the lease, sends it once more in doubt', async () => {
    await emu.customerSays(MINI_PROGRAM, OPENID, 'text', { deliver: false });
    const a = node('node-a', () => a.dying.grave);
    await a.engine.uow.run((tx) => tx.agents.save(agent('a1', { channelId: CH })));
    const said = await messageInItsUnit(a.engine, { channelId: CH, channelKind: 'miniprogram', push: textPush(OPENID, 'hi') });
    if (said.kind !== 'handled') throw new Error('expected a new message');
    for (const text of ['one', 'two', 'three'])
      await agentReply(a.engine, { conversationId: said.conversationId, agentId: 'a1', content: { type: 'text', text } });
    const queued = (await db.pool().query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]!.n;

    a.sender.start();
    void a.sender.kick();
    while (sentTexts().length === 0) await new Promise((r) => setTimeout(r, 10));
    const killedAt = Date.now();
    const first = sentTexts()[0];
    const b = node('node-b');
    b.sender.start();
    while (sentTexts().length < 2) await new Promise((r) => setTimeout(r, 20));
    const takeoverMs = Date.now() - killedAt;
    while (sentTexts().length < queued + 1) await new Promise((r) => setTimeout(r, 20));
    await b.sender.stop();
    a.dying.bury();
    await a.sender.stop().catch(() => undefined);

    console.log(`outbox takeover after a node died mid-send: re-sent ${takeoverMs} ms later (lease ${LEASE_MS} ms)`);
    expect(takeoverMs).toBeGreaterThanOrEqual(LEASE_MS - 100);
    expect(takeoverMs).toBeLessThan(LEASE_MS + 1500);
    // The one in flight twice (once more, in doubt), every other once, in order.
    const sent = sentTexts();
    expect(sent[1]).toBe(first);
    expect(sent.slice(1)).toHaveLength(queued);
    expect(sent.slice(-3)).toEqual(['one', 'two', 'three']);
    const rows = (
      await db
        .pool()
        .query<{ status: string; in_doubt: boolean; lease_owner: string }>(
          'SELECT status, in_doubt, lease_owner FROM outbox ORDER BY created_at, id',
        )
    ).rows;
    expect(rows.every((r) => r.status === 'sent' && r.lease_owner === 'node-b')).toBe(true);
    expect(rows.map((r) => r.in_doubt)).toEqual(rows.map((_, i) => i === 0));
  }, 30_000);
});
