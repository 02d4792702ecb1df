// The behaviour every adapter must show for archive and delete: archive times take a round trip (in the
// records' JSON, and in the channel's own column), records are removed for good, and the reference
// counts a delete checks first count what the in-memory reference counts.
import type { SkillGroup } from '../../core/model/skill-group';
import type { WorkCalendar } from '../../core/model/work-calendar';
import { CH, agent, conversation, customer, inbound, outbound, type OpenSubject, useSubject } from '../testing/contract-fixture';
import { channel } from './channel-store-contract';

const group = (id: string, over: Partial<SkillGroup> = {}): SkillGroup => ({ id, channelId: CH, merchantId: 'm1', name: id, ...over });

const calendar = (id: string, over: Partial<WorkCalendar> = {}): WorkCalendar => ({
  id,
  channelId: CH,
  name: id,
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  workdaySegments: [{ start: 540, end: 1080 }],
  nonWorkdaySegments: [],
  holidays: [],
  makeUpWorkdays: [],
  ...over,
});

export function archiveContract(open: OpenSubject): void {
  const { subject, run } = useSubject(open);

  it('keeps archive times and removes agents, groups, calendars and merchants for good', async () => {
    await run(async (tx) => {
      await tx.agents.save(agent('a1', { merchantId: 'm1', archivedAt: 5 }));
      await tx.agents.save(agent('a2', { merchantId: 'm1' }));
      await tx.groups.save(group('g1', { archivedAt: 6 }));
      await tx.calendars.save(calendar('k1', { archivedAt: 7 }));
      await tx.merchants.save({ id: 'm1', channelId: CH, code: 'C1', name: 'Shop', archivedAt: 8 });
    });
    await expect(run((tx) => tx.agents.get('a1'))).resolves.toMatchObject({ archivedAt: 5 });
    await expect(run((tx) => tx.groups.get('g1'))).resolves.toMatchObject({ archivedAt: 6 });
    await expect(run((tx) => tx.calendars.get('k1'))).resolves.toMatchObject({ archivedAt: 7 });
    await expect(run((tx) => tx.merchants.findByCode(CH, 'C1'))).resolves.toMatchObject({ archivedAt: 8 });
    await run(async (tx) => {
      // Read first, so a kept list (config-cache.ts) must be forgotten by the removal.
      await tx.agents.listByMerchant(CH, 'm1');
      await tx.agents.remove('a1');
      await tx.groups.remove('g1');
      await tx.calendars.remove('k1');
      await tx.merchants.remove('m1');
      await tx.merchants.remove('nobody');
    });
    await expect(run((tx) => tx.agents.listByMerchant(CH, 'm1').then((l) => l.map((a) => a.id)))).resolves.toEqual(['a2']);
    await expect(run((tx) => tx.groups.get('g1'))).resolves.toBeUndefined();
    await expect(run((tx) => tx.calendars.listByMerchant(CH, undefined))).resolves.toEqual([]);
    await expect(run((tx) => tx.merchants.findByCode(CH, 'C1'))).resolves.toBeUndefined();
  });

  it('counts the conversations, left messages, messages and customers that refer to a record', async () => {
    await run(async (tx) => {
      await tx.customers.save(customer('cu1'));
      await tx.customers.save(customer('cu2'));
      await tx.customers.save(customer('cu9', { channelId: 'other' }));
      await tx.conversations.save(conversation('c1', { merchantId: 'm1', agentId: 'a1', groupId: 'g1', state: 'ended' }));
      await tx.conversations.save(conversation('c2', { merchantId: 'm1', agentId: 'a1', state: 'left_message' }));
      await tx.conversations.save(conversation('c3', { groupId: 'g1', state: 'queued' }));
      await tx.conversations.save(conversation('c4', { channelId: 'other', merchantId: 'm1', agentId: 'a2' }));
      await tx.messages.add(inbound('i1', { conversationId: 'c1' }));
      await tx.messages.add(outbound('o1', { conversationId: 'c1' }));
      await tx.messages.add(outbound('o2', { conversationId: 'c3' }));
      await tx.messages.add(outbound('o3', { conversationId: 'c3', sender: { kind: 'agent', agentId: 'a2' } }));
    });
    const counts = await run(async (tx) => ({
      agent: await tx.references.conversationsOfAgent('a1'),
      agentMessages: await tx.references.messagesOfAgent('a1'),
      group: await tx.references.conversationsOfGroup('g1'),
      merchant: await tx.references.conversationsOfMerchant(CH, 'm1'),
      channel: await tx.references.conversationsOfChannel(CH),
      customers: await tx.references.customersOfChannel(CH),
      nobody: await tx.references.conversationsOfAgent('a9'),
      nobodyMessages: await tx.references.messagesOfAgent('a9'),
    }));
    expect(counts).toStrictEqual({
      agent: { conversations: 2, leftMessages: 1 },
      agentMessages: 2,
      group: { conversations: 2, leftMessages: 0 },
      merchant: { conversations: 2, leftMessages: 1 },
      channel: { conversations: 3, leftMessages: 1 },
      customers: 2,
      nobody: { conversations: 0, leftMessages: 0 },
      nobodyMessages: 0,
    });
  });

  it('keeps a channel’s archive time, and a save without it unarchives', async () => {
    const store = subject().channels;
    await store.save(channel('c', { archivedAt: 42 }));
    await expect(store.get('c')).resolves.toMatchObject({ archivedAt: 42 });
    const { archivedAt: _a, ...rest } = channel('c');
    await store.save(rest);
    await expect(store.get('c').then((c) => c?.archivedAt)).resolves.toBeUndefined();
  });
}
