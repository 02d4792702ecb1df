// SQLite adapter of ApiTokenStore (core/ports/auth.ts); table `api_tokens` (migrations/04-api-tokens-and-logins.ts).
import type { Database, Statement } from 'better-sqlite3';
import type { ApiToken, ApiTokenStore } from '../core/ports/auth';
import { grantFromColumns, grantToColumns, type GrantColumns } from './auth-grant-columns';

interface Row extends GrantColumns {
  id: string;
  name: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

const toToken = (r: Row): ApiToken => ({
  id: r.id,
  name: r.name,
  grant: grantFromColumns(r),
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  ...(r.last_used_at !== null && { lastUsedAt: r.last_used_at }),
  ...(r.revoked_at !== null && { revokedAt: r.revoked_at }),
});

export class SqliteApiTokenStore implements ApiTokenStore {
  private readonly insert: Statement<[Row]>;
  private readonly byId: Statement<[string], Row>;
  private readonly byHash: Statement<[string], Row>;
  private readonly all: Statement<[], Row>;
  private readonly revokeStmt: Statement<[number, string]>;
  private readonly touchStmt: Statement<[number, string]>;

  constructor(db: Database) {
    this.insert = db.prepare(
      `INSERT INTO api_tokens (id, name, role, channel_id, merchant_id, agent_id, token_hash, created_at, last_used_at, revoked_at)
       VALUES (@id, @name, @role, @channel_id, @merchant_id, @agent_id, @token_hash, @created_at, @last_used_at, @revoked_at)`,
    );
    this.byId = db.prepare('SELECT * FROM api_tokens WHERE id = ?');
    this.byHash = db.prepare('SELECT * FROM api_tokens WHERE token_hash = ?');
    this.all = db.prepare('SELECT * FROM api_tokens ORDER BY created_at, id');
    this.revokeStmt = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.touchStmt = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  }

  async add(t: ApiToken): Promise<void> {
    this.insert.run({
      id: t.id,
      name: t.name,
      ...grantToColumns(t.grant),
      token_hash: t.tokenHash,
      created_at: t.createdAt,
      last_used_at: t.lastUsedAt ?? null,
      revoked_at: t.revokedAt ?? null,
    });
  }

  async get(id: string) {
    const r = this.byId.get(id);
    return r && toToken(r);
  }

  async findByHash(hash: string) {
    const r = this.byHash.get(hash);
    return r && toToken(r);
  }

  async list() {
    return this.all.all().map(toToken);
  }

  async revoke(id: string, at: number) {
    return this.revokeStmt.run(at, id).changes > 0;
  }

  async touch(id: string, at: number) {
    this.touchStmt.run(at, id);
  }
}
