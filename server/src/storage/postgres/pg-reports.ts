// PostgreSQL adapter of the Reports port: the queries of sqlite-reports.ts, bounded by the same indexes
// (conversations of a channel, and merchant, by creation time; the queue's partial index; messages by
// conversation); the few times kept in the JSON column are read from those rows only.
import type pg from 'pg';
import type {
  ConversationExportRow,
  ConversationFacts,
  ConversationTimes,
  MessageExportRow,
  ReportFilter,
  ReportScope,
  Reports,
  TimeRange,
} from '../../core/ports/reports';
import { pgConversationFacts } from './pg-report-facts';
import { merchantKey } from '../record-codec';
import {
  exportRowOf,
  MESSAGE_EXPORT_SELECT,
  type MessageCounts,
  type MessageExportDbRow,
  messageExportRowOf,
  type PageRow,
  timesFromRow,
  type TimesRow,
} from '../report-rows';
import { type Queryable, withClient } from './pool';

const time = (field: string) => `(c.data::jsonb ->> '${field}')::bigint`;

/** `c.channel_id = $1` and, for a merchant scope, `c.merchant_id = $2`; the values to go with it. */
function scoped(scope: ReportScope): { where: string; values: unknown[] } {
  return scope.merchant === undefined
    ? { where: 'c.channel_id = $1', values: [scope.channelId] }
    : { where: 'c.channel_id = $1 AND c.merchant_id = $2', values: [scope.channelId, merchantKey(scope.merchant.merchantId)] };
}

/** The scope, then `created_at` within the range. */
function inRange(scope: ReportScope, range: TimeRange): { where: string; values: unknown[] } {
  const s = scoped(scope);
  const n = s.values.length;
  return { where: `${s.where} AND c.created_at >= $${n + 1} AND c.created_at < $${n + 2}`, values: [...s.values, range.from, range.to] };
}

export class PgReports implements Reports {
  constructor(private readonly pool: pg.Pool) {}

  async conversationTimes(scope: ReportScope, range: TimeRange): Promise<ConversationTimes[]> {
    const { where, values } = inRange(scope, range);
    const { rows } = await this.pool.query<TimesRow>(
      `SELECT c.state, c.created_at, c.queued_at, ${time('assignedAt')} AS assigned_at, ${time('firstAgentResponseAt')} AS first_response_at,
         ${time('leftMessageAt')} AS left_at, ${time('endedAt')} AS ended_at,
         (c.data::jsonb #>> '{csat,requestedAt}')::bigint AS csat_requested_at, (c.data::jsonb #>> '{csat,rating}')::int AS csat_rating
       FROM conversations c WHERE ${where}`,
      values,
    );
    return rows.map(timesFromRow);
  }

  conversationFacts(scope: ReportScope, filter: ReportFilter, range: TimeRange): Promise<ConversationFacts[]> {
    return pgConversationFacts(this.pool, scope, filter, range);
  }

  async countQueued(scope: ReportScope): Promise<number> {
    const { where, values } = scoped(scope);
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM conversations c WHERE ${where} AND c.state = 'queued'`,
      values,
    );
    return rows[0]?.n ?? 0;
  }

  async conversationPage(
    scope: ReportScope,
    range: TimeRange,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: ConversationExportRow[] }> {
    const { where, values } = inRange(scope, range);
    const n = values.length;
    // One snapshot for the count, the page and its message counts, as SQLite's serial queue gives.
    return withClient(this.pool, async (client) => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const total = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM conversations c WHERE ${where}`, values);
        const page = await client.query<PageRow>(
          `SELECT c.*, cu.openid AS customer_openid, cu.data::jsonb ->> 'nickname' AS customer_nickname
           FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id
           WHERE ${where} ORDER BY c.created_at, c.id LIMIT $${n + 1} OFFSET $${n + 2}`,
          [...values, limit, offset],
        );
        const rows = await exportRows(client, page.rows);
        return { total: total.rows[0]?.n ?? 0, rows };
      } finally {
        await client.query('COMMIT');
      }
    });
  }

  messagePage(scope: ReportScope, range: TimeRange, offset: number, limit: number): Promise<{ total: number; rows: MessageExportRow[] }> {
    return pgMessagePage(this.pool, scope, range, offset, limit);
  }
}

/** Messages of the scope created in the range: the channel's messages by creation time (migration 10's index). */
export async function pgMessagePage(
  pool: pg.Pool,
  scope: ReportScope,
  range: TimeRange,
  offset: number,
  limit: number,
): Promise<{ total: number; rows: MessageExportRow[] }> {
  const s = scoped(scope);
  const n = s.values.length;
  const where = `${s.where} AND m.channel_id = $1 AND m.created_at >= $${n + 1} AND m.created_at < $${n + 2}`;
  const values = [...s.values, range.from, range.to];
  return withClient(pool, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const total = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE ${where}`,
        values,
      );
      const page = await client.query<MessageExportDbRow>(
        `SELECT ${MESSAGE_EXPORT_SELECT}, cu.data::jsonb ->> 'nickname' AS customer_nickname
         FROM messages m JOIN conversations c ON c.id = m.conversation_id LEFT JOIN customers cu ON cu.id = c.customer_id
         WHERE ${where} ORDER BY m.created_at, m.id LIMIT $${n + 3} OFFSET $${n + 4}`,
        [...values, limit, offset],
      );
      return { total: total.rows[0]?.n ?? 0, rows: page.rows.map(messageExportRowOf) };
    } finally {
      await client.query('COMMIT');
    }
  });
}

async function exportRows(db: Queryable, page: PageRow[]): Promise<ConversationExportRow[]> {
  const counts = await messageCounts(
    db,
    page.map((r) => r.id),
  );
  return page.map((r) => exportRowOf(r, counts));
}

async function messageCounts(db: Queryable, ids: string[]): Promise<MessageCounts> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ conversation_id: string; n_in: number; n_out: number }>(
    `SELECT conversation_id,
       count(*) FILTER (WHERE data::jsonb ->> 'direction' = 'in')::int AS n_in,
       count(*) FILTER (WHERE data::jsonb ->> 'direction' = 'out')::int AS n_out
     FROM messages WHERE conversation_id = ANY($1::text[]) GROUP BY conversation_id`,
    [ids],
  );
  return new Map(rows.map((r) => [r.conversation_id, r]));
}
