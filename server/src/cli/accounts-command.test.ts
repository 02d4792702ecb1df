// `kefu accounts` as a child process (built like cli.test.ts does) against a temporary DATA_DIR: a
// supervisor's login and an agent's login across two channels, never printing a password.
import { useKefuCli } from './testing/kefu-cli';

const SECRET_ENV = { KEFU_APP_SECRET: 'AppSecretValue00001', KEFU_PUSH_TOKEN: 'PushToken0001', KEFU_ENCODING_AES_KEY: 'K'.repeat(43) };
const kefu = useKefuCli('kefu-accounts-').run;

const channel = (id: string, appId: string) => [
  'channels',
  'add',
  '--id',
  id,
  '--name',
  id,
  '--kind',
  'miniprogram',
  '--app-id',
  appId,
  '--original-id',
  `gh_${id}00000`,
  '--mode',
  'secure',
];

describe('kefu accounts', () => {
  it('has --help on every action, listed in the main help', () => {
    expect(kefu(['--help']).out).toContain('accounts add|list|set-grant|remove');
    for (const cmd of [['accounts'], ['accounts', 'add'], ['accounts', 'list'], ['accounts', 'set-grant'], ['accounts', 'remove']]) {
      const r = kefu([...cmd, '--help'], { KEFU_MASTER_KEY: '' });
      expect({ cmd, code: r.code }).toEqual({ cmd, code: 0 });
      expect(r.out).toContain('kefu accounts');
    }
  });

  it('adds a supervisor and an agent of two channels, lists them, refuses two agents of one channel', () => {
    expect(kefu(channel('shop', 'wx1234567890ab'), SECRET_ENV).code).toBe(0);
    expect(kefu(channel('mall', 'wx1234567890cd'), SECRET_ENV).code).toBe(0);
    const agent = (ch: string) => kefu(['agents', 'add', '--channel', ch, '--name', `Mei ${ch}`]).out.match(/agt_[\w-]+/)?.[0] ?? '';
    const [a1, a2, a3] = [agent('shop'), agent('mall'), agent('shop')];

    const lead = kefu(['accounts', 'add', '--username', 'lead', '--role', 'supervisor', '--channel', 'shop'], {
      KEFU_PASSWORD: 'lead-password-1',
    });
    expect(lead).toMatchObject({ code: 0, out: expect.stringContaining('supervisor shop/*') });
    expect(lead.out).not.toContain('lead-password-1');
    const mei = kefu(['accounts', 'add', '--username', 'mei', '--role', 'agent', '--agent', `${a1},${a2}`], {
      KEFU_PASSWORD: 'mei-password-1',
    });
    expect(mei.code).toBe(0);
    const twice = kefu(['accounts', 'add', '--username', 'two', '--role', 'agent', '--agent', `${a1},${a3}`], {
      KEFU_PASSWORD: 'two-password-1',
    });
    expect(twice).toMatchObject({ code: 2, err: expect.stringContaining('one per channel') });
    expect(kefu(['accounts', 'add', '--username', 'x1', '--role', 'supervisor'], { KEFU_PASSWORD: 'x-password-1' }).code).toBe(2);

    const listed = kefu(['accounts', 'list']).out;
    expect(listed).toMatch(/\tsupervisor\tshop\/\*\t\S+\tlead/);
    expect(listed).toContain(`\tagent\t${a1},${a2}\t`);
    expect(listed).not.toContain('password');
    // An existing one-agent login linked to its agent in the other channel.
    expect(
      kefu(['accounts', 'add', '--username', 'xiaoli', '--role', 'agent', '--agent', a3], { KEFU_PASSWORD: 'li-password-1' }).code,
    ).toBe(0);
    const linked = kefu(['accounts', 'set-grant', '--username', 'xiaoli', '--role', 'agent', '--agent', `${a3},${a2}`]);
    expect(linked).toMatchObject({ code: 0, out: expect.stringContaining(`agent ${a3},${a2}`) });
    expect(kefu(['accounts', 'set-grant', '--username', 'ghost', '--role', 'agent', '--agent', a2]).code).toBe(1);
    expect(kefu(['accounts', 'remove', '--username', 'lead']).code).toBe(0);
    expect(kefu(['accounts', 'remove', '--username', 'lead']).code).toBe(1);
  });
});
