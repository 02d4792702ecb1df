// What the server still has to do, counted for the test clock's `GET /testing/idle`: pushes waiting in
// the inbox, and sends waiting in the outbox, told apart by whether WeChat is reachable for them. A
// customer whose oldest pending send is waiting for a retry after WeChat failed (busy, unreachable) waits
// for WeChat, with every send queued behind it (the outbox keeps each customer's order); any other
// pending send is one the sender is about to make.
import type { Database, Statement } from 'better-sqlite3';
import { serialFor } from './serial-lock';

export interface PendingWork {
  /** Pushes stored and not processed yet (due now or waiting for a retry after a failure). */
  inbox: number;
  /** Sends the sender is making or about to make. */
  outboxSending: number;
  /** Sends waiting for a retry after WeChat failed, and those queued behind them. */
  outboxWaitingForWeChat: number;
}

interface OutboxCounts {
  total: number;
  waiting: number | null;
}

export class SqlitePendingWork {
  private readonly inbox: Statement<[], { n: number }>;
  private readonly outbox: Statement<{ now: number }, OutboxCounts>;

  constructor(private readonly db: Database) {
    this.inbox = db.prepare("SELECT count(*) AS n FROM inbox WHERE state = 'pending'");
    this.outbox = db.prepare(
      `SELECT count(*) AS total,
         sum(h.last_error IS NOT NULL AND h.lease_until IS NULL AND h.next_attempt_at > @now) AS waiting
       FROM outbox o JOIN outbox h ON h.id = (
         SELECT p.id FROM outbox p
         WHERE p.status = 'pending' AND p.channel_id = o.channel_id AND p.to_openid = o.to_openid
         ORDER BY p.created_at, p.id LIMIT 1)
       WHERE o.status = 'pending'`,
    );
  }

  /** Through the shared queue, so it never reads a unit's uncommitted writes. */
  count(now: number): Promise<PendingWork> {
    return serialFor(this.db).run(() => {
      const inbox = this.inbox.get()?.n ?? 0;
      const outbox = this.outbox.get({ now }) ?? { total: 0, waiting: 0 };
      const waiting = outbox.waiting ?? 0;
      return { inbox, outboxSending: outbox.total - waiting, outboxWaitingForWeChat: waiting };
    });
  }
}
