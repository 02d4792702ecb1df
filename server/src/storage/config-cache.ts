// The records routing reads for nearly every message and people change a few times a day: agents, skill
// groups, work calendars and routing settings. Kept across units of work, so a customer's message does
// not read the merchant's team, groups and settings again each time (5 of a routed message's statements).
//
// When a kept record could be stale, and what empties it:
// - this connection saves one: every save goes through the repository of its table, which empties that
//   table's part (there is one unit of work, so one set of repositories, per connection);
// - another connection (the CLI, a second process) commits anything: SQLite's
//   `PRAGMA data_version` changes, and it is read when a unit's transaction begins (while ours is open,
//   nobody else can commit: BEGIN IMMEDIATE holds the write lock);
// - a unit or savepoint rolls back: what was read after one of its saves was never committed.
// Outside a unit (repositories used without SqliteUnitOfWork) nothing is kept or served.
// Lists are handed out as copies (callers may sort them); the records in them are shared, which is safe
// because records are never changed in place (updates are `{ ...r, x }` copies).
import type { Database, Statement } from 'better-sqlite3';

/** webhook_endpoints: kept by PostgreSQL's units only, for one transaction (pg-webhook-store.ts). */
export type ConfigTable = 'agents' | 'skill_groups' | 'work_calendars' | 'routing_settings' | 'webhook_endpoints';

export class ConfigCache {
  private open = false;
  private readonly tables = new Map<ConfigTable, Map<string, unknown>>();
  private seenVersion: number | undefined;
  private readonly dataVersion: Statement<[], number> | undefined;

  /** Without a database it never sees other connections' commits: for units that own their connection. */
  constructor(db?: Database) {
    this.dataVersion = db?.prepare<[], number>('PRAGMA data_version').pluck();
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** `load()`'s value for `key`, from memory while nothing can have changed it. */
  read<V>(table: ConfigTable, key: string, load: () => V): V {
    if (!this.open) return load();
    let kept = this.tables.get(table);
    if (kept === undefined) this.tables.set(table, (kept = new Map()));
    if (kept.has(key)) return kept.get(key) as V;
    const value = load();
    kept.set(key, value);
    return value;
  }

  /** A record of `table` was written on this connection. */
  wrote(table: ConfigTable): void {
    this.tables.get(table)?.clear();
  }

  /** The outermost transaction of a unit began: drop everything if another connection committed since. */
  began(): void {
    const version = this.dataVersion?.get();
    if (version !== this.seenVersion) this.forget();
    this.seenVersion = version;
    this.open = true;
  }

  /** The unit is over (committed): keep what it read, serve nothing until the next one. */
  ended(): void {
    this.open = false;
  }

  /** A unit or savepoint rolled back. */
  rolledBack(): void {
    this.forget();
  }

  private forget(): void {
    for (const kept of this.tables.values()) kept.clear();
  }
}
