// In-memory repositories over InMemoryData, for tests of core, app and anything built on the ports.
import type { Transaction } from '../ports/unit-of-work';
import type { ConversationListQuery, ConversationRepository, MessageRepository } from '../ports/repositories';
import type { Conversation } from '../model/conversation';
import type { Message } from '../model/message';
import { copy, sameMerchant, type InMemoryData } from './in-memory-data';
import { inMemoryNotes, inMemoryTags } from './in-memory-desk';
import { inMemoryReferences } from './in-memory-references';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function inMemoryTransaction(data: InMemoryData): Transaction {
  const list = <T>(m: Map<string, T>, keep: (v: T) => boolean) => [...m.values()].filter(keep).map(copy);
  return {
    customers: {
      get: async (id) => copy(data.customers.get(id)),
      findByOpenid: async (channelId, openid) => list(data.customers, (c) => c.channelId === channelId && c.openid === openid)[0],
      save: async (c) => void data.customers.set(c.id, copy(c)),
      listByUnionId: async (unionId) => list(data.customers, (c) => c.unionId === unionId).sort(byId),
    },
    conversations: conversations(data),
    messages: messages(data),
    agents: {
      get: async (id) => copy(data.agents.get(id)),
      save: async (a) => void data.agents.set(a.id, copy(a)),
      remove: async (id) => void data.agents.delete(id),
      listByMerchant: async (channelId, merchantId) =>
        list(data.agents, (a) => a.channelId === channelId && sameMerchant(a.merchantId, merchantId)).sort(byId),
      listByChannel: async (channelId) => list(data.agents, (a) => a.channelId === channelId).sort(byId),
      findByWechatOpenid: async (channelId, openid) =>
        list(data.agents, (a) => a.channelId === channelId && a.wechatOpenid === openid).sort(byId)[0],
      listByNames: async (channelId, merchantId, names) =>
        list(data.agents, (a) => a.channelId === channelId && sameMerchant(a.merchantId, merchantId) && names.includes(a.name)).sort(byId),
    },
    groups: {
      get: async (id) => copy(data.groups.get(id)),
      save: async (g) => {
        data.groups.set(g.id, copy(g));
        lookAgainAtTimers(data, g.channelId, g.merchantId);
      },
      remove: async (id) => void data.groups.delete(id),
      listByMerchant: async (channelId, merchantId) =>
        list(data.groups, (g) => g.channelId === channelId && sameMerchant(g.merchantId, merchantId)).sort(byId),
    },
    calendars: {
      get: async (id) => copy(data.calendars.get(id)),
      save: async (c) => {
        data.calendars.set(c.id, copy(c));
        lookAgainAtTimers(data, c.channelId, c.merchantId);
      },
      remove: async (id) => void data.calendars.delete(id),
      listByMerchant: async (channelId, merchantId) =>
        list(data.calendars, (c) => c.channelId === channelId && sameMerchant(c.merchantId, merchantId)).sort(byId),
    },
    settings: {
      get: async (channelId, merchantId) => copy(data.settings.get(`${channelId}|${merchantId ?? ''}`)),
      save: async (channelId, merchantId, s) => {
        data.settings.set(`${channelId}|${merchantId ?? ''}`, copy(s));
        lookAgainAtTimers(data, channelId, merchantId);
      },
    },
    merchants: {
      get: async (id) => copy(data.merchants.get(id)),
      findByCode: async (channelId, code) => list(data.merchants, (m) => m.channelId === channelId && m.code === code)[0],
      save: async (m) => void data.merchants.set(m.id, copy(m)),
      remove: async (id) => void data.merchants.delete(id),
      listByChannel: async (channelId) => list(data.merchants, (m) => m.channelId === channelId).sort(byId),
    },
    notes: inMemoryNotes(data),
    tags: inMemoryTags(data),
    references: inMemoryReferences(data),
    outbox: { enqueue: async (item) => void data.outbox.push(copy(item)) },
    audit: { append: async (entry) => void data.audit.push(copy(entry)) },
  };
}

const queueOrder = (a: Conversation, b: Conversation) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0) || byId(a, b);
const newestFirst = (a: Conversation, b: Conversation) => b.createdAt - a.createdAt || byId(b, a);

function conversations(data: InMemoryData): ConversationRepository {
  const all = (keep: (c: Conversation) => boolean) => [...data.conversations.values()].filter(keep).map(copy);
  return {
    get: async (id) => copy(data.conversations.get(id)),
    save: async (c, timerDueAt) => {
      data.conversations.set(c.id, copy(c));
      if (timerDueAt === undefined) data.timerDue.delete(c.id);
      else data.timerDue.set(c.id, timerDueAt);
    },
    findOpen: async (customerId, merchantId) =>
      all((c) => c.customerId === customerId && c.state !== 'ended' && sameMerchant(c.merchantId, merchantId))[0],
    listOpenByCustomer: async (customerId) => all((c) => c.customerId === customerId && c.state !== 'ended').sort(newestFirst),
    findLatestWithAgent: async (customerId, merchantId) =>
      all((c) => c.customerId === customerId && c.agentId !== undefined && sameMerchant(c.merchantId, merchantId)).sort(newestFirst)[0],
    listQueued: async (channelId, merchantId) =>
      all((c) => c.channelId === channelId && c.state === 'queued' && sameMerchant(c.merchantId, merchantId)).sort(queueOrder),
    listOpen: async (channelId) => all((c) => c.channelId === channelId && c.state !== 'ended').sort(byId),
    timerDueOf: async (id) => data.timerDue.get(id),
    listTimerDue: async (channelId, now) => {
      const dueAt = (c: Conversation) => data.timerDue.get(c.id) ?? Number.POSITIVE_INFINITY;
      return all((c) => c.channelId === channelId && c.state !== 'ended' && dueAt(c) <= now)
        .sort((a, b) => dueAt(a) - dueAt(b) || byId(a, b))
        .map((c) => c.id);
    },
    listByAgent: async (agentId, state) => all((c) => c.agentId === agentId && c.state === state).sort(byId),
    countAssigned: async (agentIds) => {
      const counts = new Map<string, number>();
      for (const c of data.conversations.values()) {
        if (c.state === 'assigned' && c.agentId !== undefined && agentIds.includes(c.agentId))
          counts.set(c.agentId, (counts.get(c.agentId) ?? 0) + 1);
      }
      return counts;
    },
    list: async (q) =>
      all((c) => matches(c, q))
        .sort(newestFirst)
        .slice(0, q.limit ?? 100),
  };
}

/** A settings, group or calendar save: the open conversations it may govern look at their timers again. */
function lookAgainAtTimers(data: InMemoryData, channelId: string, merchantId: string | undefined): void {
  for (const c of data.conversations.values()) {
    const governed = c.channelId === channelId && (merchantId === undefined || sameMerchant(c.merchantId, merchantId));
    if (governed && c.state !== 'ended') data.timerDue.set(c.id, 0);
  }
}

function matches(c: Conversation, q: ConversationListQuery): boolean {
  return (
    c.channelId === q.channelId &&
    (!q.merchant || sameMerchant(c.merchantId, q.merchant.merchantId)) &&
    (!q.states || q.states.includes(c.state)) &&
    (q.agentId === undefined || c.agentId === q.agentId) &&
    (q.customerId === undefined || c.customerId === q.customerId) &&
    (q.createdBefore === undefined || c.createdAt < q.createdBefore)
  );
}

function messages(data: InMemoryData): MessageRepository {
  const ordered = () => [...data.messages.values()].sort((a, b) => a.createdAt - b.createdAt || byId(a, b));
  return {
    get: async (id) => copy(data.messages.get(id)),
    add: async (m) => {
      const duplicate =
        m.wechatMsgId !== undefined && ordered().some((x) => x.channelId === m.channelId && x.wechatMsgId === m.wechatMsgId);
      if (duplicate || data.messages.has(m.id)) throw new Error(`duplicate message ${m.wechatMsgId ?? m.id}`);
      data.messages.set(m.id, copy(m));
    },
    findByWechatMsgId: async (channelId, msgId) => copy(ordered().find((m) => m.channelId === channelId && m.wechatMsgId === msgId)),
    listByConversation: async (conversationId, q) => {
      const mine = ordered().filter((m) => m.conversationId === conversationId && (q?.before === undefined || m.createdAt < q.before));
      return (q?.limit === undefined ? mine : mine.slice(-q.limit)).map(copy);
    },
    lastOfConversations: async (ids) => {
      const last = new Map<string, Message>();
      for (const m of ordered()) if (ids.includes(m.conversationId)) last.set(m.conversationId, m);
      return [...last.values()].map(copy);
    },
    setDelivery: async (id, delivery) => {
      const m = data.messages.get(id);
      if (m) data.messages.set(id, { ...m, delivery: copy(delivery) });
    },
  };
}
