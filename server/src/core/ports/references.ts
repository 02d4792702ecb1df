// Port: how many records still refer to an agent, a skill group, a merchant or a channel: what keeps one
// from being deleted (archived ones keep their history; a deleted one must leave nothing pointing at it).
// Counts, not lists: a refusal names how many. Called inside a UnitOfWork, like the repositories.

export interface ConversationCounts {
  /** Every conversation, whatever its state (left messages included). */
  conversations: number;
  /** Those in state left_message. */
  leftMessages: number;
}

export interface ReferenceRepository {
  /** Conversations the agent holds or held last. */
  conversationsOfAgent(agentId: string): Promise<ConversationCounts>;
  /** Messages the agent sent (in any conversation, one transferred away since included). */
  messagesOfAgent(agentId: string): Promise<number>;
  /** Conversations routed through the group. */
  conversationsOfGroup(groupId: string): Promise<ConversationCounts>;
  /** Conversations of exactly this merchant. */
  conversationsOfMerchant(channelId: string, merchantId: string): Promise<ConversationCounts>;
  /** Conversations of the channel, every merchant. */
  conversationsOfChannel(channelId: string): Promise<ConversationCounts>;
  customersOfChannel(channelId: string): Promise<number>;
}
