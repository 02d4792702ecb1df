// SQLite adapter of ConversationSearch. Words of three characters or more are found through the FTS5
// trigram index of migration step 18 (texts copied and indexed first: sqlite-search-index.ts) and checked
// with LIKE (the index's phrase match ignores nothing the LIKE would not, but LIKE says exactly "contains"); shorter
// words, which trigrams cannot hold (most Chinese words have two characters), are matched with LIKE over
// the messages of the conversations the other filters leave, newest conversation first, so a search stops
// as soon as its page is full.
import type { Database } from 'better-sqlite3';
import { charCount, INDEXED_QUERY_MIN_CHARS } from '../core/desk/message-text';
import type { ConversationHit, ConversationSearch, ConversationSearchQuery } from '../core/ports/conversation-search';
import type { ConversationRow } from './conversation-row';
import { needsCustomer, type SearchDialect, searchWhere } from './conversation-search-sql';
import { messageFromRow, type MessageRow } from './message-row';
import { likePattern } from './message-text-sql';
import { SqliteSearchIndex } from './sqlite-search-index';
import { serialFor, type SerialQueue } from './serial-lock';
import { conversationFromRow } from './sqlite-conversations';

/** FTS5 query syntax: the words as one phrase, quotes doubled. */
const phrase = (words: string) => `"${words.replace(/"/g, '""')}"`;

function sqliteDialect(values: unknown[]): SearchDialect {
  const param = (v: unknown) => (values.push(v), `@p${values.length}`);
  return {
    param,
    json: (alias, field) => `json_extract(${alias}.data, '$.${field}')`,
    like: (expr, pattern) => `${expr} LIKE ${pattern} ESCAPE '\\'`,
    words: (words, pattern) =>
      charCount(words) >= INDEXED_QUERY_MIN_CHARS
        ? `c.id IN (SELECT mt.conversation_id FROM message_texts mt
             WHERE mt.id IN (SELECT rowid FROM message_texts_fts WHERE message_texts_fts MATCH ${param(phrase(words))})
             AND mt.body LIKE ${param(pattern)} ESCAPE '\\')`
        : `EXISTS (SELECT 1 FROM message_texts mt WHERE mt.conversation_id = c.id AND mt.body LIKE ${param(pattern)} ESCAPE '\\')`,
  };
}

/** The values of the `@p1`, `@p2`… placeholders (one value may serve several places). */
const named = (values: unknown[]) => Object.fromEntries(values.map((v, i) => [`p${i + 1}`, v]));

export class SqliteConversationSearch implements ConversationSearch {
  private readonly queue: SerialQueue;

  constructor(
    private readonly db: Database,
    private readonly index = new SqliteSearchIndex(db),
  ) {
    this.queue = serialFor(db);
  }

  search(q: ConversationSearchQuery): Promise<ConversationHit[]> {
    return this.queue.run(() => {
      if (q.text !== undefined) this.index.catchUp();
      const values: unknown[] = [];
      const where = searchWhere(q, sqliteDialect(values));
      const join = needsCustomer(q) ? 'JOIN customers cu ON cu.id = c.customer_id' : '';
      const limit = `@p${values.push(q.limit)}`;
      const rows = this.db
        .prepare(`SELECT c.* FROM conversations c ${join} WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit}`)
        .all(named(values)) as ConversationRow[];
      return rows.map((row) => {
        const conversation = conversationFromRow(row);
        const message = q.text === undefined ? undefined : this.newestSaying(row.id, q.text);
        return message ? { conversation, message } : { conversation };
      });
    });
  }

  count(q: Omit<ConversationSearchQuery, 'limit'>): Promise<number> {
    return this.queue.run(() => {
      if (q.text !== undefined) this.index.catchUp();
      const values: unknown[] = [];
      const where = searchWhere({ ...q, limit: 0 }, sqliteDialect(values));
      const join = needsCustomer(q) ? 'JOIN customers cu ON cu.id = c.customer_id' : '';
      return this.db.prepare(`SELECT count(*) FROM conversations c ${join} WHERE ${where}`).pluck().get(named(values)) as number;
    });
  }

  private newestSaying(conversationId: string, words: string) {
    const row = this.db
      .prepare(
        `SELECT m.* FROM message_texts mt JOIN messages m ON m.id = mt.message_id
         WHERE mt.conversation_id = ? AND mt.body LIKE ? ESCAPE '\\' ORDER BY mt.created_at DESC, mt.message_id DESC LIMIT 1`,
      )
      .get(conversationId, likePattern(words)) as MessageRow | undefined;
    return row && messageFromRow(row);
  }
}
