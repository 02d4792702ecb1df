// Ports: internal notes and tags, kept in the same unit of work as the conversations they belong to (a
// transfer and its note commit together). `merchantId: string | undefined` is an exact match, undefined
// meaning the platform's own team, as in repositories.ts.
import type { ConversationNote, Tag } from '../model/desk';

export interface NoteRepository {
  add(note: ConversationNote): Promise<void>;
  /** Oldest first (createdAt, then id). */
  listByConversation(conversationId: string): Promise<ConversationNote[]>;
}

export interface TagRepository {
  get(id: string): Promise<Tag | undefined>;
  /** Insert or replace. (channelId, merchantId, name) is unique: another tag with the name must fail. */
  save(tag: Tag): Promise<void>;
  /** The tag and every use of it on conversations and customers. */
  remove(id: string): Promise<void>;
  /** By name. */
  listByMerchant(channelId: string, merchantId: string | undefined): Promise<Tag[]>;
  /** Replaces the conversation's tags. */
  setOnConversation(conversationId: string, tagIds: readonly string[]): Promise<void>;
  /** Each conversation's tag ids (sorted); conversations without tags may be absent. */
  ofConversations(conversationIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Replaces the customer's tags of this merchant (another merchant's tags on the customer stay). */
  setOnCustomer(customerId: string, merchantId: string | undefined, tagIds: readonly string[]): Promise<void>;
  /** The customer's tag ids of this merchant, sorted. */
  ofCustomer(customerId: string, merchantId: string | undefined): Promise<string[]>;
}
