// SQLite: the range reports' facts of each conversation created in a range, one row each, computed in
// one statement. The conversations come from the channel's (and merchant's) creation-time index; each
// conversation's messages are read through migration step 20's indexes only: the first message of a
// sender kind is one index seek, the failed sends a partial index; the history is the row's own JSON.
import type { Database, Statement } from 'better-sqlite3';
import type { ConversationFacts, ReportFilter, ReportScope, TimeRange } from '../core/ports/reports';
import { merchantKey } from './record-codec';
import { type FactsRow, factsFromRow, filterShape, WINDOW_CODES } from './report-facts-rows';

const KIND = `json_extract(m.data, '$.sender.kind')`;
const HISTORY = `json_each(c.data, '$.history') h`;
const STEP = `json_extract(h.value, '$.kind')`;
const firstOf = (kind: string, extra = '') =>
  `(SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND ${KIND} = '${kind}'${extra})`;

export function factsSql(where: string): string {
  return `SELECT c.id, c.state, c.created_at, c.agent_id, json_extract(c.data, '$.groupId') AS group_id,
    coalesce((SELECT min(json_extract(h.value, '$.at')) FROM ${HISTORY} WHERE ${STEP} = 'queued'), c.queued_at) AS queued_at,
    coalesce((SELECT min(json_extract(h.value, '$.at')) FROM ${HISTORY}
      WHERE ${STEP} IN ('assigned', 'taken', 'transferred') AND json_extract(h.value, '$.agentId') IS NOT NULL),
      json_extract(c.data, '$.assignedAt')) AS first_assigned_at,
    json_extract(c.data, '$.endedAt') AS ended_at, json_extract(c.data, '$.endReason') AS end_reason,
    json_extract(c.data, '$.leftMessageAt') AS left_at,
    ${firstOf('agent', ` AND m.created_at >= json_extract(c.data, '$.leftMessageAt')`)} AS left_answered_at,
    ${firstOf('customer')} AS first_customer_at,
    ${firstOf('agent')} AS first_reply_at,
    (SELECT json_extract(m.data, '$.sender.agentId') FROM messages m WHERE m.conversation_id = c.id AND ${KIND} = 'agent'
      ORDER BY m.created_at, m.id LIMIT 1) AS first_reply_agent,
    (SELECT count(*) FROM ${HISTORY} WHERE ${STEP} = 'transferred') AS transfers,
    json_extract(c.data, '$.csat.rating') AS csat_rating,
    (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND json_extract(m.delivery, '$.status') = 'failed'
      AND (json_extract(m.delivery, '$.wechatCode') IN (${WINDOW_CODES})
        OR json_extract(m.delivery, '$.reasonCode') = 'window_closed_while_unreachable')) AS window_refusals
    FROM conversations c WHERE ${where}`;
}

type Params = { channel: string; merchant?: string; from: number; to: number; group?: string; agent?: string };

export class SqliteReportFacts {
  private readonly statements = new Map<string, Statement<[Params], FactsRow>>();

  constructor(private readonly db: Database) {}

  all(scope: ReportScope, filter: ReportFilter, range: TimeRange): ConversationFacts[] {
    const params: Params = {
      channel: scope.channelId,
      ...(scope.merchant && { merchant: merchantKey(scope.merchant.merchantId) }),
      from: range.from,
      to: range.to,
      ...(filter.groupId !== undefined && { group: filter.groupId }),
      ...(filter.agentId !== undefined && { agent: filter.agentId }),
    };
    return this.statement(scope, filter).all(params).map(factsFromRow);
  }

  /** One statement per shape (merchant or not, group or not, agent or not), so each uses the index that fits. */
  private statement(scope: ReportScope, filter: ReportFilter): Statement<[Params], FactsRow> {
    const key = `${scope.merchant !== undefined ? 'm' : ''}${filterShape(filter)}`;
    let s = this.statements.get(key);
    if (!s) {
      const where = [
        'c.channel_id = @channel',
        ...(scope.merchant !== undefined ? ['c.merchant_id = @merchant'] : []),
        'c.created_at >= @from AND c.created_at < @to',
        ...(filter.groupId !== undefined ? [`json_extract(c.data, '$.groupId') = @group`] : []),
        ...(filter.agentId !== undefined ? ['c.agent_id = @agent'] : []),
      ].join(' AND ');
      s = this.db.prepare<[Params], FactsRow>(factsSql(where));
      this.statements.set(key, s);
    }
    return s;
  }
}
