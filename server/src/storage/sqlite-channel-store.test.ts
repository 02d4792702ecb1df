import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { publicChannel } from '../core/ports/channel-store';
import { openDatabase } from './database';
import { MasterKeyError } from './master-key';
import { SecretBox, SecretOpenError } from './secret-box';
import { SqliteChannelStore } from './sqlite-channel-store';
import { channel, PREVIOUS_SECRETS, SECRETS } from './contract/channel-store-contract';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-channels-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const key = randomBytes(32);

describe('publicChannel', () => {
  it('shows no secret, only whether the optional ones are set', () => {
    const shown = publicChannel(channel('a'));
    const text = JSON.stringify(shown);
    for (const secret of [...Object.values(SECRETS), ...Object.values(PREVIOUS_SECRETS)]) expect(text).not.toContain(secret);
    expect(shown).toMatchObject({ id: 'a', appId: 'wx1234567890', hasEncodingAesKey: true, hasUnionIdKey: true });
    const { unionIdKey: _u, ...without } = channel('a');
    expect(publicChannel(without).hasUnionIdKey).toBe(false);
  });
});

describe('SqliteChannelStore at rest', () => {
  let db: Database;
  const file = () => join(dir, 'c.db');
  const openStore = (k: Uint8Array = key) => {
    db = openDatabase(file());
    return new SqliteChannelStore(db, new SecretBox(k));
  };
  afterEach(() => {
    if (db.open) db.close();
  });

  it('writes no secret in clear into the database file or its WAL', async () => {
    await openStore().save(channel('a'));
    const bytes = () => Buffer.concat([file(), `${file()}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    const check = () => {
      const raw = bytes();
      for (const secret of [...Object.values(SECRETS), ...Object.values(PREVIOUS_SECRETS)])
        expect(raw.includes(Buffer.from(secret))).toBe(false);
      expect(raw.includes(Buffer.from('wx1234567890'))).toBe(true); // the probe does see plain columns
    };
    check(); // still open: the row may sit in the WAL
    db.close();
    check(); // closed: checkpointed into the main file
  });

  it('refuses another master key at once, with an error naming no secret', async () => {
    await openStore().save(channel('a'));
    db.close();
    db = openDatabase(file());
    let error: unknown;
    try {
      new SqliteChannelStore(db, new SecretBox(randomBytes(32)));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MasterKeyError);
    expect((error as Error).message).toMatch(/master key is not the one this database was written with/);
    expect(openStore).not.toThrow(); // the right key still works
  });

  it('refuses a tampered ciphertext, naming the channel and field only', async () => {
    const store = openStore();
    await store.save(channel('a'));
    const sealed = db.prepare<[], { token: string }>("SELECT token FROM channels WHERE id = 'a'").get()?.token ?? '';
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[20] = (raw[20] ?? 0) ^ 0x80;
    db.prepare("UPDATE channels SET token = ? WHERE id = 'a'").run(`v1.${raw.toString('base64')}`);
    await expect(store.get('a')).rejects.toThrow(SecretOpenError);
    await expect(store.get('a')).rejects.toThrow('cannot open the stored secret channel a token');
    const message = await store.list().then(
      () => '',
      (e: Error) => e.message,
    );
    for (const secret of Object.values(SECRETS)) expect(message).not.toContain(secret);
  });

  it('refuses a ciphertext moved to another channel or another field', async () => {
    const store = openStore();
    await store.save(channel('a'));
    await store.save(channel('b', { appSecret: 'OtherSecretForB000000' }));
    db.prepare("UPDATE channels SET app_secret = (SELECT app_secret FROM channels WHERE id = 'a') WHERE id = 'b'").run();
    await expect(store.get('b')).rejects.toThrow('channel b appSecret');
    db.prepare("UPDATE channels SET token = app_secret WHERE id = 'a'").run();
    await expect(store.get('a')).rejects.toThrow('channel a token');
  });
});
