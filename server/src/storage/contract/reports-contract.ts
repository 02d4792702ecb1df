// The behaviour every Reports adapter must show, against the in-memory reference on the same records:
// scope by channel and merchant (the platform's team apart), creation ranges, paging in a stable order,
// customers and message counts. Run by sqlite-reports.test.ts and postgres/pg-reports.test.ts.
import type { Conversation } from '../../core/model/conversation';
import type { Message } from '../../core/model/message';
import type { Reports } from '../../core/ports/reports';
import type { UnitOfWork } from '../../core/ports/unit-of-work';

export interface ReportsSubject {
  uow: UnitOfWork;
  reports: Reports;
  close(): void;
}

const conv = (id: string, merchantId: string | undefined, createdAt: number, over: Partial<Conversation> = {}): Conversation => ({
  id,
  channelId: 'ch1',
  ...(merchantId !== undefined && { merchantId }),
  customerId: `cu-${id}`,
  state: 'ended',
  remainingChain: [],
  excludedAgentIds: [],
  createdAt,
  ...over,
});
const msg = (id: string, conversationId: string, direction: 'in' | 'out', createdAt: number): Message => ({
  id,
  channelId: 'ch1',
  conversationId,
  customerId: `cu-${conversationId}`,
  direction,
  sender: direction === 'in' ? { kind: 'customer' } : { kind: 'agent', agentId: 'a1' },
  content: { type: 'text', text: id },
  createdAt,
  ...(direction === 'in' ? { wechatMsgId: `w-${id}` } : { delivery: { status: 'sent', at: createdAt } }),
});

async function arrange(uow: UnitOfWork): Promise<void> {
  await uow.run(async (tx) => {
    const all = [
      conv('c1', 'm1', 1000, {
        state: 'ended',
        queuedAt: 1100,
        assignedAt: 1500,
        firstAgentResponseAt: 2500,
        endedAt: 9000,
        agentId: 'a1',
        endReason: 'agent_ended',
        csat: { requestedAt: 9000, rating: 4, comment: '还行', ratedAt: 9100 },
      }),
      conv('c2', 'm1', 1000, { state: 'queued', queuedAt: 1200 }),
      conv('c3', 'm2', 1500, { state: 'queued', queuedAt: 1600 }),
      conv('c4', undefined, 2000, { state: 'bot' }),
      conv('c5', 'm1', 5000, { state: 'left_message', leftMessageAt: 5100 }),
      { ...conv('c6', 'm1', 1000), channelId: 'ch2' },
    ];
    for (const c of all) await tx.conversations.save(c);
    await tx.customers.save({
      id: 'cu-c1',
      channelId: 'ch1',
      openid: 'o-1',
      nickname: '小明',
      params: {},
      customFields: {},
      firstSeenAt: 1,
      lastSeenAt: 1,
    });
    await tx.customers.save({ id: 'cu-c2', channelId: 'ch1', openid: 'o-2', params: {}, customFields: {}, firstSeenAt: 1, lastSeenAt: 1 });
    for (const m of [
      msg('m1', 'c1', 'in', 1000),
      msg('m2', 'c1', 'out', 1500),
      msg('m3', 'c1', 'in', 1600),
      msg('m4', 'c2', 'in', 1000),
      msg('m5', 'c4', 'in', 2000),
    ])
      await tx.messages.add(m);
  });
}

export function reportsContract(open: () => ReportsSubject): void {
  let s: ReportsSubject;
  beforeEach(async () => {
    s = open();
    await arrange(s.uow);
  });
  afterEach(() => s.close());

  const m1 = { channelId: 'ch1', merchant: { merchantId: 'm1' } };
  const platform = { channelId: 'ch1', merchant: { merchantId: undefined } };
  const everyone = { channelId: 'ch1' };

  it('gives the times of conversations created in a range, per merchant or all', async () => {
    const times = await s.reports.conversationTimes(m1, { from: 0, to: 5000 });
    expect(times.sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0))).toEqual([
      {
        state: 'ended',
        createdAt: 1000,
        queuedAt: 1100,
        assignedAt: 1500,
        firstAgentResponseAt: 2500,
        endedAt: 9000,
        csatRequestedAt: 9000,
        csatRating: 4,
      },
      { state: 'queued', createdAt: 1000, queuedAt: 1200 },
    ]);
    expect(await s.reports.conversationTimes(platform, { from: 0, to: 5000 })).toEqual([{ state: 'bot', createdAt: 2000 }]);
    expect(await s.reports.conversationTimes(everyone, { from: 1000, to: 5001 })).toHaveLength(5);
    expect(await s.reports.conversationTimes(m1, { from: 5000, to: 6000 })).toEqual([
      { state: 'left_message', createdAt: 5000, leftMessageAt: 5100 },
    ]);
  });

  it('counts the queue now', async () => {
    expect(await s.reports.countQueued(m1)).toBe(1);
    expect(await s.reports.countQueued(everyone)).toBe(2);
    expect(await s.reports.countQueued(platform)).toBe(0);
  });

  it('pages messages created in a range oldest first, scoped by their conversation, with its merchant and customer', async () => {
    const range = { from: 0, to: 10_000 };
    const all = await s.reports.messagePage(m1, range, 0, 10);
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.message.id)).toEqual(['m1', 'm4', 'm2', 'm3']);
    expect(all.rows[0]).toEqual({ message: msg('m1', 'c1', 'in', 1000), merchantId: 'm1', customer: { openid: 'o-1', nickname: '小明' } });
    expect(all.rows[1]).toEqual({ message: msg('m4', 'c2', 'in', 1000), merchantId: 'm1', customer: { openid: 'o-2' } });
    expect(all.rows[2]?.message).toEqual(msg('m2', 'c1', 'out', 1500));
    const second = await s.reports.messagePage(m1, range, 2, 1);
    expect([second.total, second.rows.map((r) => r.message.id)]).toEqual([4, ['m2']]);
    expect((await s.reports.messagePage(m1, { from: 1500, to: 1600 }, 0, 10)).rows.map((r) => r.message.id)).toEqual(['m2']);
    expect((await s.reports.messagePage(platform, range, 0, 10)).rows).toEqual([{ message: msg('m5', 'c4', 'in', 2000) }]);
    expect((await s.reports.messagePage(everyone, range, 0, 10)).total).toBe(5);
  });

  it('pages conversations oldest first with customers and message counts', async () => {
    const first = await s.reports.conversationPage(everyone, { from: 0, to: 10_000 }, 0, 2);
    expect(first.total).toBe(5);
    expect(first.rows.map((r) => r.conversation.id)).toEqual(['c1', 'c2']);
    expect(first.rows[0]).toEqual({
      conversation: expect.objectContaining({ id: 'c1', merchantId: 'm1', agentId: 'a1', endReason: 'agent_ended' }),
      customer: { openid: 'o-1', nickname: '小明' },
      messagesIn: 2,
      messagesOut: 1,
    });
    expect(first.rows[1]).toEqual({
      conversation: expect.objectContaining({ id: 'c2' }),
      customer: { openid: 'o-2' },
      messagesIn: 1,
      messagesOut: 0,
    });
    const rest = await s.reports.conversationPage(everyone, { from: 0, to: 10_000 }, 2, 10);
    expect(rest.rows.map((r) => [r.conversation.id, r.customer, r.messagesIn])).toEqual([
      ['c3', undefined, 0],
      ['c4', undefined, 1],
      ['c5', undefined, 0],
    ]);
    expect((await s.reports.conversationPage(m1, { from: 0, to: 2000 }, 0, 10)).rows.map((r) => r.conversation.id)).toEqual(['c1', 'c2']);
    expect(await s.reports.conversationPage(m1, { from: 20_000, to: 30_000 }, 0, 10)).toEqual({ total: 0, rows: [] });
  });
}
