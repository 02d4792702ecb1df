// `kefu merchants` as a child process (built like cli.test.ts does) against a temporary DATA_DIR.
import { useKefuCli } from './testing/kefu-cli';

const SECRET_ENV = { KEFU_APP_SECRET: 'AppSecretValue00001', KEFU_PUSH_TOKEN: 'PushToken0001', KEFU_ENCODING_AES_KEY: 'K'.repeat(43) };
const kefu = useKefuCli('kefu-merchants-').run;

describe('kefu merchants', () => {
  it('has --help on every action, listed in the main help', () => {
    expect(kefu(['--help']).out).toContain('merchants add|list|add-admin');
    for (const cmd of [['merchants'], ['merchants', 'add'], ['merchants', 'list'], ['merchants', 'add-admin']]) {
      const r = kefu([...cmd, '--help'], { KEFU_MASTER_KEY: '' });
      expect({ cmd, code: r.code }).toEqual({ cmd, code: 0 });
      expect(r.out).toContain('kefu merchants');
    }
    expect(kefu(['merchants']).code).toBe(2);
    expect(kefu(['merchants', 'bogus']).code).toBe(2);
  });

  it('adds and lists merchants, and creates their admins’ logins without printing a password', () => {
    const channel = [
      'channels',
      'add',
      '--id',
      'plat',
      '--name',
      'Platform',
      '--kind',
      'miniprogram',
      '--app-id',
      'wx1234567890ab',
      '--original-id',
      'gh_abc123',
      '--mode',
      'secure',
    ];
    expect(kefu(channel, SECRET_ENV).code).toBe(0);

    const added = kefu(['merchants', 'add', '--channel', 'plat', '--code', 'SHOP-1', '--name', '小店']);
    expect(added.code).toBe(0);
    const merchantId = added.out.match(/mer_[\w-]+/)?.[0] ?? '';
    expect(merchantId).not.toBe('');
    expect(kefu(['merchants', 'add', '--channel', 'plat', '--code', 'SHOP-1', '--name', 'Again'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('taken'),
    });
    expect(kefu(['merchants', 'add', '--channel', 'nope', '--code', 'X', '--name', 'X']).code).toBe(2);
    expect(kefu(['merchants', 'add', '--channel', 'plat', '--name', 'No code']).code).toBe(2);

    const admin = kefu(['merchants', 'add-admin', '--merchant', merchantId, '--username', 'boss'], { KEFU_PASSWORD: 'boss-password-1' });
    expect(admin).toMatchObject({ code: 0, out: expect.stringContaining(merchantId) });
    expect(admin.out).not.toContain('boss-password-1');
    expect(kefu(['merchants', 'add-admin', '--merchant', merchantId, '--username', 'boss2', '--password', 'boss-password-2']).code).toBe(0);
    expect(kefu(['merchants', 'add-admin', '--merchant', merchantId, '--username', 'boss3']).code).toBe(2);
    expect(kefu(['merchants', 'add-admin', '--merchant', merchantId, '--username', 'boss4'], { KEFU_PASSWORD: 'short' }).code).toBe(2);
    expect(
      kefu(['merchants', 'add-admin', '--merchant', 'mer_nope', '--username', 'boss5'], { KEFU_PASSWORD: 'boss-password-1' }).code,
    ).toBe(2);
    expect(
      kefu(['merchants', 'add-admin', '--merchant', merchantId, '--username', 'BOSS'], { KEFU_PASSWORD: 'boss-password-1' }).code,
    ).toBe(1);

    const list = kefu(['merchants', 'list', '--channel', 'plat']);
    expect(list.code).toBe(0);
    expect(list.out).toContain(`${merchantId}\tSHOP-1\tboss,boss2\t小店`);
  });
});
