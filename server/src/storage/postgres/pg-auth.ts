// PostgreSQL adapters of the auth ports (core/ports/auth.ts): API tokens, login accounts and sessions,
// each call one autocommitted statement on the pool. Sessions go with their account (ON DELETE CASCADE).
import type pg from 'pg';
import type { AccountStore, ApiToken, ApiTokenStore, AuthStores, LoginAccount, LoginSession, SessionStore } from '../../core/ports/auth';
import { grantToColumns } from '../auth-grant-columns';
import { type AccountRow, accountFromRow, type TokenRow, tokenFromRow } from '../auth-rows';

const grantValues = (g: ApiToken['grant']) => {
  const c = grantToColumns(g);
  return [c.role, c.channel_id, c.merchant_id, c.agent_id, c.agent_ids];
};

async function rowsOf<R extends pg.QueryResultRow>(pool: pg.Pool, sql: string, values: unknown[] = []): Promise<R[]> {
  return (await pool.query<R>(sql, values)).rows;
}

export class PgApiTokenStore implements ApiTokenStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(t: ApiToken): Promise<void> {
    await this.pool.query(
      `INSERT INTO api_tokens (id, name, role, channel_id, merchant_id, agent_id, agent_ids, token_hash, created_at, last_used_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [t.id, t.name, ...grantValues(t.grant), t.tokenHash, t.createdAt, t.lastUsedAt ?? null, t.revokedAt ?? null],
    );
  }

  async get(id: string): Promise<ApiToken | undefined> {
    return (await rowsOf<TokenRow>(this.pool, 'SELECT * FROM api_tokens WHERE id = $1', [id])).map(tokenFromRow)[0];
  }

  async findByHash(hash: string): Promise<ApiToken | undefined> {
    return (await rowsOf<TokenRow>(this.pool, 'SELECT * FROM api_tokens WHERE token_hash = $1', [hash])).map(tokenFromRow)[0];
  }

  async list(): Promise<ApiToken[]> {
    return (await rowsOf<TokenRow>(this.pool, 'SELECT * FROM api_tokens ORDER BY created_at, id')).map(tokenFromRow);
  }

  async revoke(id: string, at: number): Promise<boolean> {
    const r = await this.pool.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
    return (r.rowCount ?? 0) > 0;
  }

  async touch(id: string, at: number): Promise<void> {
    await this.pool.query('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [at, id]);
  }
}

export class PgAccountStore implements AccountStore {
  constructor(private readonly pool: pg.Pool) {}

  /** ON CONFLICT DO NOTHING: a taken username is an answer (false), not an exception. */
  async add(a: LoginAccount): Promise<boolean> {
    const r = await this.pool.query(
      `INSERT INTO login_accounts (id, username, password_hash, role, channel_id, merchant_id, agent_id, agent_ids, created_at, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (username) DO NOTHING`,
      [a.id, a.username, a.passwordHash, ...grantValues(a.grant), a.createdAt, a.passwordChangedAt],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async get(id: string): Promise<LoginAccount | undefined> {
    return (await rowsOf<AccountRow>(this.pool, 'SELECT * FROM login_accounts WHERE id = $1', [id])).map(accountFromRow)[0];
  }

  async findByUsername(username: string): Promise<LoginAccount | undefined> {
    return (await rowsOf<AccountRow>(this.pool, 'SELECT * FROM login_accounts WHERE username = $1', [username])).map(accountFromRow)[0];
  }

  async list(): Promise<LoginAccount[]> {
    return (await rowsOf<AccountRow>(this.pool, 'SELECT * FROM login_accounts ORDER BY created_at, id')).map(accountFromRow);
  }

  async setPassword(id: string, hash: string, at: number): Promise<void> {
    await this.pool.query('UPDATE login_accounts SET password_hash = $1, password_changed_at = $2 WHERE id = $3', [hash, at, id]);
  }

  async setGrant(id: string, grant: LoginAccount['grant']): Promise<boolean> {
    const r = await this.pool.query(
      'UPDATE login_accounts SET role = $2, channel_id = $3, merchant_id = $4, agent_id = $5, agent_ids = $6 WHERE id = $1',
      [id, ...grantValues(grant)],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async remove(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM login_accounts WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }
}

interface SessionRow {
  token_hash: string;
  account_id: string;
  created_at: number;
  expires_at: number;
}

export class PgSessionStore implements SessionStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(s: LoginSession): Promise<void> {
    await this.pool.query('INSERT INTO login_sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      s.tokenHash,
      s.accountId,
      s.createdAt,
      s.expiresAt,
    ]);
  }

  async find(hash: string): Promise<LoginSession | undefined> {
    const [r] = await rowsOf<SessionRow>(this.pool, 'SELECT * FROM login_sessions WHERE token_hash = $1', [hash]);
    return r && { tokenHash: r.token_hash, accountId: r.account_id, createdAt: r.created_at, expiresAt: r.expires_at };
  }

  async remove(hash: string): Promise<void> {
    await this.pool.query('DELETE FROM login_sessions WHERE token_hash = $1', [hash]);
  }

  async removeByAccount(accountId: string): Promise<void> {
    await this.pool.query('DELETE FROM login_sessions WHERE account_id = $1', [accountId]);
  }

  async removeExpired(now: number): Promise<number> {
    return (await this.pool.query('DELETE FROM login_sessions WHERE expires_at <= $1', [now])).rowCount ?? 0;
  }
}

export function pgAuthStores(pool: pg.Pool): AuthStores {
  return { tokens: new PgApiTokenStore(pool), accounts: new PgAccountStore(pool), sessions: new PgSessionStore(pool) };
}
