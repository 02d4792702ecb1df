// What the repositories of one unit of work have already read or written, so that a story asking the
// same question twice (the push path asks for a conversation by id four times) pays for one statement.
//
// Why serving from it is safe: the repositories are shared by every unit, but units run one after
// another (the connection's serial queue) and each is one BEGIN IMMEDIATE transaction or one savepoint
// of a batch. Inside it this connection is the only writer: IMMEDIATE holds the write lock, so other
// connections (threads, processes) cannot change a row until we commit, and every write of ours to
// customers, conversations and messages goes through the repository that keeps the cache in step.
// SqliteUnitOfWork opens the cache when a unit (or savepoint) starts and closes it when the unit
// commits, is released or rolls back, and a closed cache neither serves nor keeps anything: nothing
// read outlives its unit, and nothing written survives a ROLLBACK TO that undid it.
//
// Values are handed out as they are, not copied: domain records are treated as immutable (updates are
// `{ ...c, x }` copies), so the same object returned twice in one unit is harmless.
//
// Write-behind: a repository may hold a unit's updates of a row back (the push path changes its customer
// twice: the action that widens WeChat's window, then the send that consumes it) and write the last one
// only. It registers a writer (onFlush) and keeps what is held in a UnitMap; SqliteUnitOfWork flushes
// before COMMIT, before RELEASE of a savepoint and before a savepoint starts, so what is held is written
// inside the transaction (a failing write fails the unit), and ends with the unit like any entry: what a
// rolled-back unit or savepoint held is never written.

/** One lookup table of a repository; empty and inert while no unit is open. */
export class UnitMap<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly cache: UnitCache) {}

  /** The value kept for `key` in this unit (misses included), or `load()`'s, kept for the rest of it. */
  read(key: string, load: () => V): V {
    if (!this.cache.isOpen) return load();
    if (this.entries.has(key)) return this.entries.get(key) as V;
    const value = load();
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    if (this.cache.isOpen) this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Everything kept, handed out and forgotten (a write-behind's held writes). */
  take(): Array<[string, V]> {
    const taken = [...this.entries];
    this.entries.clear();
    return taken;
  }
}

export class UnitCache {
  private open = false;
  private readonly maps: Array<UnitMap<unknown>> = [];
  private readonly writers: Array<() => void> = [];

  get isOpen(): boolean {
    return this.open;
  }

  map<V>(): UnitMap<V> {
    const m = new UnitMap<V>(this);
    this.maps.push(m as UnitMap<unknown>);
    return m;
  }

  /** `write` sends what a repository holds back (write-behind); called by flush(). */
  onFlush(write: () => void): void {
    this.writers.push(write);
  }

  /** Writes what the repositories hold back: before the unit's COMMIT or RELEASE, or a savepoint inside it. */
  flush(): void {
    for (const write of this.writers) write();
  }

  /** A unit or savepoint starts: whatever was kept before belongs to no unit any more. */
  begin(): void {
    this.clearAll();
    this.open = true;
  }

  /** It committed, was released or rolled back. */
  end(): void {
    this.clearAll();
    this.open = false;
  }

  private clearAll(): void {
    for (const m of this.maps) m.clear();
  }
}

/** A key of two parts (ids, openids); the first one's length in front, so that no pair can pass for another. */
export const keyOf = (a: string, b: string): string => `${a.length}:${a}${b}`;
