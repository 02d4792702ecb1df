// `kefu … archive|unarchive|delete` as a child process against a temporary DATA_DIR (a real SQLite file):
// the same rules as the REST API, a refused delete is exit 2 naming what still refers to the record.
import { join } from 'node:path';
import { createSqliteStorage } from '../storage/create-sqlite-storage';
import { openDatabase } from '../storage/database';
import { MASTER_KEY, useKefuCli } from './testing/kefu-cli';

const SECRET_ENV = { KEFU_APP_SECRET: 'AppSecretValue00001', KEFU_PUSH_TOKEN: 'PushToken0001', KEFU_ENCODING_AES_KEY: 'K'.repeat(43) };
const cli = useKefuCli('kefu-archive-');
const kefu = cli.run;

const CHANNEL = ['channels', 'add', '--id', 'shop', '--name', 'Shop', '--kind', 'miniprogram', '--app-id', 'wx1234567890ab'];

async function giveConversation(agentId: string): Promise<void> {
  const db = openDatabase(join(cli.dir, 'data', 'kefu.db'));
  const { uow } = createSqliteStorage(db, { masterKey: MASTER_KEY });
  await uow.run((tx) =>
    tx.conversations.save({
      id: 'conv-1',
      channelId: 'shop',
      customerId: 'cu-1',
      state: 'ended',
      agentId,
      remainingChain: [],
      excludedAgentIds: [],
      createdAt: 1_700_000_000_000,
    }),
  );
  db.close();
}

describe('kefu archive, unarchive and delete', () => {
  it('has --help for each kind and action', () => {
    expect(kefu(['--help']).out).toContain('archive|unarchive|delete');
    const cases = [
      ['agents', 'archive'],
      ['groups', 'unarchive'],
      ['calendars', 'delete'],
      ['merchants', 'archive'],
      ['channels', 'delete'],
    ];
    for (const [kind, action] of cases) {
      const r = kefu([kind!, action!, '--help']);
      expect({ kind, action, code: r.code, out: r.out.split('\n')[0] }).toEqual({
        kind,
        action,
        code: 0,
        out: `kefu ${kind} ${action} --id ID`,
      });
    }
    expect(kefu(['groups', 'archive']).code).toBe(2);
  });

  it('archives an agent out of the list, refuses to delete it while it has history, and deletes an unused one', async () => {
    expect(kefu([...CHANNEL, '--original-id', 'gh_abc123', '--mode', 'secure'], SECRET_ENV).code).toBe(0);
    const added = kefu(['agents', 'add', '--channel', 'shop', '--name', 'Mei', '--username', 'mei'], { KEFU_PASSWORD: 'mei-password-1' });
    const agentId = added.out.match(/agt[\w-]+/)?.[0] ?? '';
    expect(agentId).not.toBe('');
    const other = kefu(['agents', 'add', '--channel', 'shop', '--name', 'Li']).out.match(/agt[\w-]+/)?.[0] ?? '';
    await giveConversation(agentId);

    expect(kefu(['agents', 'archive', '--id', agentId])).toMatchObject({
      code: 0,
      out: `archived agent ${agentId}; 0 conversation(s) moved on\n`,
    });
    expect(kefu(['agents', 'list', '--channel', 'shop']).out).not.toContain(agentId);
    expect(kefu(['agents', 'list', '--channel', 'shop', '--archived', 'only']).out).toContain(agentId);
    expect(kefu(['agents', 'list', '--channel', 'shop', '--archived', 'maybe']).code).toBe(2);
    expect(kefu(['agents', 'delete', '--id', agentId])).toMatchObject({
      code: 2,
      err: expect.stringContaining(`agent ${agentId} is still in use: 1 conversation`),
    });
    expect(kefu(['agents', 'unarchive', '--id', agentId]).code).toBe(0);
    expect(kefu(['agents', 'list', '--channel', 'shop']).out).toContain(agentId);

    expect(kefu(['agents', 'delete', '--id', other])).toMatchObject({ code: 0, out: `deleted agent ${other}\n` });
    expect(kefu(['agents', 'delete', '--id', other]).code).toBe(2); // gone: 404 is a usage error
    expect(kefu(['channels', 'delete', '--id', 'shop'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('channel shop is still in use: 1 agent, 1 conversation'),
    });
  });
});
