// One connection, one piece of work at a time. better-sqlite3 is synchronous, but a unit of work is an
// async function: while it awaits, anything else that used the same connection would run its statements
// inside the unit's open transaction (and be rolled back with it). Every adapter of a connection goes
// through the one queue returned by serialFor(db), so units and single statements never interleave.
import type { Database } from 'better-sqlite3';

export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` after everything queued before it has settled; its result or error is passed through. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
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
