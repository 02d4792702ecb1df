// SQLite adapter of ReferenceRepository: counts over the indexes that already exist (conversations by
// agent, merchant and channel; customers by channel) and the two of migrations/21-archive.ts, whose
// expressions the queries spell to the character so SQLite uses them.
import type { Database, Statement } from 'better-sqlite3';
import type { ConversationCounts, ReferenceRepository } from '../core/ports/references';
import { AGENT_OF_MESSAGE, GROUP_OF_CONVERSATION } from './migrations/21-archive';

interface CountRow {
  conversations: number;
  left_messages: number | null;
}

const COUNTS = `SELECT COUNT(*) AS conversations, SUM(state = 'left_message') AS left_messages FROM conversations`;

const counts = (row: CountRow | undefined): ConversationCounts => ({
  conversations: row?.conversations ?? 0,
  leftMessages: row?.left_messages ?? 0,
});

export class SqliteReferences implements ReferenceRepository {
  private readonly ofAgent: Statement<[string], CountRow>;
  private readonly messagesByAgent: Statement<[string], { n: number }>;
  private readonly ofGroup: Statement<[string], CountRow>;
  private readonly ofMerchant: Statement<[string, string], CountRow>;
  private readonly ofChannel: Statement<[string], CountRow>;
  private readonly customers: Statement<[string], { n: number }>;

  constructor(db: Database) {
    this.ofAgent = db.prepare(`${COUNTS} WHERE agent_id = ?`);
    this.messagesByAgent = db.prepare(`SELECT COUNT(*) AS n FROM messages WHERE ${AGENT_OF_MESSAGE} = ?`);
    this.ofGroup = db.prepare(`${COUNTS} WHERE ${GROUP_OF_CONVERSATION} = ?`);
    this.ofMerchant = db.prepare(`${COUNTS} WHERE channel_id = ? AND merchant_id = ?`);
    this.ofChannel = db.prepare(`${COUNTS} WHERE channel_id = ?`);
    this.customers = db.prepare('SELECT COUNT(*) AS n FROM customers WHERE channel_id = ?');
  }

  async conversationsOfAgent(agentId: string): Promise<ConversationCounts> {
    return counts(this.ofAgent.get(agentId));
  }

  async messagesOfAgent(agentId: string): Promise<number> {
    return this.messagesByAgent.get(agentId)?.n ?? 0;
  }

  async conversationsOfGroup(groupId: string): Promise<ConversationCounts> {
    return counts(this.ofGroup.get(groupId));
  }

  async conversationsOfMerchant(channelId: string, merchantId: string): Promise<ConversationCounts> {
    return counts(this.ofMerchant.get(channelId, merchantId));
  }

  async conversationsOfChannel(channelId: string): Promise<ConversationCounts> {
    return counts(this.ofChannel.get(channelId));
  }

  async customersOfChannel(channelId: string): Promise<number> {
    return this.customers.get(channelId)?.n ?? 0;
  }
}
