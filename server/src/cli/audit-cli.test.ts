// The command line's changes are in the audit log too, by the operator ("command line"), with no secret:
// the real `kefu` as a child process against a temporary DATA_DIR, the log read back from the file.
import { join } from 'node:path';
import { SqliteAuditLog } from '../storage/sqlite-audit-log';
import { openDatabase } from '../storage/database';
import { useKefuCli } from './testing/kefu-cli';

const SECRET_ENV = {
  KEFU_APP_SECRET: 'AppSecretValue00001',
  KEFU_PUSH_TOKEN: 'PushToken0001',
  KEFU_ENCODING_AES_KEY: 'K'.repeat(43),
  KEFU_UNION_ID_KEY: 'UnionKey16bytes!',
};
const ADD = ['channels', 'add', '--id', 'shop', '--name', 'Shop', '--kind', 'miniprogram', '--app-id', 'wx1234567890ab'];
const cli = useKefuCli('kefu-audit-cli-');

it('records channels, agents, tokens and exports changed from the command line, as the operator', async () => {
  expect(cli.run([...ADD, '--original-id', 'gh_abc123', '--mode', 'secure', '--format', 'json'], SECRET_ENV).code).toBe(0);
  expect(cli.run(['channels', 'change', '--id', 'shop', '--grace-seconds', '600'], { KEFU_PUSH_TOKEN: 'RotatedToken9' }).code).toBe(0);
  expect(
    cli.run(['agents', 'add', '--channel', 'shop', '--name', 'Mei', '--username', 'mei'], { KEFU_PASSWORD: 'mei-password-1' }).code,
  ).toBe(0);
  const created = cli.run(['tokens', 'create', '--name', 'crm', '--role', 'platform_admin']);
  expect(cli.run(['export', 'channels', '--out', join(cli.dir, 'out')]).code).toBe(0);

  const db = openDatabase(join(cli.dir, 'data', 'kefu.db'));
  const entries = await new SqliteAuditLog(db).list({ limit: 50 });
  db.close();
  expect(entries.map((e) => e.action).reverse()).toEqual([
    'channel.create',
    'channel.change',
    'agent.create',
    'account.create',
    'token.issue',
    'export.take',
  ]);
  expect(new Set(entries.map((e) => JSON.stringify(e.actor)))).toEqual(
    new Set([JSON.stringify({ kind: 'operator', name: 'command line', role: 'platform_admin' })]),
  );
  expect(entries.find((e) => e.action === 'channel.change')).toMatchObject({
    before: { graceSeconds: 1800 },
    after: { graceSeconds: 600, secretsChanged: ['token'] },
  });
  const text = JSON.stringify(entries);
  const token = created.out.match(/kft_[\w-]+/)?.[0] ?? 'no token';
  for (const secret of [...Object.values(SECRET_ENV), 'RotatedToken9', 'mei-password-1', token]) expect(text).not.toContain(secret);
});
