// PostgreSQL: the range reports' facts, as sqlite-report-facts.ts computes them, in one statement bounded by
// the same indexes (the conversations of a channel, and merchant, by creation time; step 15's messages by
// sender kind and failed sends). The JSON column is read once per conversation (LATERAL).
import type pg from 'pg';
import type { ConversationFacts, ReportFilter, ReportScope, TimeRange } from '../../core/ports/reports';
import { merchantKey } from '../record-codec';
import { type FactsRow, factsFromRow, WINDOW_CODES } from '../report-facts-rows';

const KIND = `(m.data::jsonb -> 'sender' ->> 'kind')`;
const HISTORY = `jsonb_array_elements(coalesce(j.d -> 'history', '[]'::jsonb)) h`;
const STEP = `h ->> 'kind'`;
const at = (field: string) => `(j.d ->> '${field}')::bigint`;
const firstOf = (kind: string, extra = '') =>
  `(SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND ${KIND} = '${kind}'${extra})`;

export function pgFactsSql(where: string): string {
  return `SELECT c.id, c.state, c.created_at, c.agent_id, j.d ->> 'groupId' AS group_id,
    coalesce((SELECT min((h ->> 'at')::bigint) FROM ${HISTORY} WHERE ${STEP} = 'queued'), c.queued_at) AS queued_at,
    coalesce((SELECT min((h ->> 'at')::bigint) FROM ${HISTORY}
      WHERE ${STEP} IN ('assigned', 'taken', 'transferred') AND h ->> 'agentId' IS NOT NULL), ${at('assignedAt')}) AS first_assigned_at,
    ${at('endedAt')} AS ended_at, j.d ->> 'endReason' AS end_reason, ${at('leftMessageAt')} AS left_at,
    ${firstOf('agent', ` AND m.created_at >= ${at('leftMessageAt')}`)} AS left_answered_at,
    ${firstOf('customer')} AS first_customer_at,
    ${firstOf('agent')} AS first_reply_at,
    (SELECT m.data::jsonb -> 'sender' ->> 'agentId' FROM messages m WHERE m.conversation_id = c.id AND ${KIND} = 'agent'
      ORDER BY m.created_at, m.id LIMIT 1) AS first_reply_agent,
    (SELECT count(*) FROM ${HISTORY} WHERE ${STEP} = 'transferred')::int AS transfers,
    (j.d #>> '{csat,rating}')::int AS csat_rating,
    (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND (m.delivery::jsonb ->> 'status') = 'failed'
      AND ((m.delivery::jsonb ->> 'wechatCode')::int IN (${WINDOW_CODES})
        OR m.delivery::jsonb ->> 'reasonCode' = 'window_closed_while_unreachable'))::int AS window_refusals
    FROM conversations c CROSS JOIN LATERAL (SELECT c.data::jsonb AS d) j WHERE ${where}`;
}

export async function pgConversationFacts(
  pool: pg.Pool,
  scope: ReportScope,
  filter: ReportFilter,
  range: TimeRange,
): Promise<ConversationFacts[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    values.push(value);
    where.push(sql(values.length));
  };
  add((n) => `c.channel_id = $${n}`, scope.channelId);
  if (scope.merchant !== undefined) add((n) => `c.merchant_id = $${n}`, merchantKey(scope.merchant.merchantId));
  add((n) => `c.created_at >= $${n}`, range.from);
  add((n) => `c.created_at < $${n}`, range.to);
  if (filter.groupId !== undefined) add((n) => `c.data::jsonb ->> 'groupId' = $${n}`, filter.groupId);
  if (filter.agentId !== undefined) add((n) => `c.agent_id = $${n}`, filter.agentId);
  const { rows } = await pool.query<FactsRow>(pgFactsSql(where.join(' AND ')), values);
  return rows.map(factsFromRow);
}
