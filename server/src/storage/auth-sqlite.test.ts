// The SQLite auth stores' schema (their behaviour is in contract/auth-store-contract.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from './database';

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
