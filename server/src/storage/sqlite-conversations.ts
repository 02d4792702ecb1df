// SQLite adapter of ConversationRepository. Orders match the in-memory reference exactly: ties are
// broken by id, "newest first" is createdAt then id descending.
import type { Database, Statement } from 'better-sqlite3';
import type { Conversation, ConversationState } from '../core/model/conversation';
import type { ConversationListQuery, ConversationRepository } from '../core/ports/repositories';
import type { ConversationRow, ConversationWrite } from './conversation-row';
import { ConversationLister } from './sqlite-conversation-list';
import { merchantKey, merchantOf, optional, parseJson, restAsJson } from './record-codec';
import { keyOf, UnitCache, type UnitMap } from './unit-cache';

export type { ConversationRow } from './conversation-row';

const COLUMNS = ['id', 'channelId', 'merchantId', 'customerId', 'state', 'agentId', 'createdAt', 'queuedAt'] as const;

export function conversationFromRow(r: ConversationRow): Conversation {
  return {
    id: r.id,
    channelId: r.channel_id,
    ...merchantOf(r.merchant_id),
    customerId: r.customer_id,
    state: r.state,
    ...optional('agentId', r.agent_id),
    createdAt: r.created_at,
    ...optional('queuedAt', r.queued_at),
    ...parseJson<Omit<Conversation, (typeof COLUMNS)[number]>>(r.data),
  };
}

/** The row a conversation is stored as, with the instant its timers fall due next (timer-due.ts). */
export function conversationToRow(c: Conversation, timerDueAt: number | undefined): ConversationWrite {
  return {
    id: c.id,
    channel_id: c.channelId,
    merchant_id: merchantKey(c.merchantId),
    customer_id: c.customerId,
    state: c.state,
    agent_id: c.agentId ?? null,
    created_at: c.createdAt,
    queued_at: c.queuedAt ?? null,
    data: restAsJson(c, COLUMNS),
    timer_due_at: timerDueAt ?? null,
  };
}

type KeyColumns = Omit<ConversationRow, 'data'>;

function sameKeys(a: KeyColumns, b: KeyColumns): boolean {
  return (
    a.channel_id === b.channel_id &&
    a.merchant_id === b.merchant_id &&
    a.customer_id === b.customer_id &&
    a.state === b.state &&
    a.agent_id === b.agent_id &&
    a.created_at === b.created_at &&
    a.queued_at === b.queued_at
  );
}

type Query = 'byId' | 'openOfCustomer' | 'openByCustomer' | 'latestWithAgent' | 'queued' | 'openOfChannel' | 'byAgent';

/** What a timer sweep reads: the ids whose instant has come, from the partial index of migration 20. */
export const TIMER_DUE_SQL =
  "SELECT id FROM conversations WHERE channel_id = ? AND timer_due_at <= ? AND state <> 'ended' ORDER BY timer_due_at, id";

const NEWEST_FIRST = 'ORDER BY created_at DESC, id DESC';

export class SqliteConversations implements ConversationRepository {
  private readonly s: Record<Query, Statement<unknown[], ConversationRow>>;
  private readonly upsert: Statement<[ConversationWrite]>;
  private readonly keysOf: Statement<[string], KeyColumns>;
  private readonly updateData: Statement<[string, number | null, string]>;
  private readonly timerDue: Statement<[string, number], string>;
  private readonly timerDueOfId: Statement<[string], number | null>;
  private readonly assignedCounts: Statement<[string], { agent_id: string; n: number }>;
  private readonly lister: ConversationLister;
  /** Within one unit: conversations by id, findOpen's answers, and the stored key columns of rows seen. */
  private readonly byId: UnitMap<Conversation | undefined>;
  private readonly openOf: UnitMap<Conversation | undefined>;
  private readonly storedKeys: UnitMap<KeyColumns | undefined>;

  /** Without a cache opened by the unit of work, every call reads the database. */
  constructor(db: Database, cache: UnitCache = new UnitCache()) {
    const q = (where: string, order: string) =>
      db.prepare<unknown[], ConversationRow>(`SELECT * FROM conversations WHERE ${where} ${order}`);
    this.s = {
      byId: q('id = ?', ''),
      openOfCustomer: q("customer_id = ? AND merchant_id = ? AND state <> 'ended'", `${NEWEST_FIRST} LIMIT 1`),
      openByCustomer: q("customer_id = ? AND state <> 'ended'", NEWEST_FIRST),
      latestWithAgent: q('customer_id = ? AND merchant_id = ? AND agent_id IS NOT NULL', `${NEWEST_FIRST} LIMIT 1`),
      queued: q("channel_id = ? AND merchant_id = ? AND state = 'queued'", 'ORDER BY queued_at, id'),
      openOfChannel: q("channel_id = ? AND state <> 'ended'", 'ORDER BY id'),
      byAgent: q('agent_id = ? AND state = ?', 'ORDER BY id'),
    };
    this.upsert = db.prepare(
      `INSERT INTO conversations (id, channel_id, merchant_id, customer_id, state, agent_id, created_at, queued_at, data, timer_due_at)
       VALUES (@id, @channel_id, @merchant_id, @customer_id, @state, @agent_id, @created_at, @queued_at, @data, @timer_due_at)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, merchant_id = excluded.merchant_id,
         customer_id = excluded.customer_id, state = excluded.state, agent_id = excluded.agent_id,
         created_at = excluded.created_at, queued_at = excluded.queued_at, data = excluded.data,
         timer_due_at = excluded.timer_due_at`,
    );
    this.keysOf = db.prepare(
      'SELECT id, channel_id, merchant_id, customer_id, state, agent_id, created_at, queued_at FROM conversations WHERE id = ?',
    );
    this.updateData = db.prepare('UPDATE conversations SET data = ?, timer_due_at = ? WHERE id = ?');
    this.timerDue = db.prepare<[string, number], string>(TIMER_DUE_SQL).pluck();
    this.timerDueOfId = db.prepare<[string], number | null>('SELECT timer_due_at FROM conversations WHERE id = ?').pluck();
    // A JSON array parameter keeps this one prepared statement for any number of agents.
    this.assignedCounts = db.prepare(
      `SELECT agent_id, count(*) AS n FROM conversations
       WHERE state = 'assigned' AND agent_id IN (SELECT value FROM json_each(?)) GROUP BY agent_id`,
    );
    this.lister = new ConversationLister(db);
    this.byId = cache.map();
    this.openOf = cache.map();
    this.storedKeys = cache.map();
  }

  async get(id: string): Promise<Conversation | undefined> {
    return this.byId.read(id, () => {
      const row = this.s.byId.get(id);
      if (row === undefined) this.storedKeys.set(id, undefined); // a save of this id will insert
      return row && this.seen(row);
    });
  }

  /**
   * Most saves change only what lives in `data` (a timestamp, the routing chain) and when the timers
   * fall due. SQLite rewrites the entry of every index whose columns an UPDATE assigns, changed or not,
   * and six indexes cover the key columns: such saves write `data` and the due instant alone (one
   * index), the others the whole row. The stored keys are read only when this unit has not seen the row yet.
   */
  async save(c: Conversation, timerDueAt?: number): Promise<void> {
    const row = conversationToRow(c, timerDueAt);
    const stored = this.storedKeys.read(row.id, () => this.keysOf.get(row.id));
    if (stored !== undefined && sameKeys(stored, row)) this.updateData.run(row.data, row.timer_due_at, row.id);
    else this.upsert.run(row);
    this.storedKeys.set(row.id, row);
    this.byId.set(row.id, c);
    this.openOf.clear(); // any conversation may have opened, ended or moved
  }

  async findOpen(customerId: string, merchantId: string | undefined): Promise<Conversation | undefined> {
    return this.openOf.read(keyOf(customerId, merchantKey(merchantId)), () => {
      const c = this.one(this.s.openOfCustomer, customerId, merchantKey(merchantId));
      if (c) this.byId.set(c.id, c);
      return c;
    });
  }

  async listOpenByCustomer(customerId: string): Promise<Conversation[]> {
    return this.s.openByCustomer.all(customerId).map(this.seen);
  }

  async findLatestWithAgent(customerId: string, merchantId: string | undefined): Promise<Conversation | undefined> {
    return this.one(this.s.latestWithAgent, customerId, merchantKey(merchantId));
  }

  async listQueued(channelId: string, merchantId: string | undefined): Promise<Conversation[]> {
    return this.s.queued.all(channelId, merchantKey(merchantId)).map(this.seen);
  }

  async listOpen(channelId: string): Promise<Conversation[]> {
    return this.s.openOfChannel.all(channelId).map(this.seen);
  }

  async listTimerDue(channelId: string, now: number): Promise<string[]> {
    return this.timerDue.all(channelId, now);
  }

  async timerDueOf(id: string): Promise<number | undefined> {
    return this.timerDueOfId.get(id) ?? undefined;
  }

  async listByAgent(agentId: string, state: ConversationState): Promise<Conversation[]> {
    return this.s.byAgent.all(agentId, state).map(this.seen);
  }

  async countAssigned(agentIds: readonly string[]): Promise<Map<string, number>> {
    if (agentIds.length === 0) return new Map();
    return new Map(this.assignedCounts.all(JSON.stringify(agentIds)).map((r) => [r.agent_id, r.n]));
  }

  async list(query: ConversationListQuery): Promise<Conversation[]> {
    return this.lister.list(query).map(this.seen);
  }

  private one(statement: Statement<unknown[], ConversationRow>, ...params: unknown[]): Conversation | undefined {
    const row = statement.get(...params);
    return row && this.seen(row);
  }

  /** Every row read tells a later save of it in this unit what its key columns hold. */
  private readonly seen = (row: ConversationRow): Conversation => {
    this.storedKeys.set(row.id, row);
    return conversationFromRow(row);
  };
}
