// PostgreSQL adapter of the Inbox port: verified pushes, committed before WeChat is told `success`.
// Group commit as on SQLite: the pushes accepted during one turn of the event loop are one INSERT, then
// all of them are answered. The unique (channel_id, dedupe_key) makes a retry that reaches another node
// a duplicate there, whichever node stored the first.
import type pg from 'pg';
import type { InboundMessage } from '../../core/inbound-message';
import { type AcceptOutcome, type Inbox, type InboxEntry, dedupeKey } from '../../core/ports/inbox';
import type { Queryable } from './pool';

interface Waiting {
  channelId: string;
  key: string;
  message: InboundMessage;
  receivedAt: number;
  resolve(outcome: AcceptOutcome): void;
  reject(error: unknown): void;
}

interface Row {
  id: number;
  channel_id: string;
  message: string;
  received_at: number;
  attempts: number;
}

/** Thrown by markDone when the entry is no longer pending (processed already): the unit rolls back. */
export class InboxEntryNotPending extends Error {
  override readonly name = 'InboxEntryNotPending';
}

export class PgInbox implements Inbox {
  private waiting: Waiting[] = [];

  /** `unit`: the client of the unit of work running now (PgUnitOfWork.current), for markDone. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly unit: () => Queryable | undefined,
  ) {}

  accept(channelId: string, message: InboundMessage, receivedAt: number): Promise<AcceptOutcome> {
    return new Promise((resolve, reject) => {
      const waiting = { channelId, key: dedupeKey(message), message, receivedAt, resolve, reject };
      if (this.waiting.push(waiting) === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    try {
      const { rows } = await this.pool.query<{ channel_id: string; dedupe_key: string }>(
        `INSERT INTO inbox (channel_id, dedupe_key, received_at, message)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[])
         ON CONFLICT (channel_id, dedupe_key) DO NOTHING RETURNING channel_id, dedupe_key`,
        [
          batch.map((w) => w.channelId),
          batch.map((w) => w.key),
          batch.map((w) => w.receivedAt),
          batch.map((w) => JSON.stringify(w.message)),
        ],
      );
      // The first of a batch's copies of one push is the one stored; later copies are duplicates.
      const stored = new Set(rows.map((r) => JSON.stringify([r.channel_id, r.dedupe_key])));
      for (const w of batch) w.resolve(stored.delete(JSON.stringify([w.channelId, w.key])) ? 'stored' : 'duplicate');
    } catch (error) {
      // Nothing of the batch was committed: every push is answered with an error and WeChat retries it.
      for (const w of batch) w.reject(error);
    }
  }

  async pending(now: number, limit: number): Promise<InboxEntry[]> {
    const { rows } = await this.pool.query<Row>(
      "SELECT id, channel_id, message, received_at, attempts FROM inbox WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY id LIMIT $2",
      [now, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      channelId: r.channel_id,
      message: JSON.parse(r.message) as InboundMessage,
      receivedAt: r.received_at,
      attempts: r.attempts,
    }));
  }

  /**
   * On the running unit's client, so it commits with the unit's writes. An entry already done (by
   * another node that read it as pending too) fails the unit, so its work is not done twice.
   */
  async markDone(id: string, at: number): Promise<void> {
    const db = this.unit() ?? this.pool;
    const r = await db.query("UPDATE inbox SET state = 'done', done_at = $1 WHERE id = $2 AND state = 'pending'", [at, Number(id)]);
    if (r.rowCount === 0) throw new InboxEntryNotPending(`inbox entry ${id} is not pending any more`);
  }

  /** After a failed unit; ignored unless the entry is still pending. */
  async markFailed(id: string, error: string, retryAt: number | undefined): Promise<void> {
    if (retryAt === undefined) {
      await this.pool.query(
        "UPDATE inbox SET state = 'failed', attempts = attempts + 1, last_error = $1 WHERE id = $2 AND state = 'pending'",
        [error, Number(id)],
      );
    } else {
      await this.pool.query(
        "UPDATE inbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3 AND state = 'pending'",
        [error, retryAt, Number(id)],
      );
    }
  }
}
