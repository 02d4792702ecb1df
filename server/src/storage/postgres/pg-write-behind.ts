// Write-behind inside a unit of work on PostgreSQL: the unit's inserts and upserts (the customer, the
// conversation, the messages, the outbox row, the inbox entry marked done) are held back and sent as
// ONE statement (data-modifying CTEs) when the unit ends, or, in a batch, when the batch commits:
// instead of one round trip each. Routing a push was a dozen round trips, each costing the node a
// system call and the database a wake-up.
//
// Why the unit sees the same database as without it:
// - a statement that reads a table with a held-back write sends the writes first (the tables a SELECT
//   reads are taken from its FROM and JOIN clauses; any other statement, or a SELECT whose tables are
//   not found, sends them first whatever it touches);
// - the repositories' own caches already answer from what was written;
// - two saves of one row (an upsert by id) keep the last only, which is what the table ends up holding:
//   one statement may not touch a row twice;
// - what is held is sent inside the transaction, before COMMIT, so a failing write (a duplicate
//   message) fails it, and a write's check (markDone's "still pending and ours") runs on the count of
//   rows it touched. Sent at a unit's end, a failure is that unit's; sent for a whole batch, it is
//   marked (heldWriteFailed) and the batch finds the unit it belongs to (pg-unit-batch.ts).
// There are no foreign keys between these tables, and unique checks are per row, so the writes of one
// statement need no order among themselves.
import type pg from 'pg';
import type { Queryable } from './pool';

export interface DeferredWrite {
  /** One INSERT or UPDATE, with $1… parameters, without RETURNING. */
  sql: string;
  values: unknown[];
  /** The table it writes. */
  table: string;
  /** Writes with the same key replace each other (upserts of one row by id). */
  key?: string;
  /** Called with the rows the write touched: an error fails the unit. */
  check?: (rows: number) => Error | undefined;
}

interface Deferring extends Queryable {
  defer(write: DeferredWrite): void;
}

const canDefer = (db: Queryable): db is Deferring => typeof (db as Partial<Deferring>).defer === 'function';

/** Holds `write` back on a unit's deferring connection; elsewhere (the pool) runs it now. */
export async function writeOn(db: Queryable, write: DeferredWrite): Promise<void> {
  if (canDefer(db)) return db.defer(write);
  const result = await db.query(write.sql, write.values);
  const error = write.check?.(result.rowCount ?? 0);
  if (error) throw error;
}

/** True for an error of held-back writes: when writes of several units were held, it is none's in particular. */
export const heldWriteFailed = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { heldWrites?: boolean }).heldWrites === true;

/** The tables a statement reads, when it is a plain SELECT; undefined means "it may touch anything". */
const readsCache = new Map<string, readonly string[] | undefined>();

function tablesRead(text: string): readonly string[] | undefined {
  if (readsCache.has(text)) return readsCache.get(text);
  const tables = /^\s*SELECT\b/i.test(text) ? [...text.matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)/gi)].map((m) => m[1] as string) : [];
  const reads = tables.length > 0 ? tables : undefined;
  if (readsCache.size < 2000) readsCache.set(text, reads);
  return reads;
}

const renumbered = (sql: string, offset: number) => sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);

export class WriteBehind implements Deferring {
  private held: DeferredWrite[] = [];

  constructor(private readonly db: Queryable) {}

  defer(write: DeferredWrite): void {
    const same = write.key === undefined ? -1 : this.held.findIndex((w) => w.key === write.key);
    if (same >= 0) this.held[same] = write;
    else this.held.push(write);
  }

  async query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    if (this.held.length > 0) {
      const reads = tablesRead(text);
      if (reads === undefined || this.held.some((w) => reads.includes(w.table))) await this.flush();
    }
    return this.db.query<R>(text, values);
  }

  /** Forgets what is held (the unit failed: its transaction or batch attempt is rolled back). */
  discard(): void {
    this.held = [];
  }

  /** Sends what is held, as one statement; throws the first failed check. Its errors say so (heldWriteFailed). */
  async flush(): Promise<void> {
    const writes = this.held;
    this.held = [];
    if (writes.length === 0) return;
    try {
      await this.send(writes);
    } catch (error) {
      if (typeof error === 'object' && error !== null) (error as { heldWrites?: boolean }).heldWrites = true;
      throw error;
    }
  }

  private async send(writes: readonly DeferredWrite[]): Promise<void> {
    let counts: number[];
    if (writes.length === 1) {
      const [w] = writes as [DeferredWrite];
      counts = [(await this.db.query(w.sql, w.values)).rowCount ?? 0];
    } else {
      const values: unknown[] = [];
      const parts = writes.map((w, i) => {
        const part = `w${i} AS (${renumbered(w.sql, values.length)} RETURNING 1)`;
        values.push(...w.values);
        return part;
      });
      const select = writes.map((_, i) => `(SELECT count(*) FROM w${i})::int AS w${i}`).join(', ');
      const { rows } = await this.db.query<Record<string, number>>(`WITH ${parts.join(', ')} SELECT ${select}`, values);
      counts = writes.map((_, i) => rows[0]?.[`w${i}`] ?? 0);
    }
    for (const [i, w] of writes.entries()) {
      const error = w.check?.(counts[i] ?? 0);
      if (error) throw error;
    }
  }
}
