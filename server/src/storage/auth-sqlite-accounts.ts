// SQLite adapters of AccountStore and SessionStore (core/ports/auth.ts); tables `login_accounts` and
// `login_sessions` (migrations/04-api-tokens-and-logins.ts). Sessions go with their account (ON DELETE CASCADE).
import type { Database, Statement } from 'better-sqlite3';
import type { AccountStore, Grant, LoginAccount, LoginSession, SessionStore } from '../core/ports/auth';
import { type GrantColumns, grantToColumns } from './auth-grant-columns';
import { type AccountRow, accountFromRow } from './auth-rows';

export class SqliteAccountStore implements AccountStore {
  private readonly insert: Statement<[AccountRow]>;
  private readonly byId: Statement<[string], AccountRow>;
  private readonly byName: Statement<[string], AccountRow>;
  private readonly all: Statement<[], AccountRow>;
  private readonly setPw: Statement<[string, number, string]>;
  private readonly del: Statement<[string]>;
  private readonly setGrantStmt: Statement<[GrantColumns & { id: string }]>;

  constructor(db: Database) {
    // ON CONFLICT DO NOTHING: a taken username is an answer (false), not an exception.
    this.insert = db.prepare(
      `INSERT INTO login_accounts (id, username, password_hash, role, channel_id, merchant_id, agent_id, agent_ids, created_at, password_changed_at)
       VALUES (@id, @username, @password_hash, @role, @channel_id, @merchant_id, @agent_id, @agent_ids, @created_at, @password_changed_at)
       ON CONFLICT (username) DO NOTHING`,
    );
    this.byId = db.prepare('SELECT * FROM login_accounts WHERE id = ?');
    this.byName = db.prepare('SELECT * FROM login_accounts WHERE username = ?');
    this.all = db.prepare('SELECT * FROM login_accounts ORDER BY created_at, id');
    this.setPw = db.prepare('UPDATE login_accounts SET password_hash = ?, password_changed_at = ? WHERE id = ?');
    this.del = db.prepare('DELETE FROM login_accounts WHERE id = ?');
    this.setGrantStmt = db.prepare(
      `UPDATE login_accounts SET role = @role, channel_id = @channel_id, merchant_id = @merchant_id, agent_id = @agent_id, agent_ids = @agent_ids
       WHERE id = @id`,
    );
  }

  async add(a: LoginAccount) {
    const row = {
      id: a.id,
      username: a.username,
      password_hash: a.passwordHash,
      ...grantToColumns(a.grant),
      created_at: a.createdAt,
      password_changed_at: a.passwordChangedAt,
    };
    return this.insert.run(row).changes > 0;
  }

  async get(id: string) {
    const r = this.byId.get(id);
    return r && accountFromRow(r);
  }

  async findByUsername(username: string) {
    const r = this.byName.get(username);
    return r && accountFromRow(r);
  }

  async list() {
    return this.all.all().map(accountFromRow);
  }

  async setPassword(id: string, hash: string, at: number) {
    this.setPw.run(hash, at, id);
  }

  async setGrant(id: string, grant: Grant) {
    return this.setGrantStmt.run({ id, ...grantToColumns(grant) }).changes > 0;
  }

  async remove(id: string) {
    return this.del.run(id).changes > 0;
  }
}

interface SessionRow {
  token_hash: string;
  account_id: string;
  created_at: number;
  expires_at: number;
}

export class SqliteSessionStore implements SessionStore {
  private readonly insert: Statement<[SessionRow]>;
  private readonly byHash: Statement<[string], SessionRow>;
  private readonly del: Statement<[string]>;
  private readonly delAccount: Statement<[string]>;
  private readonly delExpired: Statement<[number]>;

  constructor(db: Database) {
    this.insert = db.prepare(
      'INSERT INTO login_sessions (token_hash, account_id, created_at, expires_at) VALUES (@token_hash, @account_id, @created_at, @expires_at)',
    );
    this.byHash = db.prepare('SELECT * FROM login_sessions WHERE token_hash = ?');
    this.del = db.prepare('DELETE FROM login_sessions WHERE token_hash = ?');
    this.delAccount = db.prepare('DELETE FROM login_sessions WHERE account_id = ?');
    this.delExpired = db.prepare('DELETE FROM login_sessions WHERE expires_at <= ?');
  }

  async add(s: LoginSession) {
    this.insert.run({ token_hash: s.tokenHash, account_id: s.accountId, created_at: s.createdAt, expires_at: s.expiresAt });
  }

  async find(hash: string) {
    const r = this.byHash.get(hash);
    return r && { tokenHash: r.token_hash, accountId: r.account_id, createdAt: r.created_at, expiresAt: r.expires_at };
  }

  async remove(hash: string) {
    this.del.run(hash);
  }

  async removeByAccount(accountId: string) {
    this.delAccount.run(accountId);
  }

  async removeExpired(now: number) {
    return this.delExpired.run(now).changes;
  }
}
