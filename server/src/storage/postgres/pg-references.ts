// PostgreSQL adapter of ReferenceRepository: the same counts as SQLite's, over the same indexes
// (migrations/16-archive.ts for messages by agent and conversations by group). COUNT is a bigint, which
// node-postgres hands over as text.
import type { ConversationCounts, ReferenceRepository } from '../../core/ports/references';
import { AGENT_OF_MESSAGE, GROUP_OF_CONVERSATION } from './migrations/16-archive';
import { one } from './pg-records';
import type { Queryable } from './pool';

interface CountRow {
  conversations: string;
  left_messages: string;
}

const COUNTS = `SELECT COUNT(*) AS conversations, COUNT(*) FILTER (WHERE state = 'left_message') AS left_messages FROM conversations`;

const counts = (r: CountRow): ConversationCounts => ({ conversations: Number(r.conversations), leftMessages: Number(r.left_messages) });

export class PgReferences implements ReferenceRepository {
  constructor(private readonly db: Queryable) {}

  private async conversations(condition: string, values: unknown[]): Promise<ConversationCounts> {
    return (await one(this.db, `${COUNTS} WHERE ${condition}`, values, counts)) ?? { conversations: 0, leftMessages: 0 };
  }

  private async number(sql: string, values: unknown[]): Promise<number> {
    return (await one(this.db, sql, values, (r: { n: string }) => Number(r.n))) ?? 0;
  }

  conversationsOfAgent(agentId: string): Promise<ConversationCounts> {
    return this.conversations('agent_id = $1', [agentId]);
  }

  messagesOfAgent(agentId: string): Promise<number> {
    return this.number(`SELECT COUNT(*) AS n FROM messages WHERE ${AGENT_OF_MESSAGE} = $1`, [agentId]);
  }

  conversationsOfGroup(groupId: string): Promise<ConversationCounts> {
    return this.conversations(`${GROUP_OF_CONVERSATION} = $1`, [groupId]);
  }

  conversationsOfMerchant(channelId: string, merchantId: string): Promise<ConversationCounts> {
    return this.conversations('channel_id = $1 AND merchant_id = $2', [channelId, merchantId]);
  }

  conversationsOfChannel(channelId: string): Promise<ConversationCounts> {
    return this.conversations('channel_id = $1', [channelId]);
  }

  customersOfChannel(channelId: string): Promise<number> {
    return this.number('SELECT COUNT(*) AS n FROM customers WHERE channel_id = $1', [channelId]);
  }
}
