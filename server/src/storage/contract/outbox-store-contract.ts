// The behaviour every OutboxStore must show: claims, leases, retries, per-customer order, outcomes.
import type { OutboxItem } from '../../core/ports/outbox';
import { CH, ids, type OpenSubject, useSubject } from '../testing/contract-fixture';

export const LEASE_MS = 30_000;

export function item(id: string, over: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    channelId: CH,
    messageId: `m-${id}`,
    conversationId: 'cv1',
    toOpenid: `o-${id}`,
    content: { type: 'text', text: `hi ${id}` },
    createdAt: 1000,
    ...over,
  };
}

export function outboxStoreContract(open: OpenSubject): void {
  const { subject } = useSubject(open);
  const enqueue = (...items: OutboxItem[]) =>
    subject().uow.run(async (tx) => {
      for (const i of items) await tx.outbox.enqueue(i);
    });

  it('claims due items earliest first, whole, counting the attempt', async () => {
    const a = item('a', { content: { type: 'link', title: 't', description: 'd', url: 'https://x', thumbUrl: 'https://y' } });
    await enqueue(item('b', { createdAt: 1000 }), a, item('c', { createdAt: 5000 }));
    const claimed = await subject().outboxStore.claimDue(2000, 10);
    expect(claimed).toStrictEqual([
      { ...a, attempts: 1, inDoubt: false },
      { ...item('b'), attempts: 1, inDoubt: false },
    ]);
    await expect(subject().outboxStore.claimDue(2000, 10)).resolves.toEqual([]);
    await expect(subject().outboxStore.claimDue(6000, 1).then(ids)).resolves.toEqual(['c']);
  });

  it('respects the limit', async () => {
    await enqueue(item('a'), item('b'), item('c'));
    await expect(subject().outboxStore.claimDue(1000, 2).then(ids)).resolves.toEqual(['a', 'b']);
    await expect(subject().outboxStore.claimDue(1000, 2).then(ids)).resolves.toEqual(['c']);
  });

  it('a claim expires after its lease: a crashed sender’s item is claimed again, attempts counted', async () => {
    await enqueue(item('a'));
    await subject().outboxStore.claimDue(1000, 10);
    await expect(subject().outboxStore.claimDue(1000 + LEASE_MS - 1, 10)).resolves.toEqual([]);
    await expect(subject().outboxStore.claimDue(1000 + LEASE_MS, 10)).resolves.toMatchObject([{ id: 'a', attempts: 2, inDoubt: true }]);
    await expect(subject().outboxStore.get('a')).resolves.toMatchObject({ inDoubt: true });
  });

  it('a send in flight keeps its claim by renewing the lease; a finished or lapsed one is not renewed', async () => {
    await enqueue(item('a'), item('b'));
    await subject().outboxStore.claimDue(1000, 10);
    await expect(subject().outboxStore.renewLeases(['a'], 1000 + LEASE_MS - 1)).resolves.toEqual(['a']);
    // b's lease ran out: another sender may hold it now, so it is not taken back.
    await expect(subject().outboxStore.renewLeases(['b'], 1000 + LEASE_MS)).resolves.toEqual([]);
    await expect(
      subject()
        .outboxStore.claimDue(1000 + LEASE_MS, 10)
        .then(ids),
    ).resolves.toEqual(['b']);
    await subject().outboxStore.markSent('a', 2000);
    await expect(subject().outboxStore.renewLeases(['a'], 2000)).resolves.toEqual([]);
    await expect(subject().outboxStore.renewLeases([], 2000)).resolves.toEqual([]);
  });

  it('ends the live claims of a dead owner at once: they are claimed again now, in doubt; a live owner keeps its own', async () => {
    await enqueue(item('a'), item('b'));
    await subject().outboxStore.claimDue(1000, 10);
    // Nothing is judged dead: nothing is released.
    await expect(subject().outboxStore.releaseClaimsOf(() => false, 1500)).resolves.toBe(0);
    await expect(subject().outboxStore.claimDue(1500, 10)).resolves.toEqual([]);
    // The store's own claims are never released, whatever the judge says (this process is alive).
    await expect(subject().outboxStore.releaseClaimsOf(() => true, 1500)).resolves.toBe(0);
  });

  it('an attempt that may have reached WeChat marks the item in doubt for good; a plain retry does not', async () => {
    await enqueue(item('a'), item('b'));
    await subject().outboxStore.claimDue(1000, 10);
    await subject().outboxStore.markRetry('a', 2000, 'timeout', true);
    await subject().outboxStore.markRetry('b', 2000, 'refused');
    const again = await subject().outboxStore.claimDue(2000, 10);
    expect(again.map((i) => [i.id, i.inDoubt])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    await subject().outboxStore.markRetry('a', 3000, 'busy');
    await expect(subject().outboxStore.claimDue(3000, 10)).resolves.toMatchObject([{ id: 'a', inDoubt: true }]);
  });

  it('a retry is due again at its time and carries the last error', async () => {
    await enqueue(item('a'));
    await subject().outboxStore.claimDue(1000, 10);
    await subject().outboxStore.markRetry('a', 5000, 'timeout');
    await expect(subject().outboxStore.claimDue(4999, 10)).resolves.toEqual([]);
    await expect(subject().outboxStore.claimDue(5000, 10)).resolves.toMatchObject([{ id: 'a', attempts: 2, lastError: 'timeout' }]);
    await expect(subject().outboxStore.get('a')).resolves.toMatchObject({
      status: 'pending',
      attempts: 2,
      nextAttemptAt: 5000,
      leaseUntil: 5000 + LEASE_MS,
    });
  });

  it('sent and failed items are never claimed again; a late outcome does not change them', async () => {
    await enqueue(item('a'), item('b'));
    await subject().outboxStore.claimDue(1000, 10);
    await subject().outboxStore.markSent('a', 1500);
    await subject().outboxStore.markFailed('b', 1600, 'refused', 45015);
    await subject().outboxStore.markRetry('a', 2000, 'late');
    await subject().outboxStore.markFailed('a', 2000, 'late');
    await expect(subject().outboxStore.claimDue(1_000_000, 10)).resolves.toEqual([]);
    const a = await subject().outboxStore.get('a');
    expect(a).toMatchObject({ status: 'sent', finishedAt: 1500, attempts: 1 });
    expect(a?.leaseUntil).toBeUndefined();
    await expect(subject().outboxStore.get('b')).resolves.toMatchObject({
      status: 'failed',
      finishedAt: 1600,
      lastError: 'refused',
      wechatCode: 45015,
    });
    await expect(subject().outboxStore.get('nope')).resolves.toBeUndefined();
  });

  it('sends to one customer in order: a later item waits while an earlier one is pending', async () => {
    await enqueue(
      item('a1', { toOpenid: 'o1' }),
      item('a2', { toOpenid: 'o1' }),
      item('b1', { toOpenid: 'o2' }),
      item('a3', { toOpenid: 'o1', channelId: 'ch2' }),
    );
    await expect(subject().outboxStore.claimDue(1000, 10).then(ids)).resolves.toEqual(['a1', 'a3', 'b1']);
    await subject().outboxStore.markRetry('a1', 9000, 'busy');
    await expect(subject().outboxStore.claimDue(2000, 10)).resolves.toEqual([]);
    await subject().outboxStore.markFailed('a1', 2000, 'gave up');
    await expect(subject().outboxStore.claimDue(2000, 10).then(ids)).resolves.toEqual(['a2']);
  });

  it('records a batch of mixed outcomes at once, each as markSent / markFailed would; a finished one stays as it was', async () => {
    await enqueue(item('a'), item('b'), item('c'), item('d'));
    await subject().outboxStore.claimDue(1000, 10);
    await subject().outboxStore.markSent('d', 1100);
    await subject().outboxStore.markFinished([
      { id: 'a', at: 1500, kind: 'sent' },
      { id: 'b', at: 1600, kind: 'failed', reason: 'refused', wechatCode: 45015 },
      { id: 'd', at: 1700, kind: 'failed', reason: 'late' },
    ]);
    await subject().outboxStore.markFinished([]);
    const a = await subject().outboxStore.get('a');
    expect(a).toMatchObject({ status: 'sent', finishedAt: 1500, attempts: 1 });
    expect(a?.leaseUntil).toBeUndefined();
    await expect(subject().outboxStore.get('b')).resolves.toMatchObject({
      status: 'failed',
      finishedAt: 1600,
      lastError: 'refused',
      wechatCode: 45015,
    });
    await expect(subject().outboxStore.get('c')).resolves.toMatchObject({ status: 'pending' });
    await expect(subject().outboxStore.get('d')).resolves.toMatchObject({ status: 'sent', finishedAt: 1100 });
    await expect(subject().outboxStore.claimDue(1_000_000, 10).then(ids)).resolves.toEqual(['c']); // its lease ran out
  });

  it('a batch of claims holds one item per customer, each the oldest pending one, the rest waiting behind it', async () => {
    const batch = ['o1', 'o2', 'o3'].flatMap((o, n) =>
      [1, 2, 3].map((k) => item(`${o}-${k}`, { toOpenid: o, createdAt: 1000 + k * 10 + n })),
    );
    await enqueue(...batch.reverse());
    await expect(subject().outboxStore.claimDue(5000, 50).then(ids)).resolves.toEqual(['o1-1', 'o2-1', 'o3-1']);
    await subject().outboxStore.markFinished(['o1-1', 'o2-1', 'o3-1'].map((id) => ({ id, at: 5000, kind: 'sent' as const })));
    await expect(subject().outboxStore.claimDue(5000, 50).then(ids)).resolves.toEqual(['o1-2', 'o2-2', 'o3-2']);
  });

  it('retention removes, page by page, the items finished before the cutoff; pending and recent ones stay', async () => {
    const store = subject().outboxStore;
    // Keys in creation order, as the ids the server makes; one customer each, so all are claimable at once.
    await enqueue(...['a1', 'a2', 'a3', 'a4', 'a5'].map((id, n) => item(id, { createdAt: 1000 + n })), item('b1', { createdAt: 9000 }));
    await store.claimDue(9000, 10);
    await store.markFinished([
      { id: 'a1', at: 2000, kind: 'sent' },
      { id: 'a2', at: 2000, kind: 'failed', reason: 'refused' },
      { id: 'a4', at: 6000, kind: 'sent' }, // finished after the cutoff: kept
      { id: 'b1', at: 9500, kind: 'sent' },
    ]);
    // a3 and a5 stay pending (a retry may still send them).
    const first = await store.removeFinished(5000, { size: 3 });
    expect(first).toEqual({ removed: 2, next: 'a3' });
    // The second page ends on b1, created after the cutoff: the walk is over.
    await expect(store.removeFinished(5000, { after: 'a3', size: 3 })).resolves.toEqual({ removed: 0 });
    const left = await Promise.all(['a1', 'a2', 'a3', 'a4', 'a5', 'b1'].map((id) => store.get(id).then((e) => e && [id, e.status])));
    expect(left.filter(Boolean)).toEqual([
      ['a3', 'pending'],
      ['a4', 'sent'],
      ['a5', 'pending'],
      ['b1', 'sent'],
    ]);
    // A short last page ends the walk too.
    await expect(store.removeFinished(99_999, { after: 'a4', size: 10 })).resolves.toEqual({ removed: 1 });
  });
}
