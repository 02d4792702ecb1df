// SQLite adapter of the Inbox port: verified pushes, stored before WeChat is told `success`.
// Group commit: every push accepted while a commit is being gathered is written in one transaction,
// then all of them are acknowledged. One commit per batch instead of one per push is what lets the
// push path keep up with a bare route while never acknowledging anything not yet committed.
// Batches are gathered by count and by time: under load a turn of the event loop brings many pushes, but
// at a steady, modest rate they come one at a time, so after a small batch the next commit waits a few
// milliseconds (`lingerMs`) for company, and commits at once when `maxBatch` pushes are waiting. It waits
// only when company is likely, the push before it having come within the linger: at a slower rate no push
// would join, and the wait would cost the acknowledgement that much time and the process one more wake-up
// per push. The commit goes ahead of routing and sending work waiting for the database (SerialQueue.runFirst).
import type { Database, Statement } from 'better-sqlite3';
import type { InboundMessage } from '../core/inbound-message';
import { type AcceptOutcome, type Inbox, type InboxEntry, dedupeKey } from '../core/ports/inbox';
import type { RetentionPage, RetentionStep } from '../core/ports/retention';
import { CUSTOMER_EVENT_ONLY } from './migrations/12-customer-events';
import { type SerialQueue, serialFor } from './serial-lock';

interface Waiting {
  channelId: string;
  message: InboundMessage;
  receivedAt: number;
  resolve(outcome: AcceptOutcome): void;
  reject(error: unknown): void;
}

type ToStore = Pick<Waiting, 'channelId' | 'message' | 'receivedAt'>;

export interface GroupCommitOptions {
  /** How long a commit waits for more pushes after a small batch: the most it adds to an acknowledgement. */
  lingerMs?: number;
  /** A batch smaller than this makes the next commit wait `lingerMs`; a larger one means pushes come in crowds. */
  smallBatch?: number;
  /** Waiting pushes that commit at once, without waiting out the linger. */
  maxBatch?: number;
}

/**
 * Kept short: the inbox's commit is cheap (measured on a WAL file: about 23 µs of CPU for a commit of one
 * push, 12 µs a push in pairs, 4 µs in batches of 32), so at a modest rate the linger buys little CPU and
 * every millisecond of it is added to the acknowledgement; routing's commit, far dearer, lingers longer.
 */
export const DEFAULT_GROUP_COMMIT: Required<GroupCommitOptions> = { lingerMs: 1, smallBatch: 8, maxBatch: 32 };

interface Row {
  id: number;
  channel_id: string;
  message: string;
  received_at: number;
  attempts: number;
}

export class SqliteInbox implements Inbox {
  private waiting: Waiting[] = [];
  /** The pending commit: a timer while lingering, an immediate once due. */
  private scheduled: { linger?: NodeJS.Timeout; immediate?: NodeJS.Immediate } = {};
  private lastBatch = 0;
  /** When the last push arrived (performance.now()): a push soon after it is likely followed by another. */
  private lastArrival = Number.NEGATIVE_INFINITY;
  private readonly group: Required<GroupCommitOptions>;
  private readonly insert: Statement<[string, string, number, string]>;
  /** Built once: better-sqlite3 prepares a transaction's statements when it is made. */
  private readonly store: (batch: readonly ToStore[]) => AcceptOutcome[];
  private readonly selectPending: Statement<[number, number], Row>;
  private readonly done: Statement<[number, number]>;
  private readonly retry: Statement<[string, number, number]>;
  private readonly giveUp: Statement<[string, number]>;
  private readonly page: Statement<[number, number], { id: number; received_at: number }>;
  private readonly removeInPage: Statement<[number, number, number]>;
  /** The queue every adapter of this database shares, units of work included. */
  private readonly lock: SerialQueue;

  constructor(db: Database, group: GroupCommitOptions = {}) {
    this.group = { ...DEFAULT_GROUP_COMMIT, ...group };
    this.lock = serialFor(db);
    this.insert = db.prepare('INSERT OR IGNORE INTO inbox (channel_id, dedupe_key, received_at, message) VALUES (?, ?, ?, ?)');
    this.store = db.transaction((batch: readonly ToStore[]) =>
      batch.map((w): AcceptOutcome => {
        const key = dedupeKey(w.message);
        return this.insert.run(w.channelId, key, w.receivedAt, JSON.stringify(w.message)).changes === 1 ? 'stored' : 'duplicate';
      }),
    );
    this.selectPending = db.prepare(
      "SELECT id, channel_id, message, received_at, attempts FROM inbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
    );
    this.done = db.prepare("UPDATE inbox SET state = 'done', done_at = ? WHERE id = ?");
    this.retry = db.prepare('UPDATE inbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?');
    this.giveUp = db.prepare("UPDATE inbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?");
    this.page = db.prepare('SELECT id, received_at FROM inbox WHERE id > ? ORDER BY id LIMIT ?');
    // Exactly what the push log does not read (storage/sqlite-push-log.ts): its events stay.
    this.removeInPage = db.prepare(
      `DELETE FROM inbox WHERE id > ? AND id <= ? AND state = 'done' AND received_at < ? AND NOT (${CUSTOMER_EVENT_ONLY})`,
    );
  }

  accept(channelId: string, message: InboundMessage, receivedAt: number): Promise<AcceptOutcome> {
    const arrival = performance.now();
    const gapMs = arrival - this.lastArrival;
    this.lastArrival = arrival;
    return new Promise((resolve, reject) => {
      const count = this.waiting.push({ channelId, message, receivedAt, resolve, reject });
      if (count === 1) this.schedule(gapMs);
      else if (count >= this.group.maxBatch && this.scheduled.linger) this.commitNow();
    });
  }

  /**
   * The first push of a batch: commit after this turn of the event loop, or after the linger if the last
   * batch was small and this push came within the linger of the one before.
   */
  private schedule(gapMs: number): void {
    const { lingerMs, smallBatch } = this.group;
    if (lingerMs > 0 && this.lastBatch < smallBatch && gapMs < lingerMs) {
      this.scheduled = { linger: setTimeout(() => this.commitNow(), lingerMs) };
    } else this.commitNow();
  }

  private commitNow(): void {
    clearTimeout(this.scheduled.linger);
    this.scheduled = { immediate: setImmediate(() => void this.flush()) };
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    this.scheduled = {};
    this.lastBatch = batch.length;
    try {
      const outcomes = await this.lock.runFirst(() => this.store(batch));
      batch.forEach((w, i) => w.resolve(outcomes[i] as AcceptOutcome));
    } catch (err) {
      // Nothing of the batch was committed: every push is answered with an error and WeChat retries it.
      for (const w of batch) w.reject(err);
    }
  }

  /** Through the shared queue, so it never reads a unit's uncommitted writes. */
  async pending(now: number, limit: number): Promise<InboxEntry[]> {
    const rows = await this.lock.run(() => this.selectPending.all(now, limit));
    return rows.map((r) => ({
      id: String(r.id),
      channelId: r.channel_id,
      message: JSON.parse(r.message) as InboundMessage,
      receivedAt: r.received_at,
      attempts: r.attempts,
    }));
  }

  /** Called inside a unit of work (which holds the lock), so it commits with the unit's writes. */
  async markDone(id: string, at: number): Promise<void> {
    this.done.run(at, Number(id));
  }

  /** Called after a failed unit, outside any: takes the lock like every other writer. */
  markFailed(id: string, error: string, retryAt: number | undefined): Promise<void> {
    return this.lock.run(() => {
      if (retryAt === undefined) this.giveUp.run(error, Number(id));
      else this.retry.run(error, retryAt, Number(id));
    });
  }

  /** One page of the retention walk, in one step of the shared queue. */
  removeProcessed(before: number, { after, size }: RetentionPage): Promise<RetentionStep> {
    return this.lock.run(() => {
      const from = after === undefined ? 0 : Number(after);
      const rows = this.page.all(from, size);
      const last = rows[rows.length - 1];
      if (last === undefined) return { removed: 0 };
      const removed = this.removeInPage.run(from, last.id, before).changes;
      return rows.length === size && last.received_at < before ? { removed, next: String(last.id) } : { removed };
    });
  }
}
