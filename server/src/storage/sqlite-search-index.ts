// The message search's text and full-text index (message_texts and its FTS5 trigrams), caught up in batches.
// FTS5 writes each transaction's new rows as an index segment of its own and merges segments as they pile up,
// so indexing a message inside the unit that stores it cost about 300 µs a message at a steady rate, where a
// unit commits one or two messages, against about 7 µs a message indexed 200 at a time (2-core machine); the
// copy into message_texts (a row, two indexes, a json_extract of the body) was then half of a message's insert
// (about 15 µs of 30, against about 6 µs a message copied 250 at a time). So storing a message writes only its
// messages row and that table's indexes, and here, in one IMMEDIATE transaction per chunk, the text of the
// messages after search_index_state's copied_through (a messages rowid) is copied into message_texts, in rowid
// order, with the body expression of step 18 (message-text-sql.ts), then the rows of message_texts after
// indexed_through go into message_texts_fts, in id order. Every search catches up
// first (serialised with the writers), so it still finds every stored message; a timer catches up between
// searches so that this work stays small and off the push path. An idle server writes nothing: whether
// anything is new is one statement reading the two newest keys and the state row, no lock taken.
// Why a rowid is a safe progress mark: messages has a TEXT primary key and an implicit rowid, which SQLite
// gives as the largest rowid plus one. SQLite has one writer at a time and a unit holds the write lock from its
// first insert to its commit, so a row is never committed below a rowid already copied (a rolled-back insert
// frees its rowid for the next one, which nothing has seen). The largest rowid could only be reused if the
// newest messages were deleted, and nothing deletes messages (nor runs VACUUM, which may renumber the rowids of
// such a table, and in rowid order: with no deletions it keeps them). Whatever deletes messages one day must,
// in the same transaction, delete their message_texts rows and set copied_through to at most the largest
// rowid left, so that the rowids SQLite gives next are all above it.
// message_texts rows are never deleted either, so a new row's id is always above every indexed one.
import type { Database, Statement } from 'better-sqlite3';
import { sqliteMessageText } from './message-text-sql';
import { serialFor } from './serial-lock';

/** Messages copied and rows indexed per transaction: cheap in bulk, yet the write lock is held briefly. */
const CHUNK = 500;
const INTERVAL_MS = 250;
/** The searchable text of the messages row `m`, exactly what the trigger of step 18 copied. */
const BODY_OF_M = sqliteMessageText('m');

export class SqliteSearchIndex {
  private readonly behindNow: Statement;
  private readonly state: Statement;
  private readonly copyEnd: Statement;
  private readonly copy: Statement;
  private readonly indexEnd: Statement;
  private readonly index: Statement;
  private readonly advance: Statement;

  constructor(private readonly db: Database) {
    this.behindNow = db
      .prepare(
        `SELECT (SELECT max(rowid) FROM messages) > s.copied_through OR (SELECT max(id) FROM message_texts) > s.indexed_through
         FROM search_index_state s`,
      )
      .pluck();
    this.state = db.prepare('SELECT copied_through AS copied, indexed_through AS indexed FROM search_index_state');
    this.copyEnd = db.prepare('SELECT max(rowid) FROM (SELECT rowid FROM messages WHERE rowid > ? ORDER BY rowid LIMIT ?)').pluck();
    this.copy = db.prepare(
      `INSERT INTO message_texts (message_id, conversation_id, created_at, body)
       SELECT m.id, m.conversation_id, m.created_at, ${BODY_OF_M} FROM messages m
       WHERE m.rowid > ? AND m.rowid <= ? AND (${BODY_OF_M}) IS NOT NULL ORDER BY m.rowid`,
    );
    this.indexEnd = db.prepare('SELECT max(id) FROM (SELECT id FROM message_texts WHERE id > ? ORDER BY id LIMIT ?)').pluck();
    this.index = db.prepare('INSERT INTO message_texts_fts (rowid, body) SELECT id, body FROM message_texts WHERE id > ? AND id <= ?');
    this.advance = db.prepare('UPDATE search_index_state SET copied_through = ?, indexed_through = ?');
  }

  /**
   * Copies and indexes every message stored so far. Call it on the connection's serial queue, outside any
   * unit: each chunk is an IMMEDIATE transaction that reads the progress again, so another connection
   * catching up at the same time waits its turn and copies nothing twice.
   */
  catchUp(): void {
    while (this.behind() && this.chunk()) {}
  }

  /** Whether a message is stored and not yet copied or indexed: one read, no lock (an idle server writes nothing). */
  private behind(): boolean {
    return this.behindNow.get() === 1;
  }

  /** Catches up every `intervalMs` on the serial queue; the returned function stops it. */
  start(intervalMs = INTERVAL_MS): () => void {
    const queue = serialFor(this.db);
    let running = false;
    const timer = setInterval(() => {
      if (running || !this.db.open) return;
      running = true;
      queue
        .run(() => this.catchUp())
        .catch(() => undefined) // busy for too long: the next round or the next search catches up
        .finally(() => {
          running = false;
        });
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Copies the next messages' text, then indexes the next rows (those just copied, or an older backlog). */
  private chunk(): boolean {
    return this.db
      .transaction(() => {
        const { copied, indexed } = this.state.get() as { copied: number; indexed: number };
        const copyTo = this.copyEnd.get(copied, CHUNK) as number | null;
        if (copyTo !== null) this.copy.run(copied, copyTo);
        const indexTo = this.indexEnd.get(indexed, CHUNK) as number | null;
        if (indexTo !== null) this.index.run(indexed, indexTo);
        if (copyTo === null && indexTo === null) return false;
        this.advance.run(copyTo ?? copied, indexTo ?? indexed);
        return true;
      })
      .immediate();
  }
}
