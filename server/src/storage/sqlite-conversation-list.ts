// ConversationRepository.list: a query whose filters vary. One statement per combination of filters
// (at most 32), prepared on first use and kept, so each can use the index that fits it instead of one
// statement full of "? IS NULL OR …" that no index can serve.
import type { Database, Statement } from 'better-sqlite3';
import type { ConversationListQuery } from '../core/ports/repositories';
import { merchantKey } from './record-codec';
import type { ConversationRow } from './conversation-row';

/** The in-memory reference returns 100 by default; we also cap what one call may ask for. */
export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 1000;

type Filter = 'merchant' | 'states' | 'agent' | 'customer' | 'before';

const CONDITIONS: Record<Filter, string> = {
  merchant: 'merchant_id = @merchant',
  states: 'state IN (SELECT value FROM json_each(@states))',
  agent: 'agent_id = @agent',
  customer: 'customer_id = @customer',
  before: 'created_at < @before',
};

export class ConversationLister {
  private readonly statements = new Map<string, Statement<[Record<string, unknown>], ConversationRow>>();

  constructor(private readonly db: Database) {}

  list(q: ConversationListQuery): ConversationRow[] {
    const params: Record<string, unknown> = {
      channel: q.channelId,
      limit: Math.min(Math.max(q.limit ?? DEFAULT_LIST_LIMIT, 0), MAX_LIST_LIMIT),
    };
    if (q.merchant) params.merchant = merchantKey(q.merchant.merchantId);
    if (q.states) params.states = JSON.stringify(q.states);
    if (q.agentId !== undefined) params.agent = q.agentId;
    if (q.customerId !== undefined) params.customer = q.customerId;
    if (q.createdBefore !== undefined) params.before = q.createdBefore;
    const filters = (Object.keys(CONDITIONS) as Filter[]).filter((f) => f in params);
    return this.statement(filters).all(params);
  }

  private statement(filters: Filter[]): Statement<[Record<string, unknown>], ConversationRow> {
    const key = filters.join(',');
    let statement = this.statements.get(key);
    if (!statement) {
      const where = ['channel_id = @channel', ...filters.map((f) => CONDITIONS[f])].join(' AND ');
      statement = this.db.prepare(`SELECT * FROM conversations WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT @limit`);
      this.statements.set(key, statement);
    }
    return statement;
  }
}
