// The channel-changes step on a database written before it: channels read back unchanged, plaintext
// channels now with the default replay window, encrypted ones without any.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../database';
import { SecretBox } from '../secret-box';
import { SqliteChannelStore } from '../sqlite-channel-store';
import { channelChangesSchema } from './14-channel-changes';
import { migrations, runMigrations } from './runner';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-migration-channel-changes-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const key = randomBytes(32);

it('gives existing plaintext channels the 300 s replay window and keeps everything else', async () => {
  const step = migrations.findIndex((m) => m.sql === channelChangesSchema);
  const file = join(dir, 'old.db');
  const old = new BetterSqlite3(file);
  runMigrations(old, migrations.slice(0, step));
  const box = new SecretBox(key);
  const insert = old.prepare(
    `INSERT INTO channels (id, name, kind, app_id, original_id, mode, format, token_source, created_at, updated_at, app_secret, token)
     VALUES (?, ?, 'official_account', 'wx1234567890', 'gh_abc', ?, 'xml', 'stable', 1, 2, ?, ?)`,
  );
  for (const [id, mode] of [
    ['plain', 'plaintext'],
    ['safe', 'secure'],
  ] as const)
    insert.run(id, id, mode, box.seal('AppSecret0001', `channel ${id} appSecret`), box.seal('Token01', `channel ${id} token`));
  old.close();

  const db = openDatabase(file);
  const store = new SqliteChannelStore(db, box);
  const [plain, safe] = await store.list();
  expect(plain).toMatchObject({ id: 'plain', token: 'Token01', appSecret: 'AppSecret0001', replayWindowSeconds: 300 });
  expect(safe).not.toHaveProperty('replayWindowSeconds');
  for (const c of [plain, safe]) {
    expect(c).not.toHaveProperty('previous');
    expect(c).not.toHaveProperty('lastPushAt');
  }
  db.close();
});
