// `kefu` on PostgreSQL (DATABASE_URL): the same commands, on the same database as the server; the
// secrets sealed there exactly as the server seals them, never printed.
import { randomBytes } from 'node:crypto';
import { createPostgresStorage } from '../storage/postgres/create-postgres-storage';
import { usePostgres } from '../storage/postgres/testing/test-cluster';
import { MASTER_KEY, useKefuCli } from './testing/kefu-cli';

const pg = usePostgres();
const cli = useKefuCli('kefu-cli-pg-');
const SECRET_ENV = { KEFU_APP_SECRET: 'AppSecretValue00001', KEFU_PUSH_TOKEN: 'PushToken0001', KEFU_ENCODING_AES_KEY: 'K'.repeat(43) };
const ADD = ['channels', 'add', '--id', 'shop', '--name', 'Shop', '--kind', 'miniprogram', '--app-id', 'wx1234567890ab'];
const ADD_REST = ['--original-id', 'gh_abc123', '--mode', 'secure', '--format', 'json'];

describe('kefu with DATABASE_URL', () => {
  it('adds and lists a channel in PostgreSQL, which the server then reads; refuses another master key', async () => {
    const url = await pg.createDatabase();
    const env = { DATABASE_URL: url };
    expect(cli.run([...ADD, ...ADD_REST], { ...env, ...SECRET_ENV })).toMatchObject({
      code: 0,
      out: expect.stringContaining('/wechat/shop'),
    });
    const list = cli.run(['channels', 'list', '--json'], env);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toMatchObject([{ id: 'shop', appId: 'wx1234567890ab' }]);
    for (const secret of Object.values(SECRET_ENV)) expect(list.out).not.toContain(secret);
    const server = await createPostgresStorage(url, { masterKey: MASTER_KEY });
    try {
      await expect(server.channels.get('shop')).resolves.toMatchObject({ appSecret: 'AppSecretValue00001', token: 'PushToken0001' });
    } finally {
      await server.close();
    }
    const wrongKey = cli.run(['channels', 'list'], { ...env, KEFU_MASTER_KEY: randomBytes(32).toString('hex') });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toMatch(/master key/);
  });
});
