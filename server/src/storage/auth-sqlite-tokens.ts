// SQLite adapter of ApiTokenStore (core/ports/auth.ts); table `api_tokens` (migrations/04-api-tokens-and-logins.ts).
// Writes go through the connection's serial queue and reads straight to the connection, as the login
// stores' do (auth-sqlite-accounts.ts says why).
import type { Database, Statement } from 'better-sqlite3';
import type { ApiToken, ApiTokenStore } from '../core/ports/auth';
import { grantToColumns } from './auth-grant-columns';
import { type TokenRow, tokenFromRow } from './auth-rows';
import { type SerialQueue, serialFor } from './serial-lock';

export class SqliteApiTokenStore implements ApiTokenStore {
  private readonly queue: SerialQueue;
  private readonly insert: Statement<[TokenRow]>;
  private readonly byId: Statement<[string], TokenRow>;
  private readonly byHash: Statement<[string], TokenRow>;
  private readonly all: Statement<[], TokenRow>;
  private readonly revokeStmt: Statement<[number, string]>;
  private readonly touchStmt: Statement<[number, string]>;

  constructor(db: Database) {
    this.queue = serialFor(db);
    this.insert = db.prepare(
      `INSERT INTO api_tokens (id, name, role, channel_id, merchant_id, agent_id, agent_ids, token_hash, created_at, last_used_at, revoked_at)
       VALUES (@id, @name, @role, @channel_id, @merchant_id, @agent_id, @agent_ids, @token_hash, @created_at, @last_used_at, @revoked_at)`,
    );
    this.byId = db.prepare('SELECT * FROM api_tokens WHERE id = ?');
    this.byHash = db.prepare('SELECT * FROM api_tokens WHERE token_hash = ?');
    this.all = db.prepare('SELECT * FROM api_tokens ORDER BY created_at, id');
    this.revokeStmt = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.touchStmt = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  }

  add(t: ApiToken): Promise<void> {
    const row = {
      id: t.id,
      name: t.name,
      ...grantToColumns(t.grant),
      token_hash: t.tokenHash,
      created_at: t.createdAt,
      last_used_at: t.lastUsedAt ?? null,
      revoked_at: t.revokedAt ?? null,
    };
    return this.queue.run(() => void this.insert.run(row));
  }

  async get(id: string) {
    const r = this.byId.get(id);
    return r && tokenFromRow(r);
  }

  async findByHash(hash: string) {
    const r = this.byHash.get(hash);
    return r && tokenFromRow(r);
  }

  async list() {
    return this.all.all().map(tokenFromRow);
  }

  revoke(id: string, at: number) {
    return this.queue.run(() => this.revokeStmt.run(at, id).changes > 0);
  }

  touch(id: string, at: number) {
    return this.queue.run(() => void this.touchStmt.run(at, id));
  }
}
