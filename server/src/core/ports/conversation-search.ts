// Port: finding conversations by who, what state, which tag, when, and by words in their messages
// (Chinese included: a substring search that needs no spaces between words). Read-only and outside any
// unit of work, like Reports: it reads committed data. The caller's reach is part of the query: the
// channel, the merchant, and for an agent who may not see colleagues' conversations, `hideHeldByOthers`.
import type { Conversation, ConversationState } from '../model/conversation';
import type { Message } from '../model/message';

export interface ConversationSearchQuery {
  channelId: string;
  /** Present: only this merchant's (undefined inside: the platform team's); absent: every merchant. */
  merchant?: { merchantId: string | undefined };
  /** Words in a message (any direction), matched as a substring, ignoring ASCII case. */
  text?: string;
  /** Part of the customer's nickname. */
  customerName?: string;
  openid?: string;
  unionId?: string;
  customerId?: string;
  /** Tagged so, on the conversation or on its customer. */
  tagId?: string;
  agentId?: string;
  states?: readonly ConversationState[];
  /** Created in [from, to). */
  from?: number;
  to?: number;
  /** Paging: created strictly before. */
  createdBefore?: number;
  /** An agent's sight: conversations held (or last held) by another agent are left out. */
  hideHeldByOthers?: string;
  /** Newest first; at most this many. */
  limit: number;
}

export interface ConversationHit {
  conversation: Conversation;
  /** With `text`: the conversation's newest message that says it. */
  message?: Message;
}

export interface ConversationSearch {
  search(query: ConversationSearchQuery): Promise<ConversationHit[]>;
  /** How many conversations match (the limit aside): reports count conversations per tag with it. */
  count(query: Omit<ConversationSearchQuery, 'limit'>): Promise<number>;
}
