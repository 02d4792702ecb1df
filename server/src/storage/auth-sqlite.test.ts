// The SQLite auth stores' schema (their behaviour is in contract/auth-store-contract.ts), and how they share
// the connection with the units of work and the write lock with other connections.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { sqliteAuthStores } from './auth-sqlite';
import { openDatabase } from './database';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-auth-'));
  db = openDatabase(join(dir, 'kefu.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('the migration refuses incomplete grants', () => {
  expect(() =>
    db.prepare("INSERT INTO api_tokens (id, name, role, token_hash, created_at) VALUES ('x', 'x', 'agent', 'h', 1)").run(),
  ).toThrow(/CHECK/);
});

const ACCOUNT = {
  id: 'acc_1',
  username: 'xiaowang',
  passwordHash: 'hash',
  grant: { role: 'platform_admin' as const },
  createdAt: 1,
  passwordChangedAt: 1,
};
const session = (tokenHash: string) => ({ tokenHash, accountId: ACCOUNT.id, createdAt: 2, expiresAt: 9_999_999_999_999 });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('a login made while a unit of work is open is not rolled back with that unit', async () => {
  const auth = sqliteAuthStores(db);
  await auth.accounts.add(ACCOUNT);
  const uow = new SqliteUnitOfWork(db);
  // A unit that is still running when the login arrives, and then fails.
  const failing = uow.run(async () => {
    await pause(30);
    throw new Error('the unit failed');
  });
  await pause(5);
  await auth.sessions.add(session('during-the-unit'));
  await expect(failing).rejects.toThrow('the unit failed');
  await expect(auth.sessions.find('during-the-unit')).resolves.toMatchObject({ accountId: ACCOUNT.id });
});

it('a login waits out a moment’s hold on the write lock (a checkpoint, another process) instead of failing', async () => {
  const auth = sqliteAuthStores(db);
  await auth.accounts.add(ACCOUNT);
  const other = new BetterSqlite3(join(dir, 'kefu.db'));
  other.prepare('BEGIN IMMEDIATE').run();
  setTimeout(() => other.prepare('COMMIT').run(), 100);
  try {
    await auth.sessions.add(session('after-the-hold'));
    await auth.tokens.touch('no-such-token', 3);
  } finally {
    other.close();
  }
  await expect(auth.sessions.find('after-the-hold')).resolves.toMatchObject({ accountId: ACCOUNT.id });
});
