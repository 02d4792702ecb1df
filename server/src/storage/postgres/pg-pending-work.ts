// What the server still has to do, counted for the test clock's `GET /testing/idle`, on PostgreSQL: the
// same counts as sqlite-pending-work.ts (pushes waiting in the inbox; sends about to be made, and sends
// waiting for WeChat with those queued behind them).
import type pg from 'pg';
import type { PendingWork } from '../sqlite-pending-work';

export class PgPendingWork {
  constructor(private readonly pool: pg.Pool) {}

  async count(now: number): Promise<PendingWork> {
    const { rows } = await this.pool.query<{ inbox: number; total: number; waiting: number }>(
      `SELECT (SELECT count(*)::int FROM inbox WHERE state = 'pending') AS inbox,
         count(*)::int AS total,
         count(*) FILTER (WHERE h.last_error IS NOT NULL AND h.lease_until IS NULL AND h.next_attempt_at > $1)::int AS waiting
       FROM outbox o JOIN outbox h ON h.id = (
         SELECT p.id FROM outbox p
         WHERE p.status = 'pending' AND p.channel_id = o.channel_id AND p.to_openid = o.to_openid
         ORDER BY p.created_at, p.id LIMIT 1)
       WHERE o.status = 'pending'`,
      [now],
    );
    const r = rows[0] ?? { inbox: 0, total: 0, waiting: 0 };
    return { inbox: r.inbox, outboxSending: r.total - r.waiting, outboxWaitingForWeChat: r.waiting };
  }
}
