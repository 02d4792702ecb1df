import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../core/testing/test-doubles';
import { MasterKeyError } from '../master-key';
import { createPostgresStorage, isPostgresUrl, type PostgresStorage } from './create-postgres-storage';
import { usePostgres } from './testing/test-cluster';

const pg = usePostgres();
const KEY = randomBytes(32).toString('base64');
const opened: PostgresStorage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function open(url: string, masterKey: string | Uint8Array = KEY): Promise<PostgresStorage> {
  const s = await createPostgresStorage(url, { masterKey, masterKeySource: 'KEFU_MASTER_KEY', clock: new ManualClock(1000) });
  opened.push(s);
  return s;
}

const channel = {
  id: 'c1',
  name: 'n',
  kind: 'miniprogram',
  appId: 'wx1',
  originalId: 'gh_1',
  token: 'push-token-secret',
  mode: 'plaintext',
  format: 'json',
  appSecret: 'app-secret-value',
  tokenSource: 'stable',
  createdAt: 1,
  updatedAt: 1,
} as const;

describe('createPostgresStorage', () => {
  it('nodes opening one database at once share it: channels, tokens and outbox; secrets are sealed at rest', async () => {
    const url = await pg.createDatabase();
    const [a, b] = await Promise.all([open(url), open(url)]);
    await a.channels.save(channel);
    await a.tokens.save({ appId: 'wx1', source: 'stable', token: 'ACCESS-TOKEN', obtainedAt: 1, expiresAt: 2 });
    const id = a.ids.next('outbox');
    await a.uow.run((tx) =>
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
    await expect(b.channels.find('c1')).resolves.toMatchObject({ appSecret: 'app-secret-value', token: 'push-token-secret' });
    await expect(b.tokens.load('wx1', 'stable')).resolves.toMatchObject({ token: 'ACCESS-TOKEN' });
    await expect(b.outbox.claimDue(1000, 5)).resolves.toMatchObject([{ id }]);
    const dump = JSON.stringify((await a.pool.query('SELECT c.*, t.* FROM channels c, access_tokens t')).rows);
    for (const secret of ['app-secret-value', 'push-token-secret', 'ACCESS-TOKEN']) expect(dump).not.toContain(secret);
  });

  it('refuses a malformed key naming the variable, and a key other than the database’s', async () => {
    const url = await pg.createDatabase();
    await expect(open(url, 'short')).rejects.toThrow(/^KEFU_MASTER_KEY must be 32 bytes/);
    await open(url);
    await expect(open(url, randomBytes(32))).rejects.toThrow(MasterKeyError);
  });

  it('recognises the URLs that select it', () => {
    expect(isPostgresUrl('postgres://u@h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://u@h:5432/db')).toBe(true);
    expect(isPostgresUrl(undefined)).toBe(false);
    expect(isPostgresUrl('/var/lib/kefu/kefu.db')).toBe(false);
  });
});
