// Opens the embedded SQLite store: one file, WAL so readers never block the writer, migrated on open.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { isBusyError } from '../core/ports/database-busy';
import { migrations as defaultMigrations, runMigrations, type Migration } from './migrations/runner';

export const DEFAULT_BUSY_TIMEOUT_MS = 5;

export interface OpenDatabaseOptions {
  migrations?: readonly Migration[];
  /**
   * How long SQLite itself waits for another connection's lock before SQLITE_BUSY. Its wait blocks the
   * event loop, so it stays a few milliseconds; longer waits happen asynchronously in serial-lock.ts.
   */
  busyTimeoutMs?: number;
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the last commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    // SQLite's default page cache is 2 MB; with millions of messages the unique and conversation indexes
    // no longer fit and every lookup reads pages again. 64 MB of cache and memory-mapped reads keep them hot.
    db.pragma('cache_size = -65536');
    db.pragma('mmap_size = 268435456');
    runMigrations(db, options.migrations ?? defaultMigrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * What /healthz reports: reads are answered (or this throws), and whether another connection holds the
 * write lock right now. The probe waits at most the short busy_timeout; while one of our own units is
 * open this connection holds the lock itself.
 */
export function databaseHealth(db: Database): { busy: boolean } {
  db.prepare('SELECT 1').get();
  if (db.inTransaction) return { busy: false };
  try {
    db.prepare('BEGIN IMMEDIATE').run();
    db.prepare('ROLLBACK').run();
    return { busy: false };
  } catch (error) {
    if (isBusyError(error)) return { busy: true };
    throw error;
  }
}
