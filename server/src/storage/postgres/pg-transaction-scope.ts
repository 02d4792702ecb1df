// One open SERIALIZABLE transaction on one pooled client, and the repositories over it: a unit of work
// alone or a batch of them (pg-unit-of-work.ts, pg-unit-batch.ts).
//
// What the repositories keep in memory, and why serving it is safe:
// - the unit's cache (unit-cache.ts: customers, conversations) lives for one unit, as on SQLite: a
//   story asking for a conversation four times pays for one statement;
// - the config cache (config-cache.ts: agents, skill groups, calendars, routing settings) lives for the
//   whole transaction, so a batch of pushes reads the merchant's team, groups and settings once. In a
//   SERIALIZABLE transaction every statement sees the one snapshot taken at its first, plus its own
//   writes; our writes of those tables go through the repositories, which empty what they kept, so a
//   second read would return what is kept. Nothing is kept across transactions: another node may
//   change an agent between two of ours.
// Statements are prepared once per connection (pool.ts `prepared`): the push path runs the same few
// dozen statements thousands of times, and parsing and planning each was a good part of the
// database's time per push.
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { Transaction } from '../../core/ports/unit-of-work';
import { ConfigCache } from '../config-cache';
import { UnitCache } from '../unit-cache';
import { PgConversations } from './pg-conversations';
import { PgNotes, PgTags } from './pg-desk';
import { PgOutbox } from './pg-outbox';
import { PgReferences } from './pg-references';
import { PgWebhookOutbox } from './pg-webhook-store';
import { PgAuditWriter } from './pg-audit-log';
import { PgCustomers, PgMerchants, PgMessages, PgSettings } from './pg-records';
import { PgAgents, PgCalendars, PgSkillGroups } from './pg-scoped-records';
import { prepared, type Queryable } from './pool';
import { WriteBehind } from './pg-write-behind';
import { ReadAhead } from './pg-read-ahead';
import type { BatchHint } from '../../core/ports/unit-of-work';

/** The repositories over one client (inside its transaction); they keep nothing unless the caches are opened. */
export function pgTransaction(
  db: Queryable,
  cache: UnitCache = new UnitCache(),
  config: ConfigCache = new ConfigCache(),
  ahead?: ReadAhead,
): Transaction {
  return {
    customers: new PgCustomers(db, cache, ahead),
    conversations: new PgConversations(db, cache, ahead),
    messages: new PgMessages(db, ahead),
    agents: new PgAgents(db, config),
    groups: new PgSkillGroups(db, config),
    calendars: new PgCalendars(db, config),
    settings: new PgSettings(db, config),
    merchants: new PgMerchants(db),
    notes: new PgNotes(db),
    tags: new PgTags(db),
    references: new PgReferences(db),
    outbox: new PgOutbox(db),
    webhooks: new PgWebhookOutbox(db, config),
    audit: new PgAuditWriter(db),
  };
}

/** serialization_failure and deadlock_detected: nothing was committed, running the unit again is safe. */
const RETRYABLE = new Set(['40001', '40P01']);

export const isRetryable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && RETRYABLE.has((error as { code?: string }).code ?? '');

/**
 * The connection of the unit whose code is running, followed through the unit's async calls (so two
 * PgUnitOfWork instances in one process, as in the tests' two nodes, never hand out each other's).
 */
const running = new AsyncLocalStorage<Queryable>();

/** The running unit's connection, for adapters its port says are called inside a unit (Inbox.markDone). */
export const currentUnit = (): Queryable | undefined => running.getStore();

export class PgTransactionScope {
  /** The client's queries, as prepared statements, with the unit's writes held back (pg-write-behind.ts). */
  readonly db: Queryable;
  private readonly writes: WriteBehind;
  private readonly cache = new UnitCache();
  private readonly config = new ConfigCache();
  private readonly ahead = new ReadAhead();
  private readonly tx: Transaction;
  private ended = false;

  private constructor(
    private readonly client: pg.PoolClient,
    private readonly holdUntilCommit: boolean,
  ) {
    this.writes = new WriteBehind(prepared(client));
    this.db = this.writes;
    this.tx = pgTransaction(this.db, this.cache, this.config, this.ahead);
    this.config.began();
  }

  /**
   * BEGIN ISOLATION LEVEL SERIALIZABLE on `client`. `holdUntilCommit`: the units' writes are held until
   * the commit (or a read of what they wrote) instead of each unit's end, so a batch's writes go out in
   * one statement or a few; a failure of them then belongs to no unit in particular (pg-unit-batch.ts).
   */
  static async begin(client: pg.PoolClient, holdUntilCommit = false): Promise<PgTransactionScope> {
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    return new PgTransactionScope(client, holdUntilCommit);
  }

  /** Reads what the batch's units will look up first (pg-read-ahead.ts). */
  readAhead(hint: BatchHint): Promise<void> {
    return this.ahead.load(this.db, hint);
  }

  /** One unit inside the transaction, with a unit cache of its own; what it wrote is sent before it ends (unless held until the commit). */
  async unit<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    this.cache.begin();
    try {
      const result = await running.run(this.db, () => work(this.tx));
      if (!this.holdUntilCommit) await this.writes.flush();
      return result;
    } catch (error) {
      this.writes.discard();
      throw error;
    } finally {
      this.cache.end();
    }
  }

  /** Runs `body`, then commits; rolls back when either throws, and rethrows. */
  async finish<T>(body: () => Promise<T>): Promise<T> {
    try {
      const result = await body();
      await this.commit();
      return result;
    } catch (error) {
      await this.rollback().catch(() => undefined);
      throw error;
    }
  }

  /** Sends what is held, then COMMIT; when sending fails, the transaction is rolled back (and the error rethrown). */
  async commit(): Promise<void> {
    try {
      await this.writes.flush();
    } catch (error) {
      await this.rollback();
      throw error;
    }
    try {
      await this.client.query('COMMIT');
    } finally {
      this.end();
    }
  }

  /** Throws when the connection is gone (then the client must not be reused). */
  async rollback(): Promise<void> {
    if (this.ended) return;
    try {
      await this.client.query('ROLLBACK');
    } finally {
      this.end();
    }
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.config.ended();
  }
}
