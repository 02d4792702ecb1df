// PostgreSQL adapter of ConversationSearch: the filters of sqlite-conversation-search.ts; message words
// are matched with ILIKE on message_search_text(data), which step 10's pg_trgm GIN index serves for words
// of three characters or more. Shorter words (no trigram to look up) are checked per conversation over
// its messages (messages_by_conversation), newest conversation first, stopping once the page is full
// (`OFFSET 0` keeps PostgreSQL from turning that check into one scan of every message).
import type pg from 'pg';
import { charCount, INDEXED_QUERY_MIN_CHARS } from '../../core/desk/message-text';
import type { ConversationHit, ConversationSearch, ConversationSearchQuery } from '../../core/ports/conversation-search';
import type { ConversationRow } from '../conversation-row';
import { needsCustomer, type SearchDialect, searchWhere } from '../conversation-search-sql';
import { messageFromRow, type MessageRow } from '../message-row';
import { likePattern } from '../message-text-sql';
import { conversationFromRow } from '../sqlite-conversations';

const WORDS = 'message_search_text(m.data)';

/**
 * A cheap first check on the row's JSON text before its words are read out of it (which parses the JSON):
 * JSON keeps these words as they are unless they hold a character JSON escapes (then no first check).
 */
function rawCheck(words: string, param: (v: unknown) => string): string {
  return /["\\\u0000-\u001f]/.test(words) ? '' : ` AND m.data ILIKE ${param(likePattern(words))}`;
}

function pgDialect(values: unknown[]): SearchDialect {
  const param = (v: unknown) => (values.push(v), `$${values.length}`);
  return {
    param,
    json: (alias, field) => `(${alias}.data::jsonb ->> '${field}')`,
    like: (expr, pattern) => `${expr} ILIKE ${pattern}`,
    words: (words, pattern) =>
      charCount(words) >= INDEXED_QUERY_MIN_CHARS
        ? `c.id IN (SELECT m.conversation_id FROM messages m WHERE ${WORDS} ILIKE ${param(pattern)})`
        : `EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id${rawCheck(words, param)} AND ${WORDS} ILIKE ${param(pattern)} OFFSET 0)`,
  };
}

export class PgConversationSearch implements ConversationSearch {
  constructor(private readonly pool: pg.Pool) {}

  async search(q: ConversationSearchQuery): Promise<ConversationHit[]> {
    const values: unknown[] = [];
    const where = searchWhere(q, pgDialect(values));
    const join = needsCustomer(q) ? 'JOIN customers cu ON cu.id = c.customer_id' : '';
    values.push(q.limit);
    const { rows } = await this.pool.query<ConversationRow>(
      `SELECT c.* FROM conversations c ${join} WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT $${values.length}`,
      values,
    );
    return Promise.all(
      rows.map(async (row) => {
        const conversation = conversationFromRow(row);
        const message = q.text === undefined ? undefined : await this.newestSaying(row.id, q.text);
        return message ? { conversation, message } : { conversation };
      }),
    );
  }

  async count(q: Omit<ConversationSearchQuery, 'limit'>): Promise<number> {
    const values: unknown[] = [];
    const where = searchWhere({ ...q, limit: 0 }, pgDialect(values));
    const join = needsCustomer(q) ? 'JOIN customers cu ON cu.id = c.customer_id' : '';
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM conversations c ${join} WHERE ${where}`, values);
    return rows[0]?.n ?? 0;
  }

  private async newestSaying(conversationId: string, words: string) {
    const { rows } = await this.pool.query<MessageRow>(
      `SELECT m.* FROM messages m WHERE m.conversation_id = $1 AND ${WORDS} ILIKE $2 ORDER BY m.created_at DESC, m.id DESC LIMIT 1`,
      [conversationId, likePattern(words)],
    );
    return rows[0] && messageFromRow(rows[0]);
  }
}
