// SQLite adapter of the TokenStore port (core/ports/token-store.ts). Stores the token as given: wrap it
// in EncryptedTokenStore to seal it at rest. Calls go through the connection's serial queue, so they
// never land inside a unit of work that is open on the same connection.
import type { Database, Statement } from 'better-sqlite3';
import type { StoredToken, TokenKind, TokenStore } from '../core/ports/token-store';
import { serialFor, type SerialQueue } from './serial-lock';

interface Row {
  app_id: string;
  source: TokenKind;
  token: string;
  obtained_at: number;
  expires_at: number;
}

export class SqliteTokenStore implements TokenStore {
  private readonly selectStmt: Statement<[string, string], Row>;
  private readonly upsertStmt: Statement<[Row]>;
  private readonly deleteStmt: Statement<[string, string, string]>;

  private readonly queue: SerialQueue;

  constructor(db: Database) {
    this.queue = serialFor(db);
    this.selectStmt = db.prepare('SELECT * FROM access_tokens WHERE app_id = ? AND source = ?');
    this.upsertStmt = db.prepare(
      `INSERT INTO access_tokens (app_id, source, token, obtained_at, expires_at)
       VALUES (@app_id, @source, @token, @obtained_at, @expires_at)
       ON CONFLICT (app_id, source) DO UPDATE SET
         token = excluded.token, obtained_at = excluded.obtained_at, expires_at = excluded.expires_at`,
    );
    this.deleteStmt = db.prepare('DELETE FROM access_tokens WHERE app_id = ? AND source = ? AND token = ?');
  }

  load(appId: string, source: TokenKind): Promise<StoredToken | undefined> {
    return this.queue.run(() => {
      const row = this.selectStmt.get(appId, source);
      if (!row) return undefined;
      return { appId: row.app_id, source: row.source, token: row.token, obtainedAt: row.obtained_at, expiresAt: row.expires_at };
    });
  }

  save(t: StoredToken): Promise<void> {
    return this.queue.run(
      () =>
        void this.upsertStmt.run({ app_id: t.appId, source: t.source, token: t.token, obtained_at: t.obtainedAt, expires_at: t.expiresAt }),
    );
  }

  discard(appId: string, source: TokenKind, token: string): Promise<void> {
    return this.queue.run(() => void this.deleteStmt.run(appId, source, token));
  }
}
