// The login throttle's counts in PostgreSQL, shared by every node. A change takes a transaction-scoped
// advisory lock per key (in sorted order, so two changes never deadlock; a lock works for a key with no
// row yet, which a row lock would not), reads the rows, and writes the change before committing: a burst
// of concurrent guesses on several nodes is thereby counted one at a time, before any password check.
import type pg from 'pg';
import type { AttemptChange, AttemptEntry, LoginAttemptStore } from '../../core/ports/login-attempts';
import { inTransaction } from './pool';

/** Keys past this age without a failure are deleted now and then, so a flood of usernames cannot grow the table for ever. */
const PRUNE_AFTER_MS = 24 * 60 * 60_000;
const PRUNE_EVERY = 200;

interface Row {
  key: string;
  failures: number;
  last_failure_at: number;
  blocked_until: number;
}

export class PgLoginAttempts implements LoginAttemptStore {
  private changes = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => number = Date.now,
  ) {}

  async update<T>(keys: readonly string[], change: (entries: (AttemptEntry | undefined)[]) => AttemptChange<T>): Promise<T> {
    const result = await inTransaction(this.pool, async (client) => {
      for (const key of [...keys].sort()) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`login:${key}`]);
      const { rows } = await client.query<Row>('SELECT * FROM login_attempts WHERE key = ANY($1)', [keys]);
      const stored = keys.map((key) => rows.find((r) => r.key === key)).map((r) => r && toEntry(r));
      const { entries, result } = change(stored);
      for (const [i, key] of keys.entries()) await write(client, key, entries[i]);
      return result;
    });
    if (++this.changes % PRUNE_EVERY === 0) await this.prune();
    return result;
  }

  private async prune(): Promise<void> {
    const before = this.now() - PRUNE_AFTER_MS;
    await this.pool.query('DELETE FROM login_attempts WHERE last_failure_at < $1 AND blocked_until < $2', [before, this.now()]);
  }
}

const toEntry = (r: Row): AttemptEntry => ({ failures: r.failures, lastFailureAt: r.last_failure_at, blockedUntil: r.blocked_until });

async function write(client: pg.PoolClient, key: string, entry: AttemptEntry | undefined): Promise<void> {
  if (!entry) {
    await client.query('DELETE FROM login_attempts WHERE key = $1', [key]);
    return;
  }
  await client.query(
    `INSERT INTO login_attempts (key, failures, last_failure_at, blocked_until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET failures = $2, last_failure_at = $3, blocked_until = $4`,
    [key, entry.failures, entry.lastFailureAt, entry.blockedUntil],
  );
}
