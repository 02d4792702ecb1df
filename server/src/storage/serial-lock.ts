// One connection, one piece of work at a time. better-sqlite3 is synchronous, but a unit of work is an
// async function: while it awaits, anything else that used the same connection would run its statements
// inside the unit's open transaction (and be rolled back with it). Every adapter of a connection goes
// through the one queue returned by serialFor(db), so units and single statements never interleave.
//
// The queue is also the one place that waits for another process's write lock. SQLite's own busy wait
// (busy_timeout) sleeps on the calling thread, which here is the event loop: a lock held for seconds froze
// the whole server. database.ts therefore sets busy_timeout to a few milliseconds, and when a piece of
// work still fails with SQLITE_BUSY, the queue retries it asynchronously with growing pauses (the event
// loop keeps serving meanwhile) until its budget, counted from when it was queued, runs out; then the work
// fails with DatabaseBusy. Every piece of work is one statement or one transaction, so SQLITE_BUSY means
// nothing of it was written and running it again is safe.
import type { Database } from 'better-sqlite3';
import { DatabaseBusy, isBusyError } from '../core/ports/database-busy';

export interface BusyOptions {
  /** How long one piece of work may wait for another writer's lock, from when it was queued. */
  budgetMs: number;
  firstPauseMs: number;
  maxPauseMs: number;
}

export const DEFAULT_BUSY: BusyOptions = { budgetMs: 1000, firstPauseMs: 2, maxPauseMs: 50 };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private busyFrom: number | undefined;

  constructor(private readonly options: BusyOptions = DEFAULT_BUSY) {}

  /** Since when the database has been refusing writes (undefined: the last attempt got through). */
  get busySince(): number | undefined {
    return this.busyFrom;
  }

  /** Runs `work` after everything queued before it has settled; its result or error is passed through. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    const queuedAt = Date.now();
    const result = this.tail.then(() => this.attempt(work, queuedAt));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async attempt<T>(work: () => T | Promise<T>, queuedAt: number): Promise<T> {
    for (let pauseMs = this.options.firstPauseMs; ; pauseMs = Math.min(pauseMs * 2, this.options.maxPauseMs)) {
      try {
        const result = await work();
        this.busyFrom = undefined;
        return result;
      } catch (error) {
        if (!isBusyError(error)) throw error;
        const now = Date.now();
        this.busyFrom ??= now;
        if (now + pauseMs - queuedAt > this.options.budgetMs) throw new DatabaseBusy(now - queuedAt);
        await pause(pauseMs);
      }
    }
  }
}

const queues = new WeakMap<Database, SerialQueue>();

/** The queue shared by every adapter built on `db` (created on first use). */
export function serialFor(db: Database): SerialQueue {
  let queue = queues.get(db);
  if (!queue) {
    queue = new SerialQueue();
    queues.set(db, queue);
  }
  return queue;
}
