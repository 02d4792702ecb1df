// The behaviour every adapter of the note and tag repositories and of ConversationSearch must show,
// against the in-memory reference on the same records. Run by storage/desk-stores.test.ts on memory,
// SQLite and PostgreSQL.
import type { Conversation } from '../../core/model/conversation';
import type { Message } from '../../core/model/message';
import type { ConversationSearch, ConversationSearchQuery } from '../../core/ports/conversation-search';
import type { UnitOfWork } from '../../core/ports/unit-of-work';
import { CH, conversation, customer, expectRejection } from '../testing/contract-fixture';

export interface DeskSubject {
  uow: UnitOfWork;
  search: ConversationSearch;
  close(): void;
}

const text = (id: string, conversationId: string, words: string, createdAt: number, over: Partial<Message> = {}): Message => ({
  id,
  channelId: CH,
  conversationId,
  customerId: `cu-${conversationId}`,
  direction: 'in',
  sender: { kind: 'customer' },
  content: { type: 'text', text: words },
  createdAt,
  wechatMsgId: `w-${id}`,
  ...over,
});

const conv = (id: string, createdAt: number, over: Partial<Conversation> = {}) =>
  conversation(id, { customerId: `cu-${id}`, merchantId: 'm1', createdAt, ...over });

async function arrange(uow: UnitOfWork): Promise<void> {
  await uow.run(async (tx) => {
    await tx.customers.save(customer('cu-c1', { nickname: '王小明', unionId: 'u-1' }));
    await tx.customers.save(customer('cu-c2', { nickname: 'Alice Smith' }));
    await tx.customers.save(customer('cu-c3'));
    await tx.conversations.save(conv('c1', 1000, { state: 'ended', agentId: 'a1' }));
    await tx.conversations.save(conv('c2', 2000, { state: 'assigned', agentId: 'a2' }));
    await tx.conversations.save(conv('c3', 3000, { state: 'queued' }));
    await tx.conversations.save(conv('c4', 4000, { merchantId: 'm2', customerId: 'cu-c1' }));
    await tx.messages.add(text('m1', 'c1', '你好，我想退货，谢谢', 1100));
    await tx.messages.add(text('m2', 'c1', '订单号 12345', 1200));
    await tx.messages.add(text('m3', 'c2', '发票抬头怎么改？', 2100));
    await tx.messages.add(
      text('m4', 'c2', '', 2200, { content: { type: 'voice', mediaId: 'v', recognition: '我要退货' }, wechatMsgId: 'w-m4' }),
    );
    await tx.messages.add(text('m5', 'c3', '100% Cotton_shirt?', 3100));
    await tx.messages.add(text('m6', 'c4', '退货地址在哪里', 4100));
  });
}

export function deskContract(open: () => DeskSubject): void {
  let s: DeskSubject;
  beforeEach(async () => {
    s = open();
  });
  afterEach(() => s.close());

  describe('notes', () => notes(() => s));
  describe('tags', () => tags(() => s));
  describe('search', () => {
    beforeEach(() => arrange(s.uow));
    search(() => s);
  });
}

function notes(subject: () => DeskSubject): void {
  it('keeps notes whole, oldest first, per conversation', async () => {
    const a = {
      id: 'n2',
      channelId: CH,
      merchantId: 'm1',
      conversationId: 'c1',
      author: { kind: 'agent' as const, agentId: 'a1' },
      text: '客户很急',
      createdAt: 20,
    };
    const b = {
      id: 'n1',
      channelId: CH,
      conversationId: 'c1',
      author: { kind: 'admin' as const, name: 'boss' },
      text: 'VIP',
      createdAt: 30,
      transfer: true,
    };
    const other = { ...a, id: 'n3', conversationId: 'c2' };
    await subject().uow.run(async (tx) => {
      for (const n of [b, a, other]) await tx.notes.add(n);
    });
    await expect(subject().uow.run((tx) => tx.notes.listByConversation('c1'))).resolves.toStrictEqual([a, b]);
    await expectRejection(subject().uow.run((tx) => tx.notes.add(a)));
  });
}

function tags(subject: () => DeskSubject): void {
  const tag = (id: string, name: string, merchantId?: string) => ({
    id,
    channelId: CH,
    ...(merchantId !== undefined && { merchantId }),
    name,
    color: '#ff0000',
    createdAt: 5,
  });

  it('lists a merchant’s tags by name, names unique within a merchant', async () => {
    await subject().uow.run(async (tx) => {
      for (const t of [tag('t1', '投诉', 'm1'), tag('t2', 'VIP', 'm1'), tag('t3', 'VIP', 'm2'), tag('t4', 'VIP')]) await tx.tags.save(t);
    });
    const names = (await subject().uow.run((tx) => tx.tags.listByMerchant(CH, 'm1'))).map((t) => t.id);
    expect(names).toEqual(['t2', 't1']);
    await expect(subject().uow.run((tx) => tx.tags.listByMerchant(CH, undefined))).resolves.toStrictEqual([tag('t4', 'VIP')]);
    await expectRejection(subject().uow.run((tx) => tx.tags.save(tag('t5', 'VIP', 'm1'))));
    await subject().uow.run((tx) => tx.tags.save({ ...tag('t2', '贵宾', 'm1'), color: '#00ff00' }));
    await expect(subject().uow.run((tx) => tx.tags.get('t2'))).resolves.toStrictEqual({ ...tag('t2', '贵宾', 'm1'), color: '#00ff00' });
  });

  it('sets tags on conversations and on customers per merchant; removing a tag removes its uses', async () => {
    await subject().uow.run(async (tx) => {
      await tx.tags.setOnConversation('c1', ['t2', 't1', 't1']);
      await tx.tags.setOnConversation('c2', ['t1']);
      await tx.tags.setOnConversation('c2', ['t3']);
      await tx.tags.setOnCustomer('cu1', 'm1', ['t2', 't1']);
      await tx.tags.setOnCustomer('cu1', 'm2', ['t9']);
    });
    const of = await subject().uow.run((tx) => tx.tags.ofConversations(['c1', 'c2', 'c3']));
    expect(Object.fromEntries(of)).toEqual({ c1: ['t1', 't2'], c2: ['t3'] });
    await expect(subject().uow.run((tx) => tx.tags.ofCustomer('cu1', 'm1'))).resolves.toEqual(['t1', 't2']);
    await subject().uow.run((tx) => tx.tags.remove('t1'));
    expect(Object.fromEntries(await subject().uow.run((tx) => tx.tags.ofConversations(['c1'])))).toEqual({ c1: ['t2'] });
    await expect(subject().uow.run((tx) => tx.tags.ofCustomer('cu1', 'm1'))).resolves.toEqual(['t2']);
    await expect(subject().uow.run((tx) => tx.tags.ofCustomer('cu1', 'm2'))).resolves.toEqual(['t9']);
    await expect(subject().uow.run((tx) => tx.tags.ofConversations([]))).resolves.toEqual(new Map());
  });
}

function search(subject: () => DeskSubject): void {
  const find = async (q: Partial<ConversationSearchQuery>) =>
    (await subject().search.search({ channelId: CH, limit: 50, ...q })).map((h) => h.conversation.id);

  it('finds a Chinese word inside a sentence, long or short, newest first, with the message saying it', async () => {
    expect(await find({ text: '我想退货' })).toEqual(['c1']);
    expect(await find({ text: '退货' })).toEqual(['c4', 'c2', 'c1']);
    expect(await find({ text: '退' })).toEqual(['c4', 'c2', 'c1']);
    expect(await find({ text: '抬头怎么' })).toEqual(['c2']);
    const [hit] = await subject().search.search({ channelId: CH, limit: 5, text: '退货', merchant: { merchantId: 'm1' } });
    expect(hit?.conversation.id).toBe('c2');
    expect(hit?.message).toMatchObject({ id: 'm4', content: { type: 'voice', recognition: '我要退货' } });
    expect(await find({ text: '没有的词' })).toEqual([]);
  });

  it('takes the words literally (LIKE wildcards, quotes) and ignores ASCII case', async () => {
    expect(await find({ text: '100%' })).toEqual(['c3']);
    expect(await find({ text: '0% c' })).toEqual(['c3']);
    expect(await find({ text: 'cotton_SHIRT' })).toEqual(['c3']);
    expect(await find({ text: 'cotton%shirt' })).toEqual([]);
    expect(await find({ text: '_' })).toEqual(['c3']);
    expect(await find({ text: '"退货' })).toEqual([]);
    expect(await find({ text: '12345' })).toEqual(['c1']);
  });

  it('filters by merchant, state, agent, customer, date range, paging, and an agent’s sight', async () => {
    expect(await find({ merchant: { merchantId: 'm1' } })).toEqual(['c3', 'c2', 'c1']);
    expect(await find({ merchant: { merchantId: undefined } })).toEqual([]);
    expect(await find({ states: ['assigned', 'queued'] })).toEqual(['c3', 'c2']);
    expect(await find({ agentId: 'a1' })).toEqual(['c1']);
    expect(await find({ customerId: 'cu-c1' })).toEqual(['c4', 'c1']);
    expect(await find({ from: 2000, to: 4000 })).toEqual(['c3', 'c2']);
    expect(await find({ createdBefore: 3000 })).toEqual(['c2', 'c1']);
    expect(await find({ hideHeldByOthers: 'a1' })).toEqual(['c4', 'c3', 'c1']);
    expect(await find({ limit: 2 })).toEqual(['c4', 'c3']);
    expect(await find({ channelId: 'ch2' })).toEqual([]);
  });

  it('finds by customer name (part of it, any ASCII case), openid and UnionID', async () => {
    expect(await find({ customerName: '小明' })).toEqual(['c4', 'c1']);
    expect(await find({ customerName: 'alice' })).toEqual(['c2']);
    expect(await find({ openid: 'o-cu-c2' })).toEqual(['c2']);
    expect(await find({ unionId: 'u-1' })).toEqual(['c4', 'c1']);
    expect(await find({ customerName: '%' })).toEqual([]);
  });

  it('finds by tag on the conversation or on its customer, combined with words', async () => {
    await subject().uow.run(async (tx) => {
      await tx.tags.setOnConversation('c2', ['vip']);
      await tx.tags.setOnCustomer('cu-c3', 'm1', ['vip']);
    });
    expect(await find({ tagId: 'vip' })).toEqual(['c3', 'c2']);
    expect(await find({ tagId: 'vip', text: '退货' })).toEqual(['c2']);
    expect(await find({ tagId: 'other' })).toEqual([]);
    await expect(subject().search.count({ channelId: CH, tagId: 'vip' })).resolves.toBe(2);
    await expect(subject().search.count({ channelId: CH, text: '退货', merchant: { merchantId: 'm1' } })).resolves.toBe(2);
  });
}
