// In-memory ReferenceRepository over InMemoryData: the reference the SQLite and PostgreSQL adapters are
// held to by the contract suite.
import type { Conversation } from '../model/conversation';
import type { ConversationCounts, ReferenceRepository } from '../ports/references';
import { sameMerchant, type InMemoryData } from './in-memory-data';

export function inMemoryReferences(data: InMemoryData): ReferenceRepository {
  const count = (keep: (c: Conversation) => boolean): ConversationCounts => {
    const found = [...data.conversations.values()].filter(keep);
    return { conversations: found.length, leftMessages: found.filter((c) => c.state === 'left_message').length };
  };
  return {
    conversationsOfAgent: async (agentId) => count((c) => c.agentId === agentId),
    messagesOfAgent: async (agentId) =>
      [...data.messages.values()].filter((m) => m.sender.kind === 'agent' && m.sender.agentId === agentId).length,
    conversationsOfGroup: async (groupId) => count((c) => c.groupId === groupId),
    conversationsOfMerchant: async (channelId, merchantId) =>
      count((c) => c.channelId === channelId && sameMerchant(c.merchantId, merchantId)),
    conversationsOfChannel: async (channelId) => count((c) => c.channelId === channelId),
    customersOfChannel: async (channelId) => [...data.customers.values()].filter((c) => c.channelId === channelId).length,
  };
}
