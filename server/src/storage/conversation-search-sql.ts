// The WHERE clause of a conversation search, for both SQL adapters: the dialect says how a parameter is
// written, how a string is read out of a JSON `data` column, and how message words are matched (SQLite:
// FTS5 trigrams; PostgreSQL: pg_trgm). Every filter is a parameter; nothing the caller sent is spliced in.
import type { ConversationSearchQuery } from '../core/ports/conversation-search';
import { merchantKey } from './record-codec';
import { likePattern } from './message-text-sql';

export interface SearchDialect {
  /** Adds a value and returns its placeholder. */
  param(value: unknown): string;
  /** A string field of the JSON `data` column of `alias`. */
  json(alias: string, field: string): string;
  /** Case-insensitive LIKE with '\' as the escape character. */
  like(expr: string, pattern: string): string;
  /** Conversations `c` with a message saying `words` (a LIKE pattern is given too, for the check). */
  words(words: string, pattern: string): string;
}

export function searchWhere(q: ConversationSearchQuery, d: SearchDialect): string {
  const where = [`c.channel_id = ${d.param(q.channelId)}`];
  const add = (clause: string) => where.push(clause);
  if (q.merchant) add(`c.merchant_id = ${d.param(merchantKey(q.merchant.merchantId))}`);
  if (q.states) add(q.states.length === 0 ? 'FALSE' : `c.state IN (${q.states.map((s) => d.param(s)).join(', ')})`);
  if (q.agentId !== undefined) add(`c.agent_id = ${d.param(q.agentId)}`);
  if (q.customerId !== undefined) add(`c.customer_id = ${d.param(q.customerId)}`);
  if (q.from !== undefined) add(`c.created_at >= ${d.param(q.from)}`);
  if (q.to !== undefined) add(`c.created_at < ${d.param(q.to)}`);
  if (q.createdBefore !== undefined) add(`c.created_at < ${d.param(q.createdBefore)}`);
  if (q.hideHeldByOthers !== undefined)
    add(`NOT (c.state IN ('assigned', 'ended') AND c.agent_id IS NOT NULL AND c.agent_id <> ${d.param(q.hideHeldByOthers)})`);
  if (q.openid !== undefined) add(`cu.openid = ${d.param(q.openid)}`);
  if (q.unionId !== undefined) add(`${d.json('cu', 'unionId')} = ${d.param(q.unionId)}`);
  if (q.customerName !== undefined) add(d.like(d.json('cu', 'nickname'), d.param(likePattern(q.customerName))));
  if (q.tagId !== undefined) {
    const tag = d.param(q.tagId);
    add(`(c.id IN (SELECT conversation_id FROM conversation_tags WHERE tag_id = ${tag})
      OR c.customer_id IN (SELECT customer_id FROM customer_tags WHERE tag_id = ${tag}))`);
  }
  if (q.text !== undefined) add(d.words(q.text, likePattern(q.text)));
  return where.join(' AND ');
}

/** Whether the query reads the customer's columns (then the customers table is joined). */
export const needsCustomer = (q: Omit<ConversationSearchQuery, 'limit'>): boolean =>
  q.openid !== undefined || q.unionId !== undefined || q.customerName !== undefined;
