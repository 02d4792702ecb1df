// The range reports' per-conversation row, read the same way by both SQL adapters (SQLite and PostgreSQL),
// and the parts of their queries that are the same text in both.
import type { ConversationFacts, ReportFilter } from '../core/ports/reports';
import { optional } from './record-codec';

export interface FactsRow {
  id: string;
  state: ConversationFacts['state'];
  created_at: number | string;
  agent_id: string | null;
  group_id: string | null;
  queued_at: number | string | null;
  first_assigned_at: number | string | null;
  ended_at: number | string | null;
  end_reason: ConversationFacts['endReason'] | null;
  left_at: number | string | null;
  left_answered_at: number | string | null;
  first_customer_at: number | string | null;
  first_reply_at: number | string | null;
  first_reply_agent: string | null;
  transfers: number | string;
  csat_rating: number | string | null;
  window_refusals: number | string;
}

/** PostgreSQL returns bigint as text: both adapters' numbers pass through here. */
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function factsFromRow(r: FactsRow): ConversationFacts {
  return {
    id: r.id,
    state: r.state,
    createdAt: Number(r.created_at),
    ...optional('agentId', r.agent_id),
    ...optional('groupId', r.group_id),
    ...optional('queuedAt', num(r.queued_at)),
    ...optional('firstAssignedAt', num(r.first_assigned_at)),
    ...optional('endedAt', num(r.ended_at)),
    ...optional('endReason', r.end_reason),
    ...optional('leftMessageAt', num(r.left_at)),
    ...optional('leftAnsweredAt', num(r.left_answered_at)),
    ...optional('firstCustomerMessageAt', num(r.first_customer_at)),
    ...optional('firstHumanReplyAt', num(r.first_reply_at)),
    ...optional('firstHumanReplyAgentId', r.first_reply_agent),
    transfers: Number(r.transfers),
    ...optional('csatRating', num(r.csat_rating)),
    windowRefusals: Number(r.window_refusals),
  };
}

/** Which of the filter's parts are set: one statement per shape. */
export const filterShape = (f: ReportFilter) => `${f.groupId !== undefined ? 'g' : ''}${f.agentId !== undefined ? 'a' : ''}`;

/** The codes of sends WeChat's window refused: closed (45015), limit used up (45047). */
export const WINDOW_CODES = '45015, 45047';
