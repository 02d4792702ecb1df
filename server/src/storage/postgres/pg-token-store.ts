// PostgreSQL adapter of the TokenStore port. Stores the token as given: wrap it in EncryptedTokenStore
// (storage/encrypted-token-store.ts) to seal it at rest, as on SQLite.
import type pg from 'pg';
import type { StoredToken, TokenKind, TokenStore } from '../../core/ports/token-store';
import { withClient } from './pool';

/** The advisory lock class of token refreshes (the second key is a hash of AppID and source). */
const TOKEN_REFRESH_LOCK = 0x6b_74_6b_6e; // "ktkn"

interface Row {
  app_id: string;
  source: TokenKind;
  token: string;
  obtained_at: number;
  expires_at: number;
}

export class PgTokenStore implements TokenStore {
  constructor(private readonly pool: pg.Pool) {}

  async load(appId: string, source: TokenKind): Promise<StoredToken | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM access_tokens WHERE app_id = $1 AND source = $2', [appId, source]);
    const row = rows[0];
    return row && { appId: row.app_id, source: row.source, token: row.token, obtainedAt: row.obtained_at, expiresAt: row.expires_at };
  }

  async save(t: StoredToken): Promise<void> {
    await this.pool.query(
      `INSERT INTO access_tokens (app_id, source, token, obtained_at, expires_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (app_id, source) DO UPDATE SET
         token = excluded.token, obtained_at = excluded.obtained_at, expires_at = excluded.expires_at`,
      [t.appId, t.source, t.token, t.obtainedAt, t.expiresAt],
    );
  }

  /**
   * A session advisory lock on a client of its own, held while `refresh` runs (its reads and writes use
   * other clients of the pool). A node that dies while holding it loses its connection, and so the lock.
   */
  underRefreshLock<T>(appId: string, source: TokenKind, refresh: () => Promise<T>): Promise<T> {
    return withClient(this.pool, async (client) => {
      const key = [TOKEN_REFRESH_LOCK, `${appId}|${source}`];
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', key);
      try {
        return await refresh();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', key);
      }
    });
  }

  async discard(appId: string, source: TokenKind, token: string): Promise<void> {
    await this.pool.query('DELETE FROM access_tokens WHERE app_id = $1 AND source = $2 AND token = $3', [appId, source, token]);
  }
}
