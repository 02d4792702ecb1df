// PostgreSQL adapter of UnitOfWork. Each unit is one SERIALIZABLE transaction on one pooled client.
// The port promises that units touching the same channel never interleave, across every node sharing
// the database: SERIALIZABLE gives exactly that (the outcome is that of some one-at-a-time order), and
// a unit PostgreSQL aborts to keep it so (serialization failure, deadlock) is run again from the start,
// which is safe because a unit does no I/O except through its transaction. Within this process units
// also run one after another, in the order they were started (as on SQLite), so a node never makes its
// own units conflict with each other. (Measured: running the push path's batches in a lane of their own,
// beside the sender's units, made them conflict on the customers both write, the sender counting each
// reply against the customer's window; routing then went slower, not faster.)
//
// `batch` runs several units in ONE such transaction (pg-unit-batch.ts): the push path routes a chunk
// of pushes for one BEGIN/COMMIT, and the chunk's units read the merchant's team, groups and settings
// once (pg-transaction-scope.ts keeps them for the transaction). Why SERIALIZABLE stays: the inbox
// claims make one node route a given customer's push, in order, but two customers' units still share
// agents' seats, the queue and the settings an admin may be editing on another node; only SERIALIZABLE
// keeps every such decision equal to a one-at-a-time order without naming each lock in the stories.
import type pg from 'pg';
import { DatabaseBusy } from '../../core/ports/database-busy';
import type { BatchHint, Transaction, UnitOfWork } from '../../core/ports/unit-of-work';
import { SerialQueue } from '../serial-lock';
import { runBatch } from './pg-unit-batch';
import { currentUnit, isRetryable, PgTransactionScope } from './pg-transaction-scope';
import type { Queryable } from './pool';

export { isRetryable, pgTransaction } from './pg-transaction-scope';

export interface PgUnitOfWorkOptions {
  /** How many times a unit is tried before it is refused with DatabaseBusy (default 20). */
  maxAttempts?: number;
  /** How many serialization failures a batch takes before its units are run one by one (default 3). */
  batchAttempts?: number;
  /**
   * False: batches take no routing turn (routingTurn below), as with the finest turn there could be;
   * only `npm run bench -- pg-routing-turns` sets it, to measure what the turns save.
   */
  routingTurns?: boolean;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Jittered, growing pauses, so two nodes retrying the same conflict do not collide again. */
export const conflictPause = (attempt: number) => pause(Math.random() * Math.min(2 ** attempt, 100));

export class PgUnitOfWork implements UnitOfWork {
  // Busy retries are SQLite's; PostgreSQL waits for locks itself, so the queue only orders the units.
  private readonly queue = new SerialQueue({ budgetMs: 0, firstPauseMs: 0, maxPauseMs: 0 });
  private readonly maxAttempts: number;
  private readonly batchAttempts: number;
  private readonly routingTurns: boolean;
  /** Units run one by one, each in a transaction of its own; for a batch that keeps conflicting. */
  private readonly alone: UnitOfWork = { run: (work) => this.onClient((client) => this.runWithRetries(client, work)) };

  constructor(
    private readonly pool: pg.Pool,
    options: PgUnitOfWorkOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 20;
    this.batchAttempts = options.batchAttempts ?? 3;
    this.routingTurns = options.routingTurns ?? true;
  }

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.queue.run(() => this.alone.run(work));
  }

  /**
   * Runs the units `body` starts in one transaction (see pg-unit-batch.ts for what happens when one of
   * them fails or the transaction conflicts: `body` may then be run again, and it starts the same units),
   * after reading ahead what `hint` names (pg-read-ahead.ts).
   */
  batch<T>(body: (uow: UnitOfWork) => Promise<T>, hint?: BatchHint): Promise<T> {
    const channels = this.routingTurns ? [...new Set(hint?.pushes.map((p) => p.channelId))].sort() : [];
    // The turn is waited for outside the queue: this node's other units go on meanwhile.
    return this.onClient((client) =>
      routingTurn(client, channels, () =>
        this.queue.run(() =>
          runBatch(body, {
            begin: (hold) => this.begin(client, hold),
            ...(hint !== undefined && { hint }),
            attempts: this.batchAttempts,
            alone: this.alone,
            pause: conflictPause,
          }),
        ),
      ),
    );
  }

  /**
   * The client of the unit running now, if any: for adapters outside the Transaction whose port says
   * they are called inside a unit (Inbox.markDone), so their write commits or rolls back with it.
   */
  get current(): Queryable | undefined {
    return currentUnit();
  }

  private begin(client: pg.PoolClient, holdUntilCommit = false): Promise<PgTransactionScope> {
    return PgTransactionScope.begin(client, holdUntilCommit);
  }

  private async onClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      return await work(client);
    } catch (error) {
      broken = isConnectionError(error);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async runWithRetries<T>(client: pg.PoolClient, work: (tx: Transaction) => Promise<T>): Promise<T> {
    const startedAt = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const scope = await this.begin(client);
        return await scope.finish(() => scope.unit(work));
      } catch (error) {
        if (!isRetryable(error)) throw error;
        // Still conflicting after every attempt: refused like a locked SQLite file (503, try later).
        if (attempt >= this.maxAttempts) throw new DatabaseBusy(Date.now() - startedAt);
        await conflictPause(attempt);
      }
    }
  }
}

/** The advisory lock class of routing turns (the second key is a hash of the channel id). */
const ROUTING_LOCK = 0x6b_72_74_65; // "krte"

/**
 * Runs `work` while this node has the routing turn of `channels` across the cluster: a session advisory
 * lock per channel (in sorted order, so two nodes never deadlock), taken before BEGIN so the batch's
 * snapshot comes after the previous turn's commit. Why: two nodes' batches of one channel each read
 * the index pages the other writes (new messages, the inbox entries marked done), and PostgreSQL's
 * SERIALIZABLE, whose locks on index reads cover whole pages, then aborts one of nearly every pair of
 * batches; measured, two nodes routed a third of what one did. Taking turns per channel removes those
 * conflicts, costs two statements per batch, and changes nothing of what is correct (SERIALIZABLE still
 * decides that). A node that dies in its turn loses its connection, and with it the lock.
 */
async function routingTurn<T>(client: pg.PoolClient, channels: readonly string[], work: () => Promise<T>): Promise<T> {
  for (const channel of channels) await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [ROUTING_LOCK, channel]);
  try {
    return await work();
  } finally {
    for (const channel of [...channels].reverse())
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ROUTING_LOCK, channel]);
  }
}

/** An error without a SQLSTATE came from the connection, not the database: that client is not reused. */
function isConnectionError(error: unknown): boolean {
  return !(typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string');
}
