// The supervisors-and-agent-seats step on a database written before it: tokens, accounts and their
// sessions read back unchanged (old agent rows as one-agent logins), and the new grants can be stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteAccountStore, SqliteSessionStore } from '../auth-sqlite-accounts';
import { SqliteApiTokenStore } from '../auth-sqlite-tokens';
import { openDatabase } from '../database';
import { supervisorsAndAgentSeatsSchema } from './24-supervisors-and-agent-seats';
import { migrations, runMigrations } from './runner';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-migration-roles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function oldDatabase(file: string): void {
  const old = new BetterSqlite3(file);
  old.pragma('foreign_keys = ON');
  runMigrations(
    old,
    migrations.slice(
      0,
      migrations.findIndex((m) => m.sql === supervisorsAndAgentSeatsSchema),
    ),
  );
  old.exec(`
    INSERT INTO api_tokens (id, name, role, agent_id, token_hash, created_at) VALUES ('t1', 'crm', 'agent', 'a1', 'h1', 1);
    INSERT INTO login_accounts (id, username, password_hash, role, channel_id, merchant_id, created_at, password_changed_at)
      VALUES ('u1', 'mei', 'scrypt$x', 'merchant_admin', 'ch1', 'm1', 1, 1);
    INSERT INTO login_accounts (id, username, password_hash, role, agent_id, created_at, password_changed_at)
      VALUES ('u2', 'li', 'scrypt$y', 'agent', 'a1', 2, 2);
    INSERT INTO login_sessions (token_hash, account_id, created_at, expires_at) VALUES ('s1', 'u2', 1, 100);
  `);
  old.close();
}

it('keeps tokens, accounts and their sessions, and then stores supervisors and several-agent logins', async () => {
  const file = join(dir, 'old.db');
  oldDatabase(file);
  const db = openDatabase(file);
  const tokens = new SqliteApiTokenStore(db);
  const accounts = new SqliteAccountStore(db);
  const sessions = new SqliteSessionStore(db);
  expect((await tokens.get('t1'))?.grant).toEqual({ role: 'agent', agentId: 'a1' });
  expect((await accounts.list()).map((a) => a.grant)).toEqual([
    { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm1' },
    { role: 'agent', agentId: 'a1' },
  ]);
  expect(await sessions.find('s1')).toEqual({ tokenHash: 's1', accountId: 'u2', createdAt: 1, expiresAt: 100 });
  const grant = { role: 'agent' as const, agentId: 'a1', agentIds: ['a1', 'b1'] };
  expect(await accounts.add({ id: 'u3', username: 'wang', passwordHash: 'scrypt$z', grant, createdAt: 3, passwordChangedAt: 3 })).toBe(
    true,
  );
  await tokens.add({ id: 't2', name: 'lead', grant: { role: 'supervisor', channelId: 'ch1' }, tokenHash: 'h2', createdAt: 2 });
  expect((await accounts.get('u3'))?.grant).toEqual(grant);
  expect((await tokens.get('t2'))?.grant).toEqual({ role: 'supervisor', channelId: 'ch1' });
  // The sessions table still goes with its account.
  expect(await accounts.remove('u2')).toBe(true);
  expect(await sessions.find('s1')).toBeUndefined();
  expect(() =>
    db.prepare("INSERT INTO api_tokens (id, name, role, token_hash, created_at) VALUES ('t3', 'x', 'supervisor', 'h3', 1)").run(),
  ).toThrow(/CHECK/);
  db.close();
});
