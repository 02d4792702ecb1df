// The range reports' facts every Reports adapter must give, against the same records: what a conversation's
// history and messages say (first queued and first given to a person, transfers, the first customer message,
// the first human reply and its author even after a transfer, a left message's answer, sends WeChat's window
// refused), and the scope, range, group and agent filters. Run beside reports-contract.ts on every adapter.
import type { Conversation } from '../../core/model/conversation';
import type { Delivery, Message } from '../../core/model/message';
import type { ConversationFacts } from '../../core/ports/reports';
import type { ReportsSubject } from './reports-contract';

const conv = (id: string, merchantId: string, createdAt: number, over: Partial<Conversation> = {}): Conversation => ({
  id,
  channelId: 'ch1',
  merchantId,
  customerId: `cu-${id}`,
  state: 'ended',
  remainingChain: [],
  excludedAgentIds: [],
  createdAt,
  ...over,
});

let n = 0;
const msg = (conversationId: string, createdAt: number, sender: Message['sender'], delivery?: Delivery): Message => ({
  id: `msg-${++n}`,
  channelId: 'ch1',
  conversationId,
  customerId: `cu-${conversationId}`,
  direction: sender.kind === 'customer' ? 'in' : 'out',
  sender,
  content: { type: 'text', text: 'hi' },
  createdAt,
  ...(sender.kind === 'customer' ? { wechatMsgId: `w-${n}` } : { delivery: delivery ?? { status: 'sent', at: createdAt } }),
});
const customer = { kind: 'customer' } as const;
const agent = (agentId: string) => ({ kind: 'agent', agentId }) as const;

const transferred = conv('f1', 'm1', 1000, {
  groupId: 'g1',
  agentId: 'a2',
  queuedAt: 1100,
  assignedAt: 3000,
  endedAt: 9000,
  endReason: 'customer_left',
  csat: { requestedAt: 9000, rating: 5, ratedAt: 9100 },
  history: [
    { at: 1100, kind: 'queued', groupId: 'g1', queuedFor: { kind: 'group', groupId: 'g1' } },
    { at: 1500, kind: 'assigned', agentId: 'a1', groupId: 'g1' },
    { at: 3000, kind: 'transferred', agentId: 'a2', fromAgentId: 'a1', groupId: 'g1' },
    { at: 9000, kind: 'ended', agentId: 'a2', endReason: 'customer_left' },
  ],
});
const left = conv('f2', 'm1', 2000, { state: 'left_message', queuedAt: 2100, leftMessageAt: 2500 });
const robot = conv('f3', 'm2', 3000, { endedAt: 3500, endReason: 'robot_idle' });

const messages = [
  msg('f1', 1000, customer),
  msg('f1', 1200, customer),
  msg('f1', 4000, agent('a2')),
  msg('f1', 5000, agent('a2'), { status: 'failed', at: 5001, reason: 'response out of time limit', wechatCode: 45015 }),
  msg('f1', 5100, agent('a2'), { status: 'failed', at: 5101, reason: 'invalid credential', wechatCode: 40001 }),
  msg('f2', 2000, customer),
  msg('f2', 6000, agent('a1'), { status: 'failed', at: 6001, reason: 'closed', reasonCode: 'window_closed_while_unreachable' }),
  msg('f3', 3000, customer),
  msg('f3', 3001, { kind: 'robot' }),
];

const expected: ConversationFacts[] = [
  {
    id: 'f1',
    state: 'ended',
    createdAt: 1000,
    agentId: 'a2',
    groupId: 'g1',
    queuedAt: 1100,
    firstAssignedAt: 1500,
    endedAt: 9000,
    endReason: 'customer_left',
    firstCustomerMessageAt: 1000,
    firstHumanReplyAt: 4000,
    firstHumanReplyAgentId: 'a2',
    transfers: 1,
    csatRating: 5,
    windowRefusals: 1,
  },
  {
    id: 'f2',
    state: 'left_message',
    createdAt: 2000,
    queuedAt: 2100,
    leftMessageAt: 2500,
    leftAnsweredAt: 6000,
    firstCustomerMessageAt: 2000,
    firstHumanReplyAt: 6000,
    firstHumanReplyAgentId: 'a1',
    transfers: 0,
    windowRefusals: 1,
  },
  {
    id: 'f3',
    state: 'ended',
    createdAt: 3000,
    endedAt: 3500,
    endReason: 'robot_idle',
    firstCustomerMessageAt: 3000,
    transfers: 0,
    windowRefusals: 0,
  },
];

export function reportFactsContract(open: () => ReportsSubject): void {
  let s: ReportsSubject;
  beforeEach(async () => {
    s = open();
    await s.uow.run(async (tx) => {
      for (const c of [transferred, left, robot, conv('f4', 'm1', 20_000), { ...conv('f5', 'm1', 1000), channelId: 'ch2' }])
        await tx.conversations.save(c);
      for (const m of messages) await tx.messages.add(m);
    });
  });
  afterEach(() => s.close());

  const everyone = { channelId: 'ch1' };
  const byId = (facts: ConversationFacts[]) => facts.sort((a, b) => (a.id < b.id ? -1 : 1));
  const range = { from: 0, to: 10_000 };

  it('gives each conversation’s facts from its record, history and messages, transfers included', async () => {
    expect(byId(await s.reports.conversationFacts(everyone, {}, range))).toEqual(expected);
  });

  it('filters by merchant, skill group, agent and creation range', async () => {
    const ids = async (facts: Promise<ConversationFacts[]>) => byId(await facts).map((f) => f.id);
    expect(await ids(s.reports.conversationFacts({ channelId: 'ch1', merchant: { merchantId: 'm2' } }, {}, range))).toEqual(['f3']);
    expect(await ids(s.reports.conversationFacts(everyone, { groupId: 'g1' }, range))).toEqual(['f1']);
    expect(await ids(s.reports.conversationFacts(everyone, { agentId: 'a2' }, range))).toEqual(['f1']);
    expect(await ids(s.reports.conversationFacts(everyone, { agentId: 'a1' }, range))).toEqual([]);
    expect(await ids(s.reports.conversationFacts(everyone, {}, { from: 2000, to: 30_000 }))).toEqual(['f2', 'f3', 'f4']);
    expect(await ids(s.reports.conversationFacts({ channelId: 'ch2' }, {}, range))).toEqual(['f5']);
  });
}
