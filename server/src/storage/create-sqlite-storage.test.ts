import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../core/testing/test-doubles';
import { createSqliteStorage } from './create-sqlite-storage';
import { openDatabase } from './database';
import { MasterKeyError } from './master-key';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-storage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const KEY = randomBytes(32).toString('base64');

describe('createSqliteStorage', () => {
  it('wires every adapter on one file; channels and tokens survive a reopen with the same key', async () => {
    const file = join(dir, 'kefu.db');
    const db = openDatabase(file);
    const s = createSqliteStorage(db, { masterKey: KEY, clock: new ManualClock(1000) });
    await s.channels.save({
      id: 'c1',
      name: 'n',
      kind: 'miniprogram',
      appId: 'wx1',
      originalId: 'gh_1',
      token: 'tok',
      mode: 'plaintext',
      format: 'json',
      appSecret: 'sec',
      tokenSource: 'stable',
      createdAt: 1,
      updatedAt: 1,
    });
    await s.tokens.save({ appId: 'wx1', source: 'stable', token: 'AT', obtainedAt: 1, expiresAt: 2 });
    const id = s.ids.next('outbox');
    await s.uow.run((tx) =>
      tx.outbox.enqueue({
        id,
        channelId: 'c1',
        messageId: 'm',
        conversationId: 'cv',
        toOpenid: 'o',
        content: { type: 'text', text: 'x' },
        createdAt: 1000,
      }),
    );
    db.close();

    const db2 = openDatabase(file);
    const again = createSqliteStorage(db2, { masterKey: Buffer.from(KEY, 'base64').toString('hex') });
    await expect(again.channels.find('c1')).resolves.toMatchObject({ appSecret: 'sec', token: 'tok' });
    await expect(again.tokens.load('wx1', 'stable')).resolves.toMatchObject({ token: 'AT' });
    await expect(again.outbox.claimDue(1000, 5)).resolves.toMatchObject([{ id }]);
    db2.close();
  });

  it('refuses a malformed key naming the variable, and a different key', () => {
    const db = openDatabase(join(dir, 'kefu.db'));
    expect(() => createSqliteStorage(db, { masterKey: 'short', masterKeySource: 'KEFU_MASTER_KEY' })).toThrow(
      /^KEFU_MASTER_KEY must be 32 bytes/,
    );
    createSqliteStorage(db, { masterKey: KEY });
    expect(() => createSqliteStorage(db, { masterKey: randomBytes(32) })).toThrow(MasterKeyError);
    db.close();
  });
});
