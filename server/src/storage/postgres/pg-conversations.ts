// PostgreSQL adapter of ConversationRepository. Orders match the in-memory reference exactly: ties are
// broken by id ("C" collation), "newest first" is createdAt then id descending.
import type { Conversation, ConversationState } from '../../core/model/conversation';
import type { ConversationListQuery, ConversationRepository } from '../../core/ports/repositories';
import type { ConversationRow } from '../conversation-row';
import { conversationFromRow } from '../sqlite-conversations';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from '../sqlite-conversation-list';
import { merchantKey, restAsJson } from '../record-codec';
import { keyOf, UnitCache, type UnitMap } from '../unit-cache';
import type { Queryable } from './pool';
import { writeOn } from './pg-write-behind';
import type { ReadAhead } from './pg-read-ahead';

const COLUMNS = ['id', 'channelId', 'merchantId', 'customerId', 'state', 'agentId', 'createdAt', 'queuedAt'] as const;

const NEWEST_FIRST = 'ORDER BY created_at DESC, id DESC';

export class PgConversations implements ConversationRepository {
  /** Within one unit (pg-transaction-scope.ts): conversations by id, and findOpen's answers. */
  private readonly byId: UnitMap<Promise<Conversation | undefined>>;
  private readonly openOf: UnitMap<Promise<Conversation | undefined>>;

  /** `ahead`: what the batch read ahead (pg-read-ahead.ts), consulted before the database. */
  constructor(
    private readonly db: Queryable,
    cache: UnitCache = new UnitCache(),
    private readonly ahead?: ReadAhead,
  ) {
    this.byId = cache.map();
    this.openOf = cache.map();
  }

  get(id: string): Promise<Conversation | undefined> {
    return this.byId.read(id, async () => (await this.select('id = $1', '', [id]))[0]);
  }

  async save(c: Conversation, timerDueAt?: number): Promise<void> {
    await writeOn(this.db, {
      sql: `INSERT INTO conversations (id, channel_id, merchant_id, customer_id, state, agent_id, created_at, queued_at, data, timer_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, merchant_id = excluded.merchant_id,
         customer_id = excluded.customer_id, state = excluded.state, agent_id = excluded.agent_id,
         created_at = excluded.created_at, queued_at = excluded.queued_at, data = excluded.data,
         timer_due_at = excluded.timer_due_at`,
      values: [
        c.id,
        c.channelId,
        merchantKey(c.merchantId),
        c.customerId,
        c.state,
        c.agentId ?? null,
        c.createdAt,
        c.queuedAt ?? null,
        restAsJson(c, COLUMNS),
        timerDueAt ?? null,
      ],
      table: 'conversations',
      key: c.id,
    });
    this.ahead?.savedConversation(c);
    this.byId.set(c.id, Promise.resolve(c));
    this.openOf.clear(); // any conversation may have opened, ended or moved
  }

  findOpen(customerId: string, merchantId: string | undefined): Promise<Conversation | undefined> {
    return this.openOf.read(keyOf(customerId, merchantKey(merchantId)), async () => {
      const known = this.ahead?.openConversation(customerId, merchantId);
      const where = "customer_id = $1 AND merchant_id = $2 AND state <> 'ended'";
      const c = known ? known.value : (await this.select(where, `${NEWEST_FIRST} LIMIT 1`, [customerId, merchantKey(merchantId)]))[0];
      if (c) this.byId.set(c.id, Promise.resolve(c));
      return c;
    });
  }

  listOpenByCustomer(customerId: string): Promise<Conversation[]> {
    return this.select("customer_id = $1 AND state <> 'ended'", NEWEST_FIRST, [customerId]);
  }

  async findLatestWithAgent(customerId: string, merchantId: string | undefined): Promise<Conversation | undefined> {
    return (
      await this.select('customer_id = $1 AND merchant_id = $2 AND agent_id IS NOT NULL', `${NEWEST_FIRST} LIMIT 1`, [
        customerId,
        merchantKey(merchantId),
      ])
    )[0];
  }

  async listQueued(channelId: string, merchantId: string | undefined): Promise<Conversation[]> {
    const known = this.ahead?.queue(channelId, merchantId);
    if (known) return known.value;
    const queue = await this.select("channel_id = $1 AND merchant_id = $2 AND state = 'queued'", 'ORDER BY queued_at, id', [
      channelId,
      merchantKey(merchantId),
    ]);
    this.ahead?.keepQueue(channelId, merchantId, queue);
    return queue;
  }

  listOpen(channelId: string): Promise<Conversation[]> {
    return this.select("channel_id = $1 AND state <> 'ended'", 'ORDER BY id', [channelId]);
  }

  /** From the partial index of migration 15: only the conversations whose instant has come are read. */
  async listTimerDue(channelId: string, now: number): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      "SELECT id FROM conversations WHERE channel_id = $1 AND timer_due_at <= $2 AND state <> 'ended' ORDER BY timer_due_at, id",
      [channelId, now],
    );
    return rows.map((r) => r.id);
  }

  async timerDueOf(id: string): Promise<number | undefined> {
    const { rows } = await this.db.query<{ at: number | null }>('SELECT timer_due_at AS at FROM conversations WHERE id = $1', [id]);
    return rows[0]?.at ?? undefined;
  }

  listByAgent(agentId: string, state: ConversationState): Promise<Conversation[]> {
    return this.select('agent_id = $1 AND state = $2', 'ORDER BY id', [agentId, state]);
  }

  async countAssigned(agentIds: readonly string[]): Promise<Map<string, number>> {
    if (agentIds.length === 0) return new Map();
    const { rows } = await this.db.query<{ agent_id: string; n: number }>(
      `SELECT agent_id, count(*)::int AS n FROM conversations
       WHERE state = 'assigned' AND agent_id = ANY($1::text[]) GROUP BY agent_id`,
      [agentIds],
    );
    return new Map(rows.map((r) => [r.agent_id, r.n]));
  }

  /** Only the filters the query names, so each combination can use the index that fits it. */
  list(q: ConversationListQuery): Promise<Conversation[]> {
    const values: unknown[] = [q.channelId];
    const where = ['channel_id = $1'];
    const add = (condition: (n: string) => string, value: unknown) => {
      values.push(value);
      where.push(condition(`$${values.length}`));
    };
    if (q.merchant) add((n) => `merchant_id = ${n}`, merchantKey(q.merchant.merchantId));
    if (q.states) add((n) => `state = ANY(${n}::text[])`, q.states);
    if (q.agentId !== undefined) add((n) => `agent_id = ${n}`, q.agentId);
    if (q.customerId !== undefined) add((n) => `customer_id = ${n}`, q.customerId);
    if (q.createdBefore !== undefined) add((n) => `created_at < ${n}`, q.createdBefore);
    values.push(Math.min(Math.max(q.limit ?? DEFAULT_LIST_LIMIT, 0), MAX_LIST_LIMIT));
    return this.select(where.join(' AND '), `${NEWEST_FIRST} LIMIT $${values.length}`, values);
  }

  private async select(where: string, order: string, values: unknown[]): Promise<Conversation[]> {
    const { rows } = await this.db.query<ConversationRow & Record<string, unknown>>(
      `SELECT * FROM conversations WHERE ${where} ${order}`,
      values,
    );
    return rows.map(conversationFromRow);
  }
}
