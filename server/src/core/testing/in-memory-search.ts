// The ConversationSearch port over the in-memory store: the reference the SQL adapters are checked
// against (storage/contract/search-contract.ts), and what API tests on the in-memory engine use.
import { containsText, searchableText } from '../desk/message-text';
import type { Conversation } from '../model/conversation';
import type { Message } from '../model/message';
import type { ConversationHit, ConversationSearch, ConversationSearchQuery } from '../ports/conversation-search';
import { copy, sameMerchant } from './in-memory-data';
import type { InMemoryStore } from './in-memory-store';

const newestFirst = (a: Conversation, b: Conversation) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export class InMemoryConversationSearch implements ConversationSearch {
  constructor(private readonly store: InMemoryStore) {}

  async search(q: ConversationSearchQuery): Promise<ConversationHit[]> {
    const found = [...this.store.data.conversations.values()].filter((c) => this.matches(c, q)).sort(newestFirst);
    return found.slice(0, q.limit).map((c) => {
      const message = q.text === undefined ? undefined : this.saying(c.id, q.text).at(-1);
      return { conversation: copy(c), ...(message && { message: copy(message) }) };
    });
  }

  async count(q: Omit<ConversationSearchQuery, 'limit'>): Promise<number> {
    return [...this.store.data.conversations.values()].filter((c) => this.matches(c, { ...q, limit: 0 })).length;
  }

  private matches(c: Conversation, q: ConversationSearchQuery): boolean {
    const held = (c.state === 'assigned' || c.state === 'ended') && c.agentId !== undefined;
    return (
      c.channelId === q.channelId &&
      (!q.merchant || sameMerchant(c.merchantId, q.merchant.merchantId)) &&
      (!q.states || q.states.includes(c.state)) &&
      (q.agentId === undefined || c.agentId === q.agentId) &&
      (q.customerId === undefined || c.customerId === q.customerId) &&
      (q.from === undefined || c.createdAt >= q.from) &&
      (q.to === undefined || c.createdAt < q.to) &&
      (q.createdBefore === undefined || c.createdAt < q.createdBefore) &&
      (q.hideHeldByOthers === undefined || !held || c.agentId === q.hideHeldByOthers) &&
      this.customerMatches(c, q) &&
      (q.tagId === undefined || this.tagged(c, q.tagId)) &&
      (q.text === undefined || this.saying(c.id, q.text).length > 0)
    );
  }

  private customerMatches(c: Conversation, q: ConversationSearchQuery): boolean {
    if (q.openid === undefined && q.unionId === undefined && q.customerName === undefined) return true;
    const cu = this.store.data.customers.get(c.customerId);
    if (!cu) return false;
    return (
      (q.openid === undefined || cu.openid === q.openid) &&
      (q.unionId === undefined || cu.unionId === q.unionId) &&
      (q.customerName === undefined || containsText(cu.nickname ?? '', q.customerName))
    );
  }

  private tagged(c: Conversation, tagId: string): boolean {
    if (this.store.data.conversationTags.get(c.id)?.includes(tagId)) return true;
    for (const [key, ids] of this.store.data.customerTags) if (key.startsWith(`${c.customerId}|`) && ids.includes(tagId)) return true;
    return false;
  }

  /** The conversation's messages saying `words`, oldest first. */
  private saying(conversationId: string, words: string): Message[] {
    return [...this.store.data.messages.values()]
      .filter((m) => m.conversationId === conversationId && containsText(searchableText(m.content) ?? '', words))
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }
}
