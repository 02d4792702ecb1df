import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { StoredToken } from '../core/ports/token-store';
import { openDatabase } from './database';
import { EncryptedTokenStore } from './encrypted-token-store';
import { SecretBox } from './secret-box';
import { SqliteTokenStore } from './sqlite-token-store';

let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-sealed-tokens-'));
  db = openDatabase(join(dir, 't.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const box = new SecretBox(randomBytes(32));
const token: StoredToken = { appId: 'wx1', source: 'stable', token: 'ACCESS_TOKEN_VALUE_1', obtainedAt: 1000, expiresAt: 7_201_000 };
const rawToken = () => db.prepare<[], { token: string }>('SELECT token FROM access_tokens').get()?.token;

describe('EncryptedTokenStore', () => {
  it('stores the token sealed and gives it back in clear', async () => {
    const store = new EncryptedTokenStore(new SqliteTokenStore(db), box);
    await store.save(token);
    expect(rawToken()).toMatch(/^v1\./);
    expect(rawToken()).not.toContain(token.token);
    await expect(store.load('wx1', 'stable')).resolves.toEqual(token);
    await expect(store.load('wx1', 'basic')).resolves.toBeUndefined();
  });

  it('discards only the token it was told about', async () => {
    const store = new EncryptedTokenStore(new SqliteTokenStore(db), box);
    await store.save({ ...token, token: 'NEWER' });
    await store.discard('wx1', 'stable', 'ACCESS_TOKEN_VALUE_1');
    await expect(store.load('wx1', 'stable')).resolves.toMatchObject({ token: 'NEWER' });
    await store.discard('wx1', 'stable', 'NEWER');
    await expect(store.load('wx1', 'stable')).resolves.toBeUndefined();
  });

  it('reads a token left in clear by an older build as absent, so a fresh one is fetched', async () => {
    await new SqliteTokenStore(db).save(token);
    const store = new EncryptedTokenStore(new SqliteTokenStore(db), box);
    await expect(store.load('wx1', 'stable')).resolves.toBeUndefined();
  });

  it('does not open a sealed token moved to another app', async () => {
    const store = new EncryptedTokenStore(new SqliteTokenStore(db), box);
    await store.save(token);
    db.prepare("UPDATE access_tokens SET app_id = 'wx2'").run();
    await expect(store.load('wx2', 'stable')).resolves.toBeUndefined();
  });
});
