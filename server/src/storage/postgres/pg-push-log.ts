// PostgreSQL adapter of the PushLog port: reads the inbox, which keeps every push as it arrived, through
// step 5's partial index (one customer's non-message pushes on a channel, by id, newest first).
import type pg from 'pg';
import type { InboundMessage } from '../../core/inbound-message';
import type { LoggedPush, PushLog, PushLogPage } from '../../core/ports/push-log';
import { CUSTOMER_EVENT_ONLY, CUSTOMER_EVENT_SENDER } from './migrations/05-customer-events';

export const CUSTOMER_EVENTS_QUERY = `SELECT id, received_at, message FROM inbox
  WHERE channel_id = $1 AND ${CUSTOMER_EVENT_SENDER} = $2 AND ${CUSTOMER_EVENT_ONLY} AND id < $3
  ORDER BY id DESC LIMIT $4`;

export class PgPushLog implements PushLog {
  constructor(private readonly pool: pg.Pool) {}

  async customerEvents(channelId: string, openid: string, page: PushLogPage): Promise<LoggedPush[]> {
    const { rows } = await this.pool.query<{ id: number; received_at: number; message: string }>(CUSTOMER_EVENTS_QUERY, [
      channelId,
      openid,
      page.before ?? Number.MAX_SAFE_INTEGER,
      page.limit,
    ]);
    return rows.map((r) => ({ id: r.id, receivedAt: r.received_at, message: JSON.parse(r.message) as InboundMessage }));
  }
}
