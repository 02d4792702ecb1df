// The auth ports over one SQLite database (main.ts and the CLI open it from DATA_DIR).
import type { Database } from 'better-sqlite3';
import type { AuthStores } from '../core/ports/auth';
import { SqliteAccountStore, SqliteSessionStore } from './auth-sqlite-accounts';
import { SqliteApiTokenStore } from './auth-sqlite-tokens';

export function sqliteAuthStores(db: Database): AuthStores {
  return { tokens: new SqliteApiTokenStore(db), accounts: new SqliteAccountStore(db), sessions: new SqliteSessionStore(db) };
}
