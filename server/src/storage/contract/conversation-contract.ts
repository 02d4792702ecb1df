// The behaviour every ConversationRepository must show: exact merchant matching, the queue's order,
// and the orders and filters of every list.
import type { Conversation } from '../../core/model/conversation';
import type { ConversationListQuery } from '../../core/ports/repositories';
import { CH, conversation, customer, fullConversation, ids, type OpenSubject, useSubject } from '../testing/contract-fixture';

export function conversationContract(open: OpenSubject): void {
  const { run } = useSubject(open);
  const saveAll = (list: Conversation[]) =>
    run(async (tx) => {
      for (const c of list) await tx.conversations.save(c);
    });

  it('keeps every field and replaces the whole record on save', async () => {
    await saveAll([fullConversation]);
    await expect(run((tx) => tx.conversations.get('cv-full'))).resolves.toStrictEqual(fullConversation);
    const { agentId: _a, queuedAt: _q, merchantId: _m, ...bare } = { ...fullConversation, state: 'queued' as const };
    await saveAll([bare]);
    await expect(run((tx) => tx.conversations.get('cv-full'))).resolves.toStrictEqual(bare);
  });

  it('keeps the satisfaction rating, and the customer’s awaited rating, through every save', async () => {
    const rated = conversation('cv-rated', { state: 'ended', csat: { requestedAt: 5, rating: 4, comment: '物流慢，客服好', ratedAt: 6 } });
    await saveAll([conversation('cv-rated', { state: 'ended', csat: { requestedAt: 5 } })]);
    await saveAll([rated]);
    await expect(run((tx) => tx.conversations.get('cv-rated'))).resolves.toStrictEqual(rated);
    const waiting = customer('cu-w', { csatAwaited: { conversationId: 'cv-rated', stage: 'comment', until: 99 } });
    await run((tx) => tx.customers.save(waiting));
    await expect(run((tx) => tx.customers.get('cu-w'))).resolves.toStrictEqual(waiting);
    const { csatAwaited: _done, ...done } = waiting;
    await run((tx) => tx.customers.save(done));
    await expect(run((tx) => tx.customers.get('cu-w'))).resolves.toStrictEqual(done);
  });

  it('finds the open conversation of a customer with exactly this merchant', async () => {
    await saveAll([
      conversation('p-ended', { state: 'ended' }),
      conversation('p-open', { state: 'queued' }),
      conversation('m1-open', { merchantId: 'm1', state: 'assigned', agentId: 'a1' }),
    ]);
    await expect(run((tx) => tx.conversations.findOpen('cu1', undefined))).resolves.toMatchObject({ id: 'p-open' });
    await expect(run((tx) => tx.conversations.findOpen('cu1', 'm1'))).resolves.toMatchObject({ id: 'm1-open' });
    await expect(run((tx) => tx.conversations.findOpen('cu1', 'm2'))).resolves.toBeUndefined();
    await expect(run((tx) => tx.conversations.findOpen('cu2', undefined))).resolves.toBeUndefined();
    await expect(run((tx) => tx.conversations.listOpenByCustomer('cu1')).then(ids)).resolves.toEqual(
      expect.arrayContaining(['p-open', 'm1-open']),
    );
  });

  it('lists open conversations of a customer newest first', async () => {
    await saveAll([
      conversation('a', { createdAt: 1 }),
      conversation('b', { createdAt: 3, merchantId: 'm1' }),
      conversation('c', { createdAt: 2, state: 'ended' }),
    ]);
    await expect(run((tx) => tx.conversations.listOpenByCustomer('cu1')).then(ids)).resolves.toEqual(['b', 'a']);
  });

  it('finds the latest conversation that had an agent, for this merchant only', async () => {
    await saveAll([
      conversation('old', { createdAt: 1, agentId: 'a1', state: 'ended' }),
      conversation('newer', { createdAt: 5, agentId: 'a2', state: 'ended' }),
      conversation('newest-no-agent', { createdAt: 9 }),
      conversation('m1', { createdAt: 20, agentId: 'a3', merchantId: 'm1' }),
    ]);
    await expect(run((tx) => tx.conversations.findLatestWithAgent('cu1', undefined))).resolves.toMatchObject({
      id: 'newer',
      agentId: 'a2',
    });
    await expect(run((tx) => tx.conversations.findLatestWithAgent('cu1', 'm1'))).resolves.toMatchObject({ id: 'm1' });
    await expect(run((tx) => tx.conversations.findLatestWithAgent('cu1', 'm9'))).resolves.toBeUndefined();
  });

  it('lists the queue of one merchant by queuedAt, then id', async () => {
    await saveAll([
      conversation('q3', { state: 'queued', queuedAt: 20 }),
      conversation('q2', { state: 'queued', queuedAt: 10 }),
      conversation('q1', { state: 'queued', queuedAt: 10 }),
      conversation('qm', { state: 'queued', queuedAt: 1, merchantId: 'm1' }),
      conversation('qx', { state: 'queued', queuedAt: 1, channelId: 'ch2' }),
      conversation('as', { state: 'assigned', queuedAt: 1, agentId: 'a1' }),
    ]);
    await expect(run((tx) => tx.conversations.listQueued(CH, undefined)).then(ids)).resolves.toEqual(['q1', 'q2', 'q3']);
    await expect(run((tx) => tx.conversations.listQueued(CH, 'm1')).then(ids)).resolves.toEqual(['qm']);
  });

  it('lists open conversations of a channel and an agent’s by state, by id', async () => {
    await saveAll([
      conversation('c2', { state: 'assigned', agentId: 'a1' }),
      conversation('c1', { state: 'left_message', agentId: 'a1', merchantId: 'm1' }),
      conversation('c3', { state: 'ended', agentId: 'a1' }),
      conversation('c4', { state: 'assigned', agentId: 'a1', channelId: 'ch2' }),
      conversation('c0', { state: 'assigned', agentId: 'a1' }),
    ]);
    await expect(run((tx) => tx.conversations.listOpen(CH)).then(ids)).resolves.toEqual(['c0', 'c1', 'c2']);
    await expect(run((tx) => tx.conversations.listByAgent('a1', 'assigned')).then(ids)).resolves.toEqual(['c0', 'c2', 'c4']);
    await expect(run((tx) => tx.conversations.listByAgent('a1', 'ended')).then(ids)).resolves.toEqual(['c3']);
  });

  it('counts assigned conversations of the agents asked about', async () => {
    await saveAll([
      conversation('c1', { state: 'assigned', agentId: 'a1' }),
      conversation('c2', { state: 'assigned', agentId: 'a1', channelId: 'ch2' }),
      conversation('c3', { state: 'ended', agentId: 'a2' }),
      conversation('c4', { state: 'assigned', agentId: 'a3' }),
    ]);
    const counts = await run((tx) => tx.conversations.countAssigned(['a1', 'a2']));
    expect(counts.get('a1')).toBe(2);
    expect(counts.get('a2') ?? 0).toBe(0);
    expect(counts.has('a3')).toBe(false);
    await expect(run((tx) => tx.conversations.countAssigned([]))).resolves.toEqual(new Map());
  });

  describe('list', () => {
    beforeEach(() =>
      saveAll([
        conversation('p1', { createdAt: 10, state: 'ended', agentId: 'a1' }),
        conversation('p2', { createdAt: 20, state: 'assigned', agentId: 'a1', customerId: 'cu2' }),
        conversation('p3', { createdAt: 20, state: 'queued' }),
        conversation('m1', { createdAt: 30, merchantId: 'm1', state: 'bot' }),
        conversation('x1', { createdAt: 40, channelId: 'ch2' }),
      ]),
    );
    const list = (q: Omit<ConversationListQuery, 'channelId'>) => run((tx) => tx.conversations.list({ channelId: CH, ...q })).then(ids);

    it('is newest first (createdAt, then id) within the channel', async () => {
      await expect(list({})).resolves.toEqual(['m1', 'p3', 'p2', 'p1']);
      await expect(list({ limit: 2 })).resolves.toEqual(['m1', 'p3']);
      await expect(list({ createdBefore: 30 })).resolves.toEqual(['p3', 'p2', 'p1']);
    });

    it('filters by exact merchant, states, agent and customer, together', async () => {
      await expect(list({ merchant: { merchantId: undefined } })).resolves.toEqual(['p3', 'p2', 'p1']);
      await expect(list({ merchant: { merchantId: 'm1' } })).resolves.toEqual(['m1']);
      await expect(list({ states: ['assigned', 'queued'] })).resolves.toEqual(['p3', 'p2']);
      await expect(list({ states: [] })).resolves.toEqual([]);
      await expect(list({ agentId: 'a1' })).resolves.toEqual(['p2', 'p1']);
      await expect(list({ customerId: 'cu2' })).resolves.toEqual(['p2']);
      await expect(
        list({ merchant: { merchantId: undefined }, states: ['ended', 'assigned'], agentId: 'a1', createdBefore: 20 }),
      ).resolves.toEqual(['p1']);
    });
  });
}
