// Opens the embedded SQLite store: one file, WAL so readers never block the writer, migrated on open.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrations as defaultMigrations, runMigrations, type Migration } from './migrations/runner';

export interface OpenDatabaseOptions {
  migrations?: readonly Migration[];
  /** How long a writer waits for another connection's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the last commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
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
