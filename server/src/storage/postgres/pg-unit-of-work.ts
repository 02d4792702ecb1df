// PostgreSQL adapter of UnitOfWork. Each unit is one SERIALIZABLE transaction on one pooled client.
// The port promises that units touching the same channel never interleave, across every node sharing
// the database: SERIALIZABLE gives exactly that (the outcome is that of some one-at-a-time order), and
// a unit PostgreSQL aborts to keep it so (serialization failure, deadlock) is run again from the start,
// which is safe because a unit does no I/O except through its transaction. Within this process units
// also run one after another, in the order they were started (as on SQLite), so a node never makes its
// own units conflict with each other.
import type pg from 'pg';
import { DatabaseBusy } from '../../core/ports/database-busy';
import type { Transaction, UnitOfWork } from '../../core/ports/unit-of-work';
import { SerialQueue } from '../serial-lock';
import { PgConversations } from './pg-conversations';
import { PgOutbox } from './pg-outbox';
import { PgWebhookOutbox } from './pg-webhook-store';
import { PgCustomers, PgMerchants, PgMessages, PgSettings } from './pg-records';
import { PgAgents, PgCalendars, PgSkillGroups } from './pg-scoped-records';
import type { Queryable } from './pool';

/** The repositories over one client (inside its transaction). */
export function pgTransaction(db: Queryable): Transaction {
  return {
    customers: new PgCustomers(db),
    conversations: new PgConversations(db),
    messages: new PgMessages(db),
    agents: new PgAgents(db),
    groups: new PgSkillGroups(db),
    calendars: new PgCalendars(db),
    settings: new PgSettings(db),
    merchants: new PgMerchants(db),
    outbox: new PgOutbox(db),
    webhooks: new PgWebhookOutbox(db),
  };
}

/** serialization_failure and deadlock_detected: nothing was committed, running the unit again is safe. */
const RETRYABLE = new Set(['40001', '40P01']);

export const isRetryable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && RETRYABLE.has((error as { code?: string }).code ?? '');

export interface PgUnitOfWorkOptions {
  /** How many times a unit is tried before it is refused with DatabaseBusy (default 20). */
  maxAttempts?: number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PgUnitOfWork implements UnitOfWork {
  // Busy retries are SQLite's; PostgreSQL waits for locks itself, so the queue only orders the units.
  private readonly queue = new SerialQueue({ budgetMs: 0, firstPauseMs: 0, maxPauseMs: 0 });
  private readonly maxAttempts: number;
  private active: pg.PoolClient | undefined;

  constructor(
    private readonly pool: pg.Pool,
    options: PgUnitOfWorkOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 20;
  }

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.queue.run(() => this.runWithRetries(work));
  }

  /**
   * The client of the unit running now, if any: for adapters outside the Transaction whose port says
   * they are called inside a unit (Inbox.markDone), so their write commits or rolls back with it.
   */
  get current(): Queryable | undefined {
    return this.active;
  }

  private async runWithRetries<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const startedAt = Date.now();
    let broken = false;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.runOnce(client, work);
        } catch (error) {
          if (!isRetryable(error)) throw error;
          // Still conflicting after every attempt: refused like a locked SQLite file (503, try later).
          if (attempt >= this.maxAttempts) throw new DatabaseBusy(Date.now() - startedAt);
          // Jittered, growing pauses, so two nodes retrying the same conflict do not collide again.
          await pause(Math.random() * Math.min(2 ** attempt, 100));
        }
      }
    } catch (error) {
      broken = isConnectionError(error);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async runOnce<T>(client: pg.PoolClient, work: (tx: Transaction) => Promise<T>): Promise<T> {
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    this.active = client;
    try {
      const result = await work(pgTransaction(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      this.active = undefined;
    }
  }
}

/** An error without a SQLSTATE came from the connection, not the database: that client is not reused. */
function isConnectionError(error: unknown): boolean {
  return !(typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string');
}
