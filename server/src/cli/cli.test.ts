// The `kefu` command line as a child process, built by esbuild like scripts/start.mjs does, against a
// temporary DATA_DIR: exit codes, --help everywhere, secrets never printed or exported.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MASTER_KEY, useKefuCli } from './testing/kefu-cli';
import { openDatabase } from '../storage/database';
import { createSqliteStorage } from '../storage/create-sqlite-storage';

const SECRET_ENV = {
  KEFU_APP_SECRET: 'AppSecretValue00001',
  KEFU_PUSH_TOKEN: 'PushToken0001',
  KEFU_ENCODING_AES_KEY: 'K'.repeat(43),
  KEFU_UNION_ID_KEY: 'UnionKey16bytes!',
};
const cli = useKefuCli('kefu-cli-');
const kefu = cli.run;

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
  '--format',
  'json',
];

describe('kefu', () => {
  it('has --help on every command and answers 2 to misuse', () => {
    expect(kefu(['--help']).code).toBe(0);
    expect(kefu([]).code).toBe(2);
    for (const cmd of [
      ['serve'],
      ['send'],
      ['channels'],
      ['channels', 'add'],
      ['channels', 'list'],
      ['channels', 'remove'],
      ['channels', 'change'],
      ['channels', 'end-grace'],
      ['agents', 'add'],
      ['agents', 'list'],
      ['agents', 'set-password'],
      ['tokens', 'create'],
      ['tokens', 'list'],
      ['tokens', 'revoke'],
      ['export', 'channels'],
      ['export', 'conversations'],
    ]) {
      const r = kefu([...cmd, '--help'], { KEFU_MASTER_KEY: '' });
      expect({ cmd, code: r.code }).toEqual({ cmd, code: 0 });
      expect(r.out).toContain('kefu');
    }
    expect(kefu(['bogus']).code).toBe(2);
    expect(kefu(['channels', 'add', '--id', 'x']).code).toBe(2);
    expect(kefu(['channels', 'list', '--nope']).code).toBe(2);
    expect(kefu(['channels', 'list'], { KEFU_MASTER_KEY: 'short' })).toMatchObject({
      code: 1,
      err: expect.stringContaining('KEFU_MASTER_KEY'),
    });
  });

  it('adds, lists, exports and removes channels without ever showing a secret', () => {
    const bad = kefu([...ADD.slice(0, -2), '--format', 'yaml'], SECRET_ENV);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format');
    expect(kefu(ADD, SECRET_ENV)).toMatchObject({ code: 0, out: expect.stringContaining('/wechat/shop') });
    expect(kefu(ADD, SECRET_ENV).code).toBe(2);
    const list = kefu(['channels', 'list']);
    const json = kefu(['channels', 'list', '--json']);
    const out = join(cli.dir, 'export');
    const exported = kefu(['export', 'channels', '--out', out]);
    expect(exported.code).toBe(0);
    const csv = readFileSync(join(out, 'channels.csv'), 'utf8');
    expect(csv).toContain('shop,Shop,miniprogram,wx1234567890ab');
    for (const text of [list.out, json.out, csv, exported.out])
      for (const secret of Object.values(SECRET_ENV)) expect(text).not.toContain(secret);
    expect(JSON.parse(json.out)[0]).toMatchObject({ id: 'shop', hasEncodingAesKey: true, hasUnionIdKey: true });
    expect(kefu(['channels', 'remove', '--id', 'shop']).code).toBe(0);
    expect(kefu(['channels', 'remove', '--id', 'shop']).code).toBe(1);
  });

  it('changes a channel’s push settings with a grace period, ends it, and sets the replay window', () => {
    expect(kefu([...ADD, '--replay-window', '600', '--grace-seconds', '900'], SECRET_ENV).code).toBe(0);
    const changed = kefu(['channels', 'change', '--id', 'shop', '--mode', 'plaintext'], { KEFU_PUSH_TOKEN: 'RotatedToken9' });
    expect(changed).toMatchObject({ code: 0, out: expect.stringContaining('accepted until') });
    expect(changed.out).not.toContain('RotatedToken9');
    const shown = () => JSON.parse(kefu(['channels', 'list', '--json']).out)[0];
    expect(shown()).toMatchObject({ mode: 'plaintext', replayWindowSeconds: 600, graceSeconds: 900, previousMode: 'secure' });
    expect(kefu(['channels', 'end-grace', '--id', 'shop']).code).toBe(0);
    expect(kefu(['channels', 'change', '--id', 'shop', '--replay-window', 'off']).code).toBe(0);
    expect(shown()).toMatchObject({ previousValidUntil: null, replayWindowSeconds: null });
    const bad = kefu(['channels', 'change', '--id', 'shop', '--replay-window', 'soon']);
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('--replay-window') });
  });

  it('adds agents with logins, sets passwords, and manages tokens', () => {
    kefu(ADD, SECRET_ENV);
    const added = kefu(['agents', 'add', '--channel', 'shop', '--name', 'Mei', '--username', 'mei'], { KEFU_PASSWORD: 'mei-password-1' });
    expect(added.code).toBe(0);
    expect(added.out).not.toContain('mei-password-1');
    expect(kefu(['agents', 'add', '--channel', 'shop', '--name', 'X', '--username', 'x1'], { KEFU_PASSWORD: 'short' }).code).toBe(2);
    expect(kefu(['agents', 'add', '--channel', 'nope', '--name', 'X']).code).toBe(2);
    expect(kefu(['agents', 'list', '--channel', 'shop']).out).toMatch(/agt_\S+\t-\toffline\t5\tmei\tMei/);
    expect(kefu(['agents', 'set-password', '--username', 'MEI'], { KEFU_PASSWORD: 'mei-password-2' }).code).toBe(0);
    expect(kefu(['agents', 'set-password', '--username', 'ghost'], { KEFU_PASSWORD: 'mei-password-2' }).code).toBe(1);

    const created = kefu(['tokens', 'create', '--name', 'crm', '--role', 'platform_admin']);
    expect(created.code).toBe(0);
    const token = created.out.match(/kft_[\w-]+/)?.[0];
    expect(token).toBeDefined();
    const id = created.out.match(/tok_[\w-]+/)?.[0] ?? '';
    expect(kefu(['tokens', 'list']).out).not.toContain(token);
    expect(kefu(['tokens', 'create', '--name', 'x', '--role', 'king']).code).toBe(2);
    // A name with a right-to-left override is refused here as the REST API refuses it.
    expect(kefu(['tokens', 'create', '--name', 'crm\u202Egpj', '--role', 'platform_admin']).code).toBe(2);
    expect(kefu(['agents', 'add', '--channel', 'shop', '--name', 'M\u0007ei']).code).toBe(2);
    expect(kefu(['tokens', 'revoke', '--id', id]).code).toBe(0);
    expect(kefu(['tokens', 'revoke', '--id', id]).code).toBe(1);
    expect(kefu(['tokens', 'list']).out).toMatch(new RegExp(`${id}\\tplatform_admin\\t\\*\\t\\S+\\t-\\t\\d{4}-`));
  });

  it('exports conversations 2000 rows per file', async () => {
    kefu(ADD, SECRET_ENV);
    const db = openDatabase(join(cli.dir, 'data', 'kefu.db'));
    const { uow } = createSqliteStorage(db, { masterKey: MASTER_KEY });
    await uow.run(async (tx) => {
      for (let i = 0; i < 2001; i++) {
        const createdAt = 1_700_000_000_000 + Math.floor(i / 3); // three per millisecond: pages cross shared instants
        await tx.conversations.save({
          id: `conv-${String(i).padStart(5, '0')}`,
          channelId: 'shop',
          customerId: 'cust-1',
          state: 'ended',
          remainingChain: [],
          excludedAgentIds: [],
          createdAt,
          endReason: 'agent_ended',
        });
      }
    });
    db.close();
    const out = join(cli.dir, 'conv');
    expect(kefu(['export', 'conversations', '--out', out, '--channel', 'shop']).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['conversations-2.csv', 'conversations.csv']);
    const lines = ['conversations.csv', 'conversations-2.csv'].flatMap((f) =>
      readFileSync(join(out, f), 'utf8')
        .split('\r\n')
        .filter((l) => l.startsWith('conv-')),
    );
    expect(lines).toHaveLength(2001);
    expect(new Set(lines.map((l) => l.split(',')[0])).size).toBe(2001);
  });
});
