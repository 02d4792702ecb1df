// What every audit log must do (in memory, SQLite, PostgreSQL): keep each entry as given, answer newest
// first with every filter and the paging cursor, drop old entries on request, and store an entry written
// inside a unit of work only when the unit commits.
import type { AuditEntry, AuditLog } from '../../core/ports/audit-log';
import type { UnitOfWork } from '../../core/ports/unit-of-work';

export interface AuditSubject {
  log: AuditLog;
  /** A unit of work over the same data, whose transactions carry `audit`. */
  uow: UnitOfWork;
}

export type OpenAudit = () => AuditSubject | Promise<AuditSubject>;

const entry = (n: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `aud_${String(n).padStart(4, '0')}`,
  at: 1_000 * n,
  actor: { kind: 'account', id: 'acc_1', name: 'alice', role: 'platform_admin' },
  action: 'group.change',
  targetType: 'group',
  targetId: `grp_${n}`,
  channelId: 'ch1',
  before: { name: 'Old', nested: { list: [1, 'two', null] } },
  after: { name: 'New' },
  ...over,
});

export function auditLogContract(open: OpenAudit): void {
  it('keeps an entry exactly as given, and answers newest first', async () => {
    const { log } = await open();
    const operator = entry(2, { actor: { kind: 'operator', name: 'command line', role: 'platform_admin' }, channelId: undefined });
    delete operator.channelId;
    delete operator.before;
    await log.append(entry(1, { merchantId: 'mer_1' }));
    await log.append(operator);
    expect(await log.list({ limit: 10 })).toEqual([operator, entry(1, { merchantId: 'mer_1' })]);
  });

  it('filters by channel, merchant, actor, target type, action and date range', async () => {
    const { log } = await open();
    await log.append(entry(1));
    await log.append(entry(2, { channelId: 'ch2' }));
    await log.append(entry(3, { merchantId: 'mer_1' }));
    await log.append(entry(4, { actor: { kind: 'token', id: 'tok_1', name: 'crm', role: 'platform_admin' } }));
    await log.append(entry(5, { targetType: 'agent', action: 'agent.create' }));
    await log.append(entry(6, { actor: { kind: 'operator', name: 'command line', role: 'platform_admin' } }));
    const ids = async (q: Parameters<AuditLog['list']>[0]) => (await log.list(q)).map((e) => e.id);
    expect(await ids({ channelId: 'ch2', limit: 10 })).toEqual(['aud_0002']);
    expect(await ids({ merchantId: 'mer_1', limit: 10 })).toEqual(['aud_0003']);
    expect(await ids({ actorId: 'tok_1', limit: 10 })).toEqual(['aud_0004']);
    expect(await ids({ actorId: 'operator', limit: 10 })).toEqual(['aud_0006']);
    expect(await ids({ targetType: 'agent', limit: 10 })).toEqual(['aud_0005']);
    expect(await ids({ action: 'agent.create', limit: 10 })).toEqual(['aud_0005']);
    expect(await ids({ from: 2_000, to: 3_000, limit: 10 })).toEqual(['aud_0003', 'aud_0002']);
    expect(await ids({ channelId: 'ch1', actorId: 'acc_1', limit: 10 })).toEqual(['aud_0005', 'aud_0003', 'aud_0001']);
  });

  it('pages newest first, ties broken by id', async () => {
    const { log } = await open();
    for (const n of [1, 2, 3, 4]) await log.append(entry(n, { at: n < 3 ? 500 : 900 }));
    const first = await log.list({ limit: 3 });
    expect(first.map((e) => e.id)).toEqual(['aud_0004', 'aud_0003', 'aud_0002']);
    const last = first[2]!;
    expect((await log.list({ limit: 3, before: { at: last.at, id: last.id } })).map((e) => e.id)).toEqual(['aud_0001']);
  });

  it('removes the entries older than the retention limit', async () => {
    const { log } = await open();
    for (const n of [1, 2, 3]) await log.append(entry(n));
    expect(await log.removeOlderThan(2_500)).toBe(2);
    expect((await log.list({ limit: 10 })).map((e) => e.id)).toEqual(['aud_0003']);
  });

  it('stores an entry written in a unit of work with the unit, and nothing when the unit fails', async () => {
    const { log, uow } = await open();
    await uow.run(async (tx) => tx.audit?.append(entry(1)));
    await expect(
      uow.run(async (tx) => {
        await tx.audit?.append(entry(2));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await log.list({ limit: 10 })).map((e) => e.id)).toEqual(['aud_0001']);
  });
}
