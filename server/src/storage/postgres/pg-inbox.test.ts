// The inbox on PostgreSQL: a push is stored once however many nodes WeChat's retries reach, and an entry
// is marked done inside the unit that processed it, once.
import type pg from 'pg';
import type { TextMessage } from '../../core/inbound-message';
import { customer } from '../testing/contract-fixture';
import { InboxEntryNotPending, PgInbox } from './pg-inbox';
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

/** One node's inbox and unit of work on a pool of its own. */
function node(): { inbox: PgInbox; uow: PgUnitOfWork } {
  const pool = openPool(db.url());
  pools.push(pool);
  const uow = new PgUnitOfWork(pool);
  return { inbox: new PgInbox(pool, () => uow.current), uow };
}

const text = (msgId: string, from = 'o1'): TextMessage => ({
  type: 'text',
  toUserName: 'gh',
  fromUserName: from,
  createTime: '5',
  msgId,
  content: 'hi',
});

describe('PostgreSQL inbox', () => {
  it('stores a push once: copies in one turn, a retry later, and retries reaching another node at once', async () => {
    const [a, b] = [node(), node()];
    await expect(Promise.all([a.inbox.accept('ch1', text('1'), 10), a.inbox.accept('ch1', text('1'), 11)])).resolves.toEqual([
      'stored',
      'duplicate',
    ]);
    await expect(b.inbox.accept('ch1', text('1'), 12)).resolves.toBe('duplicate');
    await expect(b.inbox.accept('ch2', text('1'), 12)).resolves.toBe('stored'); // MsgIds are per channel
    const raced = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).inbox.accept('ch1', text('2'), 20 + i)));
    expect(raced.filter((o) => o === 'stored')).toHaveLength(1);
    // Claims hand out a customer's oldest pending entry only: ch1's second push waits for the first.
    const pending = await a.inbox.pending(1000, 10);
    expect(pending.map((e) => [e.channelId, (e.message as TextMessage).msgId, e.attempts])).toEqual([
      ['ch1', '1', 0],
      ['ch2', '1', 0],
    ]);
    expect(pending[0]).toMatchObject({ receivedAt: 10, message: text('1') });
  });

  it('marks an entry done with its unit: rolled back with it, and only once across nodes', async () => {
    const [a, b] = [node(), node()];
    await a.inbox.accept('ch1', text('1'), 10);
    const [entry] = await a.inbox.pending(1000, 10);
    const id = entry!.id;
    await expect(
      a.uow.run(async (tx) => {
        await tx.customers.save(customer('c1'));
        await a.inbox.markDone(id, 50);
        throw new Error('routing failed');
      }),
    ).rejects.toThrow('routing failed');
    // Still pending (claimed by a until its lease runs out; a claims it again afterwards).
    await expect(a.inbox.pending(1000, 10)).resolves.toEqual([]);
    await expect(a.inbox.pending(100_000, 10).then((p) => p.length)).resolves.toBe(1);
    // Both nodes process it at once (b without a claim): one unit commits, the other fails whole.
    const process = (n: ReturnType<typeof node>, c: string) =>
      n.uow.run(async (tx) => {
        await tx.customers.save(customer(c));
        await n.inbox.markDone(id, 60);
      });
    const outcomes = await Promise.allSettled([process(a, 'ca'), process(b, 'cb')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(InboxEntryNotPending);
    const saved = await a.uow.run(async (tx) => [await tx.customers.get('ca'), await tx.customers.get('cb')]);
    expect(saved.filter((c) => c !== undefined)).toHaveLength(1);
    await expect(a.inbox.pending(100_000, 10)).resolves.toEqual([]);
  });

  it('a failed attempt is retried at its time; giving up keeps the entry out of the way', async () => {
    const { inbox } = node();
    await inbox.accept('ch1', text('1'), 10);
    await inbox.accept('ch1', text('2', 'o2'), 10);
    const [first, second] = await inbox.pending(1000, 10);
    await inbox.markFailed(first!.id, 'boom', 5000);
    await inbox.markFailed(second!.id, 'fatal', undefined);
    await expect(inbox.pending(4999, 10)).resolves.toEqual([]);
    await expect(inbox.pending(5000, 10)).resolves.toMatchObject([{ id: first!.id, attempts: 1 }]);
  });

  it('renews its claims without waiting for entries a routing batch holds locked (that wait was a deadlock)', async () => {
    const a = node();
    for (const id of ['1', '2']) await a.inbox.accept('ch1', text(id, `o${id}`), 10);
    const [first, second] = await a.inbox.pending(20, 10);
    let renewed!: () => void;
    const renewal = new Promise<void>((resolve) => {
      renewed = resolve;
    });
    // A batch marks the first entry done and, still open, waits until the renewal is over.
    const batch = a.uow.batch((scoped) =>
      scoped.run(async () => {
        await a.inbox.markDone(first!.id, 30);
        // A read of the inbox on the batch's connection sends the held-back update: the row is locked now.
        await a.uow.current?.query('SELECT 1 FROM inbox WHERE id = $1', [Number(first!.id)]);
        await renewal;
      }),
    );
    const lease = async (id: string) =>
      (await db.pool().query<{ lease_until: number }>('SELECT lease_until FROM inbox WHERE id = $1', [Number(id)])).rows[0]?.lease_until;
    const before = await lease(second!.id);
    await new Promise((r) => setTimeout(r, 50));
    await Promise.race([
      a.inbox.renewClaims(40),
      new Promise((_, reject) => setTimeout(() => reject(new Error('renewing waited for the batch')), 2000)),
    ]);
    renewed();
    await batch;
    expect(await lease(second!.id)).toBeGreaterThan(before as number);
  });
});
