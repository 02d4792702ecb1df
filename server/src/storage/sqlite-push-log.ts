// SQLite adapter of the PushLog port: reads the inbox table, which keeps every push as it arrived (its
// message JSON holds every field as the text WeChat sent). Uses migration 12's partial index: one
// customer's non-message pushes on a channel, by id, newest first.
import type { Database, Statement } from 'better-sqlite3';
import type { InboundMessage } from '../core/inbound-message';
import type { LoggedPush, PushLog, PushLogPage } from '../core/ports/push-log';
import { CUSTOMER_EVENT_ONLY, CUSTOMER_EVENT_SENDER } from './migrations/12-customer-events';
import { type SerialQueue, serialFor } from './serial-lock';

interface Row {
  id: number;
  received_at: number;
  message: string;
}

export class SqlitePushLog implements PushLog {
  private readonly select: Statement<[string, string, number, number], Row>;
  /** The queue every adapter of this database shares: never reads a unit's uncommitted writes. */
  private readonly lock: SerialQueue;

  constructor(db: Database) {
    this.lock = serialFor(db);
    this.select = db.prepare(
      `SELECT id, received_at, message FROM inbox
       WHERE channel_id = ? AND ${CUSTOMER_EVENT_SENDER} = ? AND ${CUSTOMER_EVENT_ONLY} AND id < ?
       ORDER BY id DESC LIMIT ?`,
    );
  }

  async customerEvents(channelId: string, openid: string, page: PushLogPage): Promise<LoggedPush[]> {
    const before = page.before ?? Number.MAX_SAFE_INTEGER;
    const rows = await this.lock.run(() => this.select.all(channelId, openid, before, page.limit));
    return rows.map((r) => ({ id: r.id, receivedAt: r.received_at, message: JSON.parse(r.message) as InboundMessage }));
  }
}
