// SQLite adapter of the TokenStore port (core/ports/token-store.ts).
import type { Database, Statement } from 'better-sqlite3';
import type { StoredToken, TokenSource, TokenStore } from '../core/ports/token-store';

interface Row {
  app_id: string;
  source: TokenSource;
  token: string;
  obtained_at: number;
  expires_at: number;
}

export class SqliteTokenStore implements TokenStore {
  private readonly selectStmt: Statement<[string, string], Row>;
  private readonly upsertStmt: Statement<[Row]>;
  private readonly deleteStmt: Statement<[string, string, string]>;

  constructor(db: Database) {
    this.selectStmt = db.prepare('SELECT * FROM access_tokens WHERE app_id = ? AND source = ?');
    this.upsertStmt = db.prepare(
      `INSERT INTO access_tokens (app_id, source, token, obtained_at, expires_at)
       VALUES (@app_id, @source, @token, @obtained_at, @expires_at)
       ON CONFLICT (app_id, source) DO UPDATE SET
         token = excluded.token, obtained_at = excluded.obtained_at, expires_at = excluded.expires_at`,
    );
    this.deleteStmt = db.prepare('DELETE FROM access_tokens WHERE app_id = ? AND source = ? AND token = ?');
  }

  async load(appId: string, source: TokenSource): Promise<StoredToken | undefined> {
    const row = this.selectStmt.get(appId, source);
    if (!row) return undefined;
    return { appId: row.app_id, source: row.source, token: row.token, obtainedAt: row.obtained_at, expiresAt: row.expires_at };
  }

  async save(t: StoredToken): Promise<void> {
    this.upsertStmt.run({ app_id: t.appId, source: t.source, token: t.token, obtained_at: t.obtainedAt, expires_at: t.expiresAt });
  }

  async discard(appId: string, source: TokenSource, token: string): Promise<void> {
    this.deleteStmt.run(appId, source, token);
  }
}
