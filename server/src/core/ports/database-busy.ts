// The storage's answer when another writer (another process on the same database file) holds the write
// lock for longer than the adapter is willing to wait. Nothing of the refused work was written, so the
// caller may simply try again later: the push endpoint answers 503 (WeChat retries the push), the API
// answers 503 with Retry-After, and the background workers pick the work up on their next round.
export class DatabaseBusy extends Error {
  override readonly name = 'DatabaseBusy';
  /** Matched by shape by the HTTP edge's one failure path. */
  readonly status = 503;
  readonly code = 'database_busy';
  readonly publicMessage = 'the database is busy; try again shortly';
  constructor(
    /** How long the work waited for the lock before giving up. */
    readonly waitedMs: number,
    /** A hint for the caller's Retry-After. */
    readonly retryAfterMs = 1000,
  ) {
    super(`the database stayed locked by another writer for ${waitedMs} ms`);
  }
}

/** better-sqlite3's SqliteError codes: SQLITE_BUSY and its extended forms (SQLITE_BUSY_SNAPSHOT, …). */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
