// The message search's full-text index (FTS5 trigrams over message_texts), caught up in batches. FTS5 writes
// each transaction's new rows as an index segment of its own and merges segments as they pile up, so indexing
// a message inside the unit that stores it cost about 300 µs a message at a steady rate, where a unit commits
// one or two messages, against about 7 µs a message indexed 200 at a time (measured on a 2-core machine).
// Messages are still copied into message_texts as they are stored (a trigger of step 18; one plain row); their
// trigrams go into message_texts_fts here, in the order of message_texts.id, after search_index_state's
// indexed_through. Every search catches up first (serialised with the writers), so it still finds every
// stored message; a timer catches up between searches so that this work stays small and off the push path.
// message_texts rows are never deleted, so a new row's id is always above every indexed one.
import type { Database, Statement } from 'better-sqlite3';
import { serialFor } from './serial-lock';

/** Rows indexed per transaction: big enough to be cheap, small enough to hold the write lock briefly. */
const CHUNK = 500;
const INTERVAL_MS = 250;

export class SqliteSearchIndex {
  private readonly indexedThrough: Statement;
  private readonly newest: Statement;
  private readonly chunkEnd: Statement;
  private readonly index: Statement;
  private readonly advance: Statement;

  constructor(private readonly db: Database) {
    this.indexedThrough = db.prepare('SELECT indexed_through FROM search_index_state').pluck();
    this.newest = db.prepare('SELECT max(id) FROM message_texts').pluck();
    this.chunkEnd = db.prepare('SELECT max(id) FROM (SELECT id FROM message_texts WHERE id > ? ORDER BY id LIMIT ?)').pluck();
    this.index = db.prepare('INSERT INTO message_texts_fts (rowid, body) SELECT id, body FROM message_texts WHERE id > ? AND id <= ?');
    this.advance = db.prepare('UPDATE search_index_state SET indexed_through = ?');
  }

  /**
   * Indexes every message stored so far. Call it on the connection's serial queue, outside any unit: each
   * chunk is an IMMEDIATE transaction, so another connection catching up at the same time waits its turn.
   */
  catchUp(): void {
    while (this.behind() && this.indexChunk()) {}
  }

  /** Whether a message is stored and not yet indexed: two reads, no lock taken (an idle server writes nothing). */
  private behind(): boolean {
    const newest = this.newest.get() as number | null;
    return newest !== null && newest > (this.indexedThrough.get() as number);
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

  private indexChunk(): boolean {
    return this.db
      .transaction(() => {
        const from = this.indexedThrough.get() as number;
        const to = this.chunkEnd.get(from, CHUNK) as number | null;
        if (to === null) return false;
        this.index.run(from, to);
        this.advance.run(to);
        return true;
      })
      .immediate();
  }
}
