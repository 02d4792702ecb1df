// `kefu channels export-config|import-config` as a child process (built like cli.test.ts does): a channel's
// configuration written to a file from one DATA_DIR and imported into another, secrets never in the file,
// and a bad file refused (exit 2) with its problem named.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useKefuCli } from './testing/kefu-cli';

const SECRET_ENV = {
  KEFU_APP_SECRET: 'AppSecretValue00001',
  KEFU_PUSH_TOKEN: 'PushToken0001',
  KEFU_ENCODING_AES_KEY: 'K'.repeat(43),
  KEFU_UNION_ID_KEY: 'UnionKey16bytes!',
};
const cli = useKefuCli('kefu-channel-config-');
const ADD = [
  'channels',
  'add',
  '--id',
  'shop',
  '--name',
  'Shop',
  '--kind',
  'miniprogram',
  '--app-id',
  'wx1234567890ab',
  '--original-id',
  'gh_abc123',
  '--mode',
  'secure',
];

it('exports a channel’s configuration to a file and imports it into another server’s channel', () => {
  const at = (name: string) => ({ DATA_DIR: join(cli.dir, name) });
  const kefu = (server: string, args: string[], env: Record<string, string> = {}) => cli.run(args, { ...at(server), ...env });
  expect(kefu('one', ADD, SECRET_ENV).code).toBe(0);
  expect(kefu('one', ['merchants', 'add', '--channel', 'shop', '--code', 'SF', '--name', '顺丰']).code).toBe(0);
  const file = join(cli.dir, 'shop-config.json');
  expect(kefu('one', ['channels', 'export-config', '--id', 'shop', '--file', file])).toMatchObject({
    code: 0,
    out: expect.stringContaining('1 merchants'),
  });
  const text = readFileSync(file, 'utf8');
  for (const secret of Object.values(SECRET_ENV)) expect(text).not.toContain(secret);
  expect(JSON.parse(text)).toMatchObject({ format: 'kefu.channel-config', version: 1, merchants: [{ code: 'SF', name: '顺丰' }] });

  expect(kefu('two', ADD, SECRET_ENV).code).toBe(0);
  expect(kefu('two', ['channels', 'import-config', '--id', 'shop', '--file', file])).toMatchObject({
    code: 0,
    out: expect.stringContaining('merchants: 1 created, 0 updated'),
  });
  expect(kefu('two', ['merchants', 'list', '--channel', 'shop']).out).toContain('顺丰');
  const printed = kefu('two', ['channels', 'export-config', '--id', 'shop']);
  const { exportedAt: _a, ...again } = JSON.parse(printed.out);
  const { exportedAt: _b, ...first } = JSON.parse(text);
  expect(again).toEqual(first);

  writeFileSync(file, JSON.stringify({ ...JSON.parse(text), version: 9 }));
  expect(kefu('two', ['channels', 'import-config', '--id', 'shop', '--file', file])).toMatchObject({
    code: 2,
    err: expect.stringContaining('version: this server reads version 1'),
  });
  writeFileSync(file, '{not json');
  expect(kefu('two', ['channels', 'import-config', '--id', 'shop', '--file', file])).toMatchObject({
    code: 2,
    err: expect.stringContaining('is not JSON'),
  });
  expect(kefu('two', ['channels', 'import-config', '--id', 'nope', '--file', join(cli.dir, 'missing.json')]).code).toBe(2);
}, 60_000);
