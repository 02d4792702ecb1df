// SQLite adapters of AccountStore and SessionStore (core/ports/auth.ts); tables `login_accounts` and
// `login_sessions` (migrations/04-api-tokens-and-logins.ts). Sessions go with their account (ON DELETE CASCADE).
// Writes go through the connection's serial queue (serial-lock.ts), as every adapter's do: a login never
// lands inside a unit's open transaction (to be rolled back with it), and a moment's hold on the write lock
// (a checkpoint starting the log again, another process) is waited out instead of failing the login. Reads
// go straight to the connection: a unit reads them too (the audit log names an entry's actor) and would wait
// for itself in the queue, and no unit writes these tables, so a read never sees a write not yet committed.
import type { Database, Statement } from 'better-sqlite3';
import type { AccountStore, Grant, LoginAccount, LoginSession, SessionStore } from '../core/ports/auth';
import { type GrantColumns, grantToColumns } from './auth-grant-columns';
import { type AccountRow, accountFromRow } from './auth-rows';
import { type SerialQueue, serialFor } from './serial-lock';

export class SqliteAccountStore implements AccountStore {
  private readonly queue: SerialQueue;
  private readonly insert: Statement<[AccountRow]>;
  private readonly byId: Statement<[string], AccountRow>;
  private readonly byName: Statement<[string], AccountRow>;
  private readonly all: Statement<[], AccountRow>;
  private readonly setPw: Statement<[string, number, string]>;
  private readonly del: Statement<[string]>;
  private readonly setGrantStmt: Statement<[GrantColumns & { id: string }]>;

  constructor(db: Database) {
    this.queue = serialFor(db);
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

  add(a: LoginAccount) {
    const row = {
      id: a.id,
      username: a.username,
      password_hash: a.passwordHash,
      ...grantToColumns(a.grant),
      created_at: a.createdAt,
      password_changed_at: a.passwordChangedAt,
    };
    return this.queue.run(() => this.insert.run(row).changes > 0);
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

  setPassword(id: string, hash: string, at: number) {
    return this.queue.run(() => void this.setPw.run(hash, at, id));
  }

  setGrant(id: string, grant: Grant) {
    return this.queue.run(() => this.setGrantStmt.run({ id, ...grantToColumns(grant) }).changes > 0);
  }

  remove(id: string) {
    return this.queue.run(() => this.del.run(id).changes > 0);
  }
}

interface SessionRow {
  token_hash: string;
  account_id: string;
  created_at: number;
  expires_at: number;
}

export class SqliteSessionStore implements SessionStore {
  private readonly queue: SerialQueue;
  private readonly insert: Statement<[SessionRow]>;
  private readonly byHash: Statement<[string], SessionRow>;
  private readonly del: Statement<[string]>;
  private readonly delAccount: Statement<[string]>;
  private readonly delExpired: Statement<[number]>;

  constructor(db: Database) {
    this.queue = serialFor(db);
    this.insert = db.prepare(
      'INSERT INTO login_sessions (token_hash, account_id, created_at, expires_at) VALUES (@token_hash, @account_id, @created_at, @expires_at)',
    );
    this.byHash = db.prepare('SELECT * FROM login_sessions WHERE token_hash = ?');
    this.del = db.prepare('DELETE FROM login_sessions WHERE token_hash = ?');
    this.delAccount = db.prepare('DELETE FROM login_sessions WHERE account_id = ?');
    this.delExpired = db.prepare('DELETE FROM login_sessions WHERE expires_at <= ?');
  }

  add(s: LoginSession) {
    const row = { token_hash: s.tokenHash, account_id: s.accountId, created_at: s.createdAt, expires_at: s.expiresAt };
    return this.queue.run(() => void this.insert.run(row));
  }

  async find(hash: string) {
    const r = this.byHash.get(hash);
    return r && { tokenHash: r.token_hash, accountId: r.account_id, createdAt: r.created_at, expiresAt: r.expires_at };
  }

  remove(hash: string) {
    return this.queue.run(() => void this.del.run(hash));
  }

  removeByAccount(accountId: string) {
    return this.queue.run(() => void this.delAccount.run(accountId));
  }

  removeExpired(now: number) {
    return this.queue.run(() => this.delExpired.run(now).changes);
  }
}
