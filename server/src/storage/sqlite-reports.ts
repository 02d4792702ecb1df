// SQLite adapter of the Reports port. Every query is bounded by an index of migration step 2: the
// conversations of a channel (and merchant) by creation time, the queue's partial index, and messages by
// conversation; the few times kept in the JSON column are read with json_extract on those rows only.
// Statements go through the connection's serial queue like every other adapter.
import type { Database, Statement } from 'better-sqlite3';
import type {
  ConversationExportRow,
  ConversationFacts,
  ConversationTimes,
  MessageExportRow,
  ReportFilter,
  ReportScope,
  Reports,
  TimeRange,
} from '../core/ports/reports';
import { SqliteReportFacts } from './sqlite-report-facts';
import { merchantKey } from './record-codec';
import {
  exportRowOf,
  MESSAGE_EXPORT_SELECT,
  type MessageExportDbRow,
  messageExportRowOf,
  type PageRow,
  timesFromRow,
  type TimesRow,
} from './report-rows';
import { serialFor, type SerialQueue } from './serial-lock';

type Params = { channel: string; merchant?: string; from?: number; to?: number; offset?: number; limit?: number };

/** One statement per shape (with or without a merchant), so each uses the index that fits it. */
function scoped(sql: (where: string) => string) {
  const cache = new Map<boolean, Statement<[Params], unknown>>();
  return (db: Database, scope: ReportScope): Statement<[Params], unknown> => {
    const withMerchant = scope.merchant !== undefined;
    let s = cache.get(withMerchant);
    if (!s) {
      s = db.prepare(sql(withMerchant ? 'c.channel_id = @channel AND c.merchant_id = @merchant' : 'c.channel_id = @channel'));
      cache.set(withMerchant, s);
    }
    return s;
  };
}

const CREATED = 'c.created_at >= @from AND c.created_at < @to';
const MESSAGE_CREATED = 'm.created_at >= @from AND m.created_at < @to';

export class SqliteReports implements Reports {
  private readonly queue: SerialQueue;
  private readonly times = scoped(
    (w) => `SELECT c.state, c.created_at, c.queued_at, json_extract(c.data, '$.assignedAt') AS assigned_at,
      json_extract(c.data, '$.firstAgentResponseAt') AS first_response_at, json_extract(c.data, '$.leftMessageAt') AS left_at,
      json_extract(c.data, '$.endedAt') AS ended_at, json_extract(c.data, '$.csat.requestedAt') AS csat_requested_at,
      json_extract(c.data, '$.csat.rating') AS csat_rating FROM conversations c WHERE ${w} AND ${CREATED}`,
  );
  private readonly queued = scoped((w) => `SELECT count(*) FROM conversations c WHERE ${w} AND c.state = 'queued'`);
  private readonly total = scoped((w) => `SELECT count(*) FROM conversations c WHERE ${w} AND ${CREATED}`);
  private readonly page = scoped(
    (w) => `SELECT c.*, cu.openid AS customer_openid, json_extract(cu.data, '$.nickname') AS customer_nickname
      FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id
      WHERE ${w} AND ${CREATED} ORDER BY c.created_at, c.id LIMIT @limit OFFSET @offset`,
  );
  private readonly counts: Statement<[string], { conversation_id: string; n_in: number; n_out: number }>;
  // The message export: messages of the channel by creation time (the customer-history step's index), each
  // checked against its conversation's scope.
  private readonly messageTotal = scoped(
    (w) => `SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE m.channel_id = @channel AND ${MESSAGE_CREATED} AND ${w}`,
  );
  private readonly messages = scoped(
    (w) => `SELECT ${MESSAGE_EXPORT_SELECT}, json_extract(cu.data, '$.nickname') AS customer_nickname
      FROM messages m JOIN conversations c ON c.id = m.conversation_id LEFT JOIN customers cu ON cu.id = c.customer_id
      WHERE m.channel_id = @channel AND ${MESSAGE_CREATED} AND ${w} ORDER BY m.created_at, m.id LIMIT @limit OFFSET @offset`,
  );

  private readonly facts: SqliteReportFacts;

  constructor(private readonly db: Database) {
    this.queue = serialFor(db);
    this.facts = new SqliteReportFacts(db);
    this.counts =
      db.prepare(`SELECT conversation_id, sum(json_extract(data, '$.direction') = 'in') AS n_in, sum(json_extract(data, '$.direction') = 'out') AS n_out
      FROM messages WHERE conversation_id IN (SELECT value FROM json_each(?)) GROUP BY conversation_id`);
  }

  conversationTimes(scope: ReportScope, range: TimeRange): Promise<ConversationTimes[]> {
    return this.queue.run(() => (this.times(this.db, scope).all(params(scope, range)) as TimesRow[]).map(timesFromRow));
  }

  conversationFacts(scope: ReportScope, filter: ReportFilter, range: TimeRange): Promise<ConversationFacts[]> {
    return this.queue.run(() => this.facts.all(scope, filter, range));
  }

  countQueued(scope: ReportScope): Promise<number> {
    return this.queue.run(() => this.queued(this.db, scope).pluck().get(params(scope)) as number);
  }

  conversationPage(
    scope: ReportScope,
    range: TimeRange,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: ConversationExportRow[] }> {
    return this.queue.run(() => {
      const total = this.total(this.db, scope).pluck().get(params(scope, range)) as number;
      const page = this.page(this.db, scope).all({ ...params(scope, range), offset, limit }) as PageRow[];
      const counts = new Map(this.counts.all(JSON.stringify(page.map((r) => r.id))).map((c) => [c.conversation_id, c]));
      return { total, rows: page.map((r) => exportRowOf(r, counts)) };
    });
  }

  messagePage(scope: ReportScope, range: TimeRange, offset: number, limit: number): Promise<{ total: number; rows: MessageExportRow[] }> {
    return this.queue.run(() => {
      const total = this.messageTotal(this.db, scope).pluck().get(params(scope, range)) as number;
      const page = this.messages(this.db, scope).all({ ...params(scope, range), offset, limit }) as MessageExportDbRow[];
      return { total, rows: page.map(messageExportRowOf) };
    });
  }
}

function params(scope: ReportScope, range?: TimeRange): Params {
  return {
    channel: scope.channelId,
    ...(scope.merchant && { merchant: merchantKey(scope.merchant.merchantId) }),
    ...(range && { from: range.from, to: range.to }),
  };
}
