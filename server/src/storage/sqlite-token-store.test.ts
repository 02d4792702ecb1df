import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './database';
import { SqliteTokenStore } from './sqlite-token-store';
import type { StoredToken } from '../core/ports/token-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-tokens-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const token: StoredToken = { appId: 'wx1', source: 'stable', token: 'T1', obtainedAt: 1000, expiresAt: 7_201_000 };

describe('SqliteTokenStore', () => {
  it('keeps a token across reopening the file', async () => {
    const file = join(dir, 'k.db');
    const db1 = openDatabase(file);
    await new SqliteTokenStore(db1).save(token);
    db1.close();
    const db2 = openDatabase(file);
    await expect(new SqliteTokenStore(db2).load('wx1', 'stable')).resolves.toEqual(token);
    await expect(new SqliteTokenStore(db2).load('wx1', 'basic')).resolves.toBeUndefined();
    db2.close();
  });

  it('replaces the token of the same app and source', async () => {
    const db = openDatabase(join(dir, 'k.db'));
    const store = new SqliteTokenStore(db);
    await store.save(token);
    await store.save({ ...token, token: 'T2', obtainedAt: 2000 });
    await expect(store.load('wx1', 'stable')).resolves.toMatchObject({ token: 'T2', obtainedAt: 2000 });
    db.close();
  });

  it('discards only the token it was told about', async () => {
    const db = openDatabase(join(dir, 'k.db'));
    const store = new SqliteTokenStore(db);
    await store.save({ ...token, token: 'NEWER' });
    await store.discard('wx1', 'stable', 'T1');
    await expect(store.load('wx1', 'stable')).resolves.toMatchObject({ token: 'NEWER' });
    await store.discard('wx1', 'stable', 'NEWER');
    await expect(store.load('wx1', 'stable')).resolves.toBeUndefined();
    db.close();
  });
});
