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
//
// Work waits in two lanes: `runFirst` (the inbox's group commit, which acknowledgements wait for) goes
// before anything still waiting in `run` (routing, sending, reads), so a backlog of routing and sending
// work never delays an acknowledgement by more than the one piece of work running. Routing cannot fall
// behind for long: the inbox commits at most once per batch window, each commit taking every push waiting.
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

interface Job {
  work: () => unknown;
  queuedAt: number;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class SerialQueue {
  /** Work that jumps the line (acknowledgements), then everything else, each lane in the order queued. */
  private readonly first: Job[] = [];
  private readonly rest: Job[] = [];
  private active = false;
  private busyFrom: number | undefined;

  constructor(private readonly options: BusyOptions = DEFAULT_BUSY) {}

  /** Since when the database has been refusing writes (undefined: the last attempt got through). */
  get busySince(): number | undefined {
    return this.busyFrom;
  }

  /** Runs `work` after everything queued before it has settled; its result or error is passed through. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    return this.enqueue(this.rest, work);
  }

  /**
   * Runs `work` after the piece of work running now, ahead of everything still waiting in `run`'s lane:
   * the inbox's commit, which WeChat's acknowledgements wait for, does not queue behind routing and
   * sending work. It only ever overtakes work that has not started, so nothing interleaves.
   */
  runFirst<T>(work: () => T | Promise<T>): Promise<T> {
    return this.enqueue(this.first, work);
  }

  private enqueue<T>(lane: Job[], work: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      lane.push({ work, queuedAt: Date.now(), resolve: resolve as (value: unknown) => void, reject });
      if (this.active) return;
      this.active = true;
      queueMicrotask(() => this.next());
    });
  }

  private next(): void {
    const job = this.first.shift() ?? this.rest.shift();
    if (job === undefined) {
      this.active = false;
      return;
    }
    this.attempt(job.work, job.queuedAt)
      .then(job.resolve, job.reject)
      .finally(() => this.next());
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
